import datetime as dt
import json

import pytest

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
