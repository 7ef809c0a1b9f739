"""Campaigns: the list drawn from a scope, payments checked one by one, totals."""

import datetime as dt
from decimal import Decimal as D

import pytest

from tests.factories import FederationFactory, MemberFactory, OrganizationFactory
from unionplan.errors import UserInputError
from unionplan.welfare import campaigns, services
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.models import WelfareEntry

DAY = dt.date(2026, 1, 20)


def warmth(org, **extra) -> Campaign:
    fields = {**campaigns.defaults("warmth", 2026), "scope": "全体会员", "amount": D(800),
              "form": "实物", **extra}  # fmt: skip
    return Campaign.objects.create(organization=org, **fields)


def test_the_usual_dates_of_each_campaign():
    assert campaigns.window("warmth", 2026) == (dt.date(2026, 1, 18), dt.date(2026, 2, 16))
    assert campaigns.window("schooling", 2026) == (dt.date(2026, 8, 1), dt.date(2026, 9, 30))
    assert campaigns.window("cooling", 2026) == (dt.date(2026, 6, 1), dt.date(2026, 8, 31))
    assert campaigns.defaults("warmth", 2026)["occasion"] == "春节"
    assert campaigns.next_year_of("warmth", dt.date(2026, 1, 5)) == 2026  # 春节 is 2-17
    assert campaigns.next_year_of("warmth", dt.date(2026, 3, 1)) == 2027
    assert campaigns.next_year_of("schooling", dt.date(2026, 3, 1)) == 2026


def test_the_list_is_the_scope_over_the_registry(anhui, member):
    retired = MemberFactory(organization=anhui, name="王退休", status="retired")
    campaign = warmth(anhui, scope="退休会员")
    assert list(campaigns.recipients(campaign)) == [retired]
    assert set(campaigns.recipients(warmth(anhui))) == {member, retired}


def test_a_scope_the_registry_cannot_answer_is_refused(anhui, member):
    with pytest.raises(UserInputError, match=r"大病职工.*无法从会员名册确定"):
        campaigns.recipients(warmth(anhui, scope="大病职工"))


def test_a_hardship_scope_is_sent_to_the_files_source(anhui, member):
    """困难职工 as a scope would pay hardship aid as a gift to names: the files source does it."""
    with pytest.raises(UserInputError, match=r"困难职工.*困难职工档案"):
        campaigns.recipients(warmth(anhui, scope="困难职工"))


def test_payments_are_checked_and_recorded_with_the_campaign(anhui, member):
    campaign = warmth(anhui)
    result = campaigns.pay(campaign, [member.pk], DAY)
    entry = WelfareEntry.objects.get()
    assert result.recorded == [entry] and not result.refused
    assert entry.campaign == campaign and entry.kind == "festival" and entry.occasion == "春节"
    assert entry.amount == D(800) and entry.reason == "2026年送温暖" and entry.within_rules


def test_a_member_paid_once_is_not_paid_again(anhui, member):
    campaign = warmth(anhui)
    campaigns.pay(campaign, [member.pk], DAY)
    assert campaigns.pay(campaign, [member.pk], DAY).skipped == 1
    assert WelfareEntry.objects.count() == 1


def test_over_the_cap_is_refused_with_the_reason_then_overridden(anhui, member):
    other = MemberFactory(organization=anhui, name="李老师")
    services.record(anhui, member, "festival", D(2000), dt.date(2026, 1, 2))
    campaign = warmth(anhui)
    result = campaigns.pay(campaign, [member.pk, other.pk], DAY)
    assert [e.member for e in result.recorded] == [other]
    (refusal,) = result.refused
    assert refusal.member == member and refusal.over_rules and "2,200.00" in refusal.reason
    assert WelfareEntry.objects.filter(campaign=campaign).count() == 1
    again = campaigns.pay(campaign, [member.pk], DAY, override_reason="家中变故，委员会同意")
    assert again.recorded[0].override_reason == "家中变故，委员会同意"
    with pytest.raises(UserInputError, match="须写明理由"):
        campaigns.pay(campaign, [member.pk], DAY, override_reason=" ")


