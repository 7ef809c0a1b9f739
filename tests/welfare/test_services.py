import datetime as dt
from decimal import Decimal as D

import pytest

from tests.factories import MemberFactory, OrganizationFactory
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.welfare import services
from unionplan.welfare.models import WelfareEntry

DAY = dt.date(2025, 9, 17)


def test_a_gift_within_the_cap_is_recorded_with_its_decision(anhui, member):
    entry, decision = services.record(anhui, member, "festival", D(800), DAY, form="实物")
    assert decision.allowed and entry.within_rules
    assert entry.pack == "anhui-2025" and "符合规定" in entry.decision
    assert WelfareEntry.objects.get().amount == D(800)


def test_the_second_gift_sees_the_first(anhui, member):
    services.record(anhui, member, "festival", D(2000), dt.date(2025, 2, 1))
    decision = services.decide(anhui, member, "festival", D(300), DAY)
    assert not decision.allowed
    assert (decision.used, decision.remaining) == (D(2000), D(200))


def test_an_over_cap_gift_is_refused_and_nothing_recorded(anhui, member):
    services.record(anhui, member, "festival", D(2000), dt.date(2025, 2, 1))
    with pytest.raises(services.Refused) as refused:
        services.record(anhui, member, "festival", D(300), DAY)
    assert "每人每年不超过2,200.00元" in refused.value.message
    assert WelfareEntry.objects.count() == 1
    assert AuditEntry.objects.count() == 1  # the first gift's only


def test_an_override_with_a_reason_records_it_over_the_cap(anhui, member):
    services.record(anhui, member, "festival", D(2000), dt.date(2025, 2, 1))
    entry, decision = services.record(
        anhui, member, "festival", D(300), DAY, override_reason="经工会委员会研究同意"
    )
    assert not decision.allowed and not entry.within_rules
    assert entry.override_reason == "经工会委员会研究同意"
    assert "超出" in entry.decision
    logged = AuditEntry.objects.get(action="welfare.override")
    assert logged.organization == anhui
    assert logged.detail["override_reason"] == "经工会委员会研究同意"
    assert logged.detail["entry"] == entry.pk
    assert AuditEntry.objects.filter(action="welfare.give").count() == 1


def test_an_override_without_a_reason_is_refused(anhui, member):
    with pytest.raises(UserInputError, match="须写明理由"):
        services.record(anhui, member, "festival", D(3000), DAY, override_reason="  ")
    assert not WelfareEntry.objects.exists()


def test_an_allowed_gift_keeps_no_override_reason(anhui, member):
    entry, _ = services.record(anhui, member, "festival", D(100), DAY, override_reason="不需要")
    assert entry.override_reason == ""


def test_gifts_to_other_members_and_other_years_do_not_count(anhui, member):
    services.record(anhui, member, "birthday", D(300), dt.date(2024, 3, 1))
    other = MemberFactory(organization=anhui)
    services.record(anhui, other, "birthday", D(500), DAY)
    assert services.decide(anhui, member, "birthday", D(500), DAY).allowed


def test_retirement_once_counts_every_year(anhui, member):
    services.record(anhui, member, "retirement", D(900), dt.date(2019, 6, 1))
    assert not services.decide(anhui, member, "retirement", D(500), DAY).allowed


def test_a_member_of_another_union_is_refused(anhui):
    elsewhere = MemberFactory(organization=OrganizationFactory(province="安徽省"))
    with pytest.raises(UserInputError, match=r"不是.*的会员"):
        services.decide(anhui, elsewhere, "festival", D(1), DAY)
    with pytest.raises(UserInputError, match="不属于合肥第一中学工会"):
        services.find_member(anhui, elsewhere.id_number)


def test_finding_a_member_by_id_number(anhui, member):
    assert services.find_member(anhui, member.id_number.lower()) == member
    with pytest.raises(UserInputError, match="请填写"):
        services.find_member(anhui, "")


def test_a_union_without_province_or_pack_is_told_so(db):
    member = MemberFactory(organization=OrganizationFactory(province=""))
    with pytest.raises(UserInputError, match="没有填写所在省份"):
        services.decide(member.organization, member, "festival", D(1), DAY)
    member = MemberFactory(organization=OrganizationFactory(province="西藏自治区"))
    with pytest.raises(UserInputError, match="尚无西藏的经费规则"):
        services.decide(member.organization, member, "festival", D(1), DAY)


def test_the_check_reads_one_query_of_the_member_history(anhui, member, django_assert_num_queries):
    services.record(anhui, member, "festival", D(100), dt.date(2025, 1, 1))
    with django_assert_num_queries(1):
        services.decide(anhui, member, "festival", D(100), DAY)


# --- the budget in force (core.spending, the funds app's guard) ---------------------------


@pytest.fixture
def gift_budget(anhui, db):
    """The union's 2025 plan approved with 1,000 for a festival gift (职工活动支出/会员活动)."""
    from tests.factories import PlanFactory, RoleFactory, ScheduleItemFactory
    from tests.funds.conftest import approved_now

    chair = RoleFactory(organization=anhui, role="chair").user
    plan = PlanFactory(organization=anhui, year=2025)
    ScheduleItemFactory(plan=plan, month=9, category="festival", budget=D(1000))
    approved_now(plan, chair)
    return chair


def test_a_gift_within_the_budget_is_recorded(anhui, member, gift_budget):
    services.record(anhui, member, "festival", D(600), DAY, user=gift_budget)
    assert WelfareEntry.objects.count() == 1


def test_a_gift_past_the_budget_is_refused_then_overridden_by_the_chair(anhui, member, gift_budget):
    from unionplan.funds.models import SpendingOverride

    other = MemberFactory(organization=anhui, name="李老师")
    services.record(anhui, member, "festival", D(600), DAY, user=gift_budget)
    with pytest.raises(UserInputError, match=r"会员活动”预算1,000\.00元，已支出600\.00元"):
        services.record(anhui, other, "festival", D(500), DAY, user=gift_budget)
    with pytest.raises(UserInputError, match="须填写理由"):
        services.record(anhui, other, "festival", D(500), DAY, user=gift_budget, budget_reason=" ")
    assert WelfareEntry.objects.count() == 1 and not SpendingOverride.objects.exists()
    services.record(
        anhui, other, "festival", D(500), DAY, user=gift_budget, budget_reason="慰问人数增加"
    )
    assert WelfareEntry.objects.count() == 2
    assert SpendingOverride.objects.get().reason == "慰问人数增加"
    assert AuditEntry.objects.filter(action="funds.override").count() == 1
