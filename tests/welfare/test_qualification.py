"""Who qualifies in the register: the pack's conditions checked against the member's 会籍,
会费, fund base and secondment, in ``welfare check``/``give`` and on the register form."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.factories import MemberFactory
from unionplan.welfare import services
from unionplan.welfare.models import WelfareEntry

DAY = dt.date(2025, 9, 17)
PAID = {"dues_paid_through": dt.date(2025, 8, 1), "in_fund_base": True}


@pytest.fixture
def paying(anhui):
    return MemberFactory(organization=anhui, name="钱老师", **PAID)


def test_a_paying_member_in_the_fund_base_qualifies(anhui, paying):
    decision = services.decide(anhui, paying, "festival", D(800), DAY)
    assert decision.allowed and "未登记" not in decision.reason


@pytest.mark.parametrize(
    ("standing", "words"),
    [
        ({"dues_paid_through": dt.date(2025, 3, 1)}, "会费只缴至2025年3月"),
        ({"in_fund_base": False}, "工资未列入工会经费计提基数"),
        ({"status": "retired"}, "离退休人员的福利不从工会经费列支"),
        ({"standing": "withdrawn"}, "会籍已退会"),
        ({"secondment": "elsewhere"}, "集体福利由他处发放"),
    ],
)
def test_a_member_who_does_not_qualify_is_refused_with_the_rule_cited(anhui, standing, words):
    member = MemberFactory(organization=anhui, **(PAID | standing))
    decision = services.decide(anhui, member, "festival", D(800), DAY)
    assert not decision.allowed
    assert decision.reason.startswith("不符合领取条件：") and words in decision.reason
    assert "皖工发〔2025〕18号" in decision.reason and "节日慰问条款" in decision.reason
    assert "缴纳会费且工资列入经费计提基数的会员" in decision.reason  # the rule's own words
    with pytest.raises(services.Refused):
        services.record(anhui, member, "festival", D(800), DAY)
    assert not WelfareEntry.objects.exists()


def test_over_the_cap_and_not_qualifying_says_both(anhui):
    member = MemberFactory(organization=anhui, **(PAID | {"in_fund_base": False}))
    decision = services.decide(anhui, member, "festival", D(3000), DAY)
    assert "工资未列入" in decision.reason and "每人每年不超过2,200.00元" in decision.reason


def test_a_refusal_can_be_overridden_with_a_reason_kept_on_the_entry(anhui):
    member = MemberFactory(
        organization=anhui, **(PAID | {"dues_paid_through": dt.date(2024, 12, 1)})
    )
    entry, _decision = services.record(
        anhui, member, "birthday", D(300), DAY, override_reason="会费已补缴，待财务入账"
    )
    assert not entry.within_rules and entry.override_reason == "会费已补缴，待财务入账"
    assert "会费只缴至2024年12月" in entry.decision


def test_the_retiring_members_keepsake_is_not_refused_for_retiring(anhui):
    member = MemberFactory(organization=anhui, status="retired", standing="retained", **PAID)
    assert services.decide(anhui, member, "retirement", D(1500), DAY).allowed
    assert not services.decide(anhui, member, "birthday", D(300), DAY).allowed


def test_what_the_registry_does_not_hold_is_said_not_refused(anhui, member):
    decision = services.decide(anhui, member, "festival", D(800), DAY)
    assert decision.allowed
    assert "会费缴纳情况、工资是否列入经费计提基数未登记，未核对领取条件" in decision.reason


def gift(org, member, *extra, kind="festival", amount="800"):
    return ["--org", str(org.pk), "--member", member.id_number, "--kind", kind,
            "--amount", amount, "--date", DAY.isoformat(), *extra]  # fmt: skip


def test_the_commands_refuse_a_member_who_does_not_qualify(run_command, anhui):
    member = MemberFactory(organization=anhui, **(PAID | {"secondment": "elsewhere"}))
    code, out, err = run_command("welfare_check", *gift(anhui, member, "--json"))
    data = json.loads(out)
    assert code == 0 and data["allowed"] is False and "借调/派遣人员" in data["reason"]
    assert data["rule"]["document"].endswith("（皖工发〔2025〕18号）")
    code, out, err = run_command("welfare_give", *gift(anhui, member))
    assert code == 2 and err.startswith("错误：不符合领取条件：") and "\n" not in err.strip()
    assert not WelfareEntry.objects.exists()


def test_the_register_form_shows_the_failed_condition(anhui_chair_client, anhui):
    member = MemberFactory(organization=anhui, **(PAID | {"in_fund_base": False}))
    data = {"id_number": member.id_number, "kind": "festival", "date": DAY.isoformat(),
            "amount": "800", "form": "实物", "action": "record"}  # fmt: skip
    response = anhui_chair_client.post(reverse("welfare:give", args=[anhui.pk]), data)
    assert response.status_code == 200
    assert "不符合领取条件" in response.text and "工资未列入工会经费计提基数" in response.text
    assert not WelfareEntry.objects.exists()


def test_the_rules_page_says_what_the_register_checks(anhui_chair_client):
    text = anhui_chair_client.get(reverse("welfare:rules")).text
    assert "登记时核对：" in text and "工资列入工会经费计提基数" in text
