import datetime as dt
import json

import pytest

from tests.cli import run_cli
from tests.factories import ChildFactory, MemberFactory, OrganizationFactory


def test_parse_prints_the_json_document(run_command):
    code, out, _ = run_command("scope_parse", "70周岁以上退休老教师")
    document = json.loads(out)
    assert code == 0
    assert set(document) == {"text", "filter", "unresolved", "notes"}
    assert document["filter"]["age_min"] == 70
    assert document["filter"]["status"] == ["retired"]


def test_parse_needs_no_database(run_command):
    # No django_db mark: any query would raise "Database access not allowed".
    code, out, _ = run_command("scope_parse", "部分职工")
    assert code == 0
    assert json.loads(out)["unresolved"] == ["部分"]


@pytest.mark.django_db
def test_resolve_prints_the_count_then_the_masked_list(run_command, org):
    MemberFactory(organization=org, name="张老师", birth_date=dt.date(1950, 1, 1), status="retired")
    MemberFactory(organization=org, name="李老师", birth_date=dt.date(1990, 1, 1))
    code, out, err = run_command(
        "scope_resolve", "70周岁以上退休老教师", "--org", str(org.pk), "--date", "2027-01-01"
    )
    assert (code, out.splitlines(), err) == (0, ["1"], "")
    code, out, _ = run_command(
        "scope_resolve", "70周岁以上退休老教师", "--org", str(org.pk), "--date", "2027-01-01",
        "--list",
    )  # fmt: skip
    lines = out.splitlines()
    assert lines[0] == "1" and "张老师" in lines[2] and "李老师" not in out
    assert "********" in lines[2]


@pytest.mark.django_db
def test_resolve_counts_the_unions_below(run_command):
    federation = OrganizationFactory(kind="federation")
    school = OrganizationFactory(parent=federation)
    MemberFactory(organization=federation, gender="female")
    MemberFactory(organization=school, gender="female")
    MemberFactory(organization=OrganizationFactory(), gender="female")  # another tree
    assert run_command("scope_resolve", "女职工", "--org", str(federation.pk))[1] == "2\n"
    assert run_command("scope_resolve", "女职工", "--org", str(school.pk))[1] == "1\n"


@pytest.mark.django_db
def test_resolve_lists_children_for_a_children_scope(run_command, org):
    parent = MemberFactory(organization=org, name="王会员")
    ChildFactory(member=parent, name="小明", birth_date=dt.date(2020, 1, 1))
    ChildFactory(member=parent, name="大明", birth_date=dt.date(2000, 1, 1))
    code, out, _ = run_command(
        "scope_resolve", "14岁以下职工子女", "--org", str(org.pk), "--date", "2027-01-01", "--list"
    )
    assert code == 0 and out.splitlines()[0] == "1"
    assert "小明" in out and "大明" not in out and "王会员" in out


@pytest.mark.django_db
def test_resolve_warns_about_unresolved_words(run_command, org):
    MemberFactory(organization=org)
    code, out, err = run_command("scope_resolve", "部分职工", "--org", str(org.pk))
    assert code == 0
    assert "部分" in err and err.startswith("警告")
    assert out == "1\n"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--org", "999999"], "找不到编号为 999999 的工会"),
        (["--org", "abc"], "找不到编号为 abc 的工会"),
        (["--org", "{org}", "--date", "1975-02-30"], "不存在"),
        (["--org", "{org}", "--date", "2027/3/1"], "格式不对"),
        ([], "参数有误"),
    ],
)
def test_resolve_bad_input_is_one_chinese_line_and_exit_2(run_command, org, args, words):
    args = [arg.format(org=org.pk) for arg in args]
    code, out, err = run_command("scope_resolve", "女职工", *args)
    assert code == 2 and out == ""
    assert err.startswith("错误") and words in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err


# Every phrase of issue 11's 参加范围 list: what `unionplan scope parse` reads it as. The
# filter is given by the keys that restrict something; "notes" marks the welfare words whose
# answer will come from the hardship and welfare records.
ISSUE_PHRASES = [
    ("全市职工", {}, []),
    ("全区职工", {}, []),
    ("全县", {}, []),
    ("全体会员", {}, []),
    ("全系统", {}, []),
    ("各基层工会", {"target": "unions"}, []),
    ("基层工会主席", {"tags": ["工会主席"], "union_level": "grassroots"}, []),
    ("基层工会干部", {"tags": ["工会干部"], "union_level": "grassroots"}, []),
    ("工会财务人员", {"tags": ["工会财务人员"]}, []),
    ("新入职职工", {"new_hire": True}, []),
    ("一线职工", {"tags": ["一线职工"]}, []),
    ("青年职工", {"age_max": 35}, []),
    ("工会积极分子", {"tags": ["工会积极分子"]}, []),
    ("劳动模范/先进工作者", {"tags": ["劳模", "先进工作者"]}, []),
    ("女职工委员会委员", {"tags": ["女职工委员"]}, []),
    ("职工代表/教代会代表", {"tags": ["职工代表"]}, []),
    ("生病住院", {}, ["生病住院"]),
    ("困难职工", {"hardship": "any"}, []),
    ("单亲", {}, ["单亲"]),
    ("大病", {}, ["大病"]),
    ("新任基层工会主席", {"tags": ["工会主席"], "union_level": "grassroots"}, ["新任"]),
]
WELFARE = {"生病住院", "单亲", "大病"}


def _restricting(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, [], False, "members")}


@pytest.mark.parametrize(("text", "expected", "unresolved"), ISSUE_PHRASES)
def test_scope_parse_reads_every_phrase_of_the_issue(run_command, text, expected, unresolved):
    code, out, err = run_command("scope_parse", text)
    document = json.loads(out)
    assert (code, err) == (0, "")
    assert _restricting(document["filter"]) == expected
    assert document["unresolved"] == unresolved
    assert bool(document["notes"]) == (text in WELFARE)
    if text in WELFARE:
        assert "档案" in document["notes"][0] or "台账" in document["notes"][0]


def test_scope_parse_in_its_own_process():
    result = run_cli("scope", "parse", "基层工会主席")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["filter"]["union_level"] == "grassroots"
    welfare = json.loads(run_cli("scope", "parse", "困難職工").stdout)  # traditional input
    assert welfare["unresolved"] == [] and welfare["filter"]["hardship"] == "any"


@pytest.mark.django_db
def test_resolve_lists_unions_and_explains_welfare_words(run_command):
    federation = OrganizationFactory(kind="federation", name="示例市总工会")
    OrganizationFactory(parent=federation, name="实验小学工会")
    OrganizationFactory(parent=federation, kind="federation", name="区教育工会")
    code, out, _ = run_command("scope_resolve", "各基层工会", "--org", str(federation.pk), "--list")
    assert out.splitlines() == ["1", "序号\t工会\t上级工会", "1\t实验小学工会\t示例市总工会"]
    code, out, err = run_command("scope_resolve", "大病职工", "--org", str(federation.pk))
    assert code == 0 and "福利慰问台账" in err
    code, out, err = run_command("scope_resolve", "困难职工", "--org", str(federation.pk))
    assert (code, out.strip(), err) == (0, "0", "")  # counted from the hardship files
    code, out, err = run_command("scope_resolve", "困难职工", "--org", str(federation.pk), "--list")
    assert code == 2 and "命令行不列出" in err and out == ""