def test_a_member_off_the_list_is_not_paid(anhui, member):
    stranger = MemberFactory(organization=OrganizationFactory(province="安徽省"))
    retired_only = warmth(anhui, scope="退休会员")
    result = campaigns.pay(retired_only, [member.pk, stranger.pk], DAY)
    assert not result.recorded and not WelfareEntry.objects.exists()


def test_a_date_outside_the_campaign_is_refused(anhui, member):
    with pytest.raises(UserInputError, match="不在活动期间"):
        campaigns.pay(warmth(anhui), [member.pk], dt.date(2026, 3, 1))
    assert not WelfareEntry.objects.exists()


def test_a_kind_the_pack_has_no_rule_for_is_refused_without_override(anhui, member):
    campaign = warmth(anhui, gift_kind="hardship", occasion="")
    result = campaigns.pay(campaign, [member.pk], DAY, override_reason="理由")
    (refusal,) = result.refused
    assert "困难帮扶按困难职工档案发放" in refusal.reason and not refusal.over_rules
    assert not WelfareEntry.objects.exists()


def test_a_federation_campaign_reaches_the_members_of_its_unions(db):
    city = FederationFactory(name="合肥市总工会", province="安徽省")
    school = OrganizationFactory(name="一中工会", parent=city, province="安徽省")
    teacher = MemberFactory(organization=school, name="赵老师")
    campaign = warmth(city)
    assert list(campaigns.recipients(campaign)) == [teacher]
    campaigns.pay(campaign, [teacher.pk], DAY)
    entry = WelfareEntry.objects.get()
    assert entry.organization == city and entry.member == teacher


def test_totals_count_people_households_and_money(anhui, member):
    other = MemberFactory(organization=anhui, name="李老师")
    campaign = warmth(anhui, amount=D("350.50"))
    campaigns.pay(campaign, [member.pk, other.pk], DAY)
    services.record(anhui, member, "birthday", D(100), DAY, campaign=campaign)
    assert campaigns.totals(campaign) == campaigns.Totals(3, 2, D("801.00"))


def test_the_listing_reads_four_queries_whatever_its_size(anhui, django_assert_num_queries):
    campaign = warmth(anhui)
    for n in range(5):
        MemberFactory(organization=anhui, name=f"会员{n}")
    campaigns.pay(campaign, list(campaign.organization.members.values_list("pk", flat=True)), DAY)
    MemberFactory(organization=anhui, name="新会员")
    with django_assert_num_queries(5):  # + whether the union has unions below it
        found = campaigns.listing(campaign)
        rows = found.rows
    assert len(rows) == 6 and sum(1 for _, entry in rows if entry) == 5


# --- drawn from hardship files --------------------------------------------------------------


def schooling(org, **extra) -> Campaign:
    fields = {**campaigns.defaults("schooling", 2025), "source": "hardship", "scope": "",
              "school_level": "university", "amount": D(3000), **extra}  # fmt: skip
    return Campaign.objects.create(organization=org, **fields)


def test_the_list_is_the_approved_hardship_files(hardship_school):
    school, _, poor = hardship_school
    assert list(campaigns.recipients(schooling(school))) == [poor]
    assert list(campaigns.recipients(schooling(school, hardship_class="relative"))) == []
    assert list(campaigns.recipients(schooling(school.parent))) == [poor]


def test_hardship_aid_is_paid_on_the_file_within_its_caps(hardship_school):
    from unionplan.welfare.hardship_models import HardshipAid

    school, chair, poor = hardship_school
    campaign = schooling(school)
    result = campaigns.pay(campaign, [poor.pk], dt.date(2025, 8, 20), chair)
    entry = WelfareEntry.objects.get()
    assert result.recorded == [entry] and entry.campaign == campaign and entry.kind == "hardship"
    assert HardshipAid.objects.get().entry == entry
    again = schooling(school, amount=D(8000), title="补助")
    (refusal,) = campaigns.pay(again, [poor.pk], dt.date(2025, 8, 21), chair).refused
    assert "10,000.00" in refusal.reason and not refusal.over_rules
    assert WelfareEntry.objects.count() == 1
