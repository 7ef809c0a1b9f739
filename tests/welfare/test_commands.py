import json

import pytest

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from tests.factories import MemberFactory, OrganizationFactory
from unionplan.welfare.models import WelfareEntry


def gift(org, member, *extra, kind="festival", amount="800", date="2025-09-17"):
    return ["--org", str(org.pk), "--member", member.id_number, "--kind", kind,
            "--amount", amount, "--date", date, *extra]  # fmt: skip


def test_check_answers_the_contract_shape_and_records_nothing(run_command, anhui, member):
    code, out, err = run_command("welfare_check", *gift(anhui, member, "--json"))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["allowed"] is True
    assert (data["cap"], data["used"], data["remaining"]) == (2200, 0, 2200)
    assert data["rule"]["document"].endswith("（皖工发〔2025〕18号）") and data["rule"]["article"]
    assert "符合规定" in data["reason"]
    assert not WelfareEntry.objects.exists()


def test_give_records_then_refuses_over_the_cap_then_overrides(run_command, anhui, member):
    code, out, err = run_command("welfare_give", *gift(anhui, member, amount="2000"))
    assert code == 0 and "已登记" in out
    code, out, err = run_command("welfare_give", *gift(anhui, member, amount="300"))
    assert code == 2 and err.startswith("错误：") and "还可发200.00元" in err
    assert WelfareEntry.objects.count() == 1
    code, out, err = run_command(
        "welfare_give",
        *gift(anhui, member, "--override", "特殊困难，委员会同意", "--json", amount="300"),
    )
    assert code == 0
    data = json.loads(out)
    assert data["allowed"] is False and data["entry"]
    assert WelfareEntry.objects.get(pk=data["entry"]).override_reason == "特殊困难，委员会同意"


def test_check_sees_what_give_recorded(run_command, anhui, member):
    run_command(
        "welfare_give", *gift(anhui, member, "--illness", "肺炎", kind="hospital", amount="1000")
    )
    _code, out, _ = run_command(
        "welfare_check",
        *gift(anhui, member, "--illness", "肺炎", "--json", kind="hospital", amount="500"),
    )
    data = json.loads(out)
    assert data["allowed"] is False and data["used"] == 1000
    assert "同一疾病" in data["reason"]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"amount": "八百"}, "金额应为数字"),
        ({"amount": "-5"}, "金额须大于0元"),
        ({"date": "2025-13-01"}, "日期“2025-13-01”不存在"),
        ({"date": "2025-02-30"}, "日期“2025-02-30”不存在"),
        ({"date": "明天"}, "格式不对，应写作 YYYY-MM-DD"),
        ({"date": "2010-01-01"}, "不在安徽经费规则的施行期内"),
        ({"kind": "pizza"}, "未知的慰问种类"),
        ({"kind": "hardship"}, "没有2025年已审核的困难职工档案"),
        ({"kind": "hospital"}, "须注明疾病名称"),
    ],
)
def test_bad_input_is_one_chinese_line_exit_2_and_nothing_recorded(
    run_command, anhui, member, change, words
):
    code, _out, err = run_command("welfare_give", *gift(anhui, member, **change))
    assert code == 2 and err.startswith("错误：") and words in err
    assert err.strip().count("\n") == 0
    assert not WelfareEntry.objects.exists()


def test_a_member_of_another_union_and_an_override_without_reason(run_command, anhui, member):
    elsewhere = MemberFactory(organization=OrganizationFactory(province="安徽省"))
    code, _, err = run_command("welfare_give", *gift(anhui, elsewhere))
    assert code == 2 and "不属于合肥第一中学工会" in err
    assert elsewhere.id_number not in err  # masked
    code, _, err = run_command(
        "welfare_give", *gift(anhui, member, "--override", " ", amount="9000")
    )
    assert code == 2 and "须写明理由" in err
    code, _, err = run_command("welfare_give", *gift(anhui, member, amount="9000"))
    assert code == 2 and "超出" in err
    assert not WelfareEntry.objects.exists()


def test_rules_lists_packs_with_citations(run_command, db):
    code, out, _ = run_command("welfare_rules", "--province", "安徽省", "--json")
    packs = json.loads(out)
    assert code == 0 and [p["id"] for p in packs] == ["anhui-2018", "anhui-2025"]
    assert packs[1]["document_number"] == "皖工发〔2025〕18号"
    assert packs[1]["rules"]["festival"]["per_person_year"] == 2200
    code, out, _ = run_command("welfare_rules")
    assert code == 0 and "黑龙江" in out and "贵州" in out
    code, _, err = run_command("welfare_rules", "--province", "西藏")
    assert code == 2 and "尚无西藏的经费规则" in err


def test_the_real_console_command(tmp_path):
    """``unionplan welfare …`` as typed, in its own process against a migrated database."""
    env = migrated_database_env(tmp_path)
    result = run_cli("welfare", "rules", "--province", "福建", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["rules"]["hospital"]["occasion_caps"] == {"手术": 1000}
    result = run_cli("welfare", "check", "--org", "999", "--member", "x", "--kind", "festival",
                     "--amount", "1", "--date", "2025-01-01", "--json", env=env)  # fmt: skip
    assert_one_line_exit_2(result, "找不到编号为 999 的工会")


def test_give_under_a_budget_in_force_records_within_it_and_refuses_past_it(
    run_command, anhui, member
):
    """The command line has no user: within the budget it records, past it it is refused
    in Chinese (only the chair, on the page, may override the budget)."""
    from decimal import Decimal as D

    from tests.factories import PlanFactory, RoleFactory, ScheduleItemFactory
    from tests.funds.conftest import approved_now

    plan = PlanFactory(organization=anhui, year=2025)
    ScheduleItemFactory(plan=plan, month=9, category="festival", budget=D(500))
    approved_now(plan, RoleFactory(organization=anhui, role="chair").user)
    code, _out, err = run_command("welfare_give", *gift(anhui, member, amount="300"))
    assert (code, err) == (0, "") and WelfareEntry.objects.count() == 1
    code, _out, err = run_command("welfare_give", *gift(anhui, member, amount="400"))
    assert code == 2 and err.startswith("错误：") and WelfareEntry.objects.count() == 1
