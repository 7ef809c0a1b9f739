"""The demo's welfare: the school's register, a 送温暖 campaign, its hardship files.

All of it goes through the services the pages call, by the school's chair: each gift is
first checked (``welfare.services.decide``, the form's 核对 button) and recorded only when
the province's rule pack allows it (``services.record``), so one over-cap attempt of the
list is left out, as a chair told so would leave it. The 中秋 gifts are the money of the
plan's 中秋 activity (its record carries no expense lines of its own, ``GIFT_WORDS``). The
送温暖 campaign for next 春节 is set up through its form with its list, not yet paid; this
year's 金秋助学 draws its list from the hardship files and paid the one whose 公示 is over. The
hardship files are saved, reviewed twice (the school's chair, then the city's), published
and aided through ``welfare.hardship_services``, against a 低保 standard for the demo's city.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from unionplan.calendar.festivals import festival_date
from unionplan.demo.activity import OVER_BUDGET_REASON
from unionplan.fundrules.hardship import Person
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.plans.models import ScheduleItem
from unionplan.welfare import campaigns, services
from unionplan.welfare import hardship_services as hardship
from unionplan.welfare.campaign_forms import CampaignForm
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.campaigns import defaults
from unionplan.welfare.hardship_models import DibaoStandard, HardshipFile

SCHOOL = "实验小学工会"
CITY = "示例市"
# The operator's 低保 table for the demo's city (a made-up figure for a made-up city).
DIBAO = {"monthly": Decimal("880.00"), "document": "演示数据（非正式标准）"}
# Activities whose gifts the register records one by one (their record spends nothing).
GIFT_WORDS = ("“中秋节”慰问",)
MID_AUTUMN_GIFT = Decimal("200.00")
BIRTHDAY_GIFT = Decimal("200.00")


@dataclass(frozen=True)
class Visit:
    """A 住院慰问 of the member at ``index`` of the school's active members."""

    index: int
    month: int
    amount: str
    illness: str


# The second visit for the same illness would pass the year's cap: it is not recorded.
VISITS = (
    Visit(3, 3, "800.00", "骨折手术住院"),
    Visit(11, 6, "600.00", "肺炎住院"),
    Visit(3, 9, "1500.00", "骨折手术住院"),
)


def gives_in_register(item: ScheduleItem) -> bool:
    """Whether ``item``'s gifts are recorded in the register rather than on its record."""
    return item.plan.organization.name == SCHOOL and any(w in item.text for w in GIFT_WORDS)


def register(school: Organization, chair, today: dt.date) -> None:
    """This year's register of the school so far: 中秋 gifts, this month's birthdays, visits."""
    active = list(
        Member.objects.filter(organization=school, status="active").order_by("department", "pk")
    )
    mid_autumn = festival_date(today.year, "mid_autumn")
    if mid_autumn < today:
        item = ScheduleItem.objects.filter(
            plan__organization=school, plan__year=today.year, text__contains=GIFT_WORDS[0]
        ).first()
        day = mid_autumn - dt.timedelta(days=3)
        for member in active:
            _give(school, member, "festival", MID_AUTUMN_GIFT, day, chair, form="实物",
                  occasion="中秋", schedule_item=item, reason="中秋节慰问：月饼、水果")  # fmt: skip
    for member in active:
        if member.birth_month == today.month:
            day = dt.date(today.year, today.month, 1)
            _give(school, member, "birthday", BIRTHDAY_GIFT, day, chair, form="蛋糕券",
                  reason="生日慰问")  # fmt: skip
    for visit in VISITS:
        day = dt.date(today.year, visit.month, 12)
        if day < today and visit.index < len(active):
            _give(school, active[visit.index], "hospital", Decimal(visit.amount), day, chair,
                  illness=visit.illness, form="慰问金", reason="住院慰问")  # fmt: skip


def _give(org, member, kind, amount, day, chair, **details) -> None:
    """Check first, record only what the rules allow (the demo overrides nothing)."""
    check = {k: details[k] for k in ("illness", "form", "occasion") if k in details}
    if not services.decide(org, member, kind, amount, day, **check).allowed:
        return
    services.record(
        org, member, kind, amount, day, user=chair, approved_by=chair.first_name,
        received_by=member.name, signed=True, budget_reason=OVER_BUDGET_REASON, **details,
    )  # fmt: skip


def warmth_campaign(school: Organization, chair, today: dt.date) -> None:
    """送温暖 for next 春节, through the campaign form: its list is the school's active staff."""
    initial = defaults("warmth", today.year + 1)
    data = {**initial, "source": "scope", "scope": "在职教职工", "amount": "300", "form": "实物"}
    _campaign(school, chair, data)


def _campaign(school: Organization, chair, data: dict) -> Campaign:
    """A campaign saved through its form, as the 新建 page saves it."""
    form = CampaignForm(data=data)
    if not form.is_valid():  # the demo's own data: a failure here is a bug, said plainly
        raise ValueError(f"{data['title']}：{form.errors.as_text()}")
    campaign = form.save(commit=False)
    campaign.organization, campaign.created_by = school, chair
    campaign.save()
    return campaign


def schooling_campaign(school: Organization, chair, today: dt.date) -> Campaign:
    """This year's 金秋助学, its list from the hardship files; paid to the household whose
    daughter entered university (the file in 公示 waits: no aid before its 公示 ends)."""
    initial = defaults("schooling", today.year)
    data = {**initial, "source": "hardship", "school_level": "university", "amount": "3000",
            "form": "慰问金"}  # fmt: skip
    campaign = _campaign(school, chair, data)
    day = dt.date(today.year, 8, 25)
    aided = HardshipFile.objects.filter(
        organization=school, year=today.year, state="approved", aids__isnull=False
    )
    if day < today:
        member_ids = list(aided.values_list("member_id", flat=True).distinct())
        campaigns.pay(campaign, member_ids, day, chair, budget_reason=OVER_BUDGET_REASON)
    return campaign


# --- hardship files -------------------------------------------------------------------


@dataclass(frozen=True)
class Household:
    index: int  # of the school's active members, from the end of the list
    situation: str
    people: tuple[tuple[str, str, str, str], ...]  # relation, income, costs, costs note
    state: str  # "publicity", "paid" or "exited"


HOUSEHOLDS = (
    Household(
        1, "配偶患尿毒症长期透析，女儿今年考入大学。",
        (("本人", "62000", "0", ""), ("配偶", "0", "38000", "医疗：血液透析"),
         ("女儿", "0", "9000", "就学：大学学费住宿费")),
        "paid",
    ),
    Household(
        2, "丈夫车祸致残，无工作能力，儿子读初中。",
        (("本人", "58000", "0", ""), ("配偶", "0", "26000", "残疾：康复治疗"),
         ("儿子", "0", "0", "")),
        "publicity",
    ),
    Household(
        3, "前年配偶下岗、母亲大病；配偶已重新就业，母亲病情稳定。",
        (("本人", "60000", "0", ""), ("配偶", "0", "0", "下岗待业"),
         ("母亲", "0", "12000", "医疗：术后康复")),
        "exited",
    ),
)  # fmt: skip


def hardship_files(school: Organization, chair, reviewer, today: dt.date) -> None:
    """Three households of the school, each as far along as its ``state``."""
    DibaoStandard.objects.get_or_create(city=CITY, year=today.year, defaults=DIBAO)
    active = list(Member.objects.filter(organization=school, status="active").order_by("pk"))
    for household in HOUSEHOLDS:
        member = active[-household.index]
        facts = hardship.Facts(city=CITY, year=today.year, situation=household.situation)
        people = [Person(r, Decimal(i), Decimal(c)) for r, i, c, _note in household.people]
        notes = [note for *_figures, note in household.people]
        file = hardship.save_file(school, member, facts, people, chair, notes=notes)
        hardship.union_review(file, chair, True, "经工会委员会研究，同意建档。")
        hardship.federation_review(file, reviewer, True, "同意。")
        _publish_and_aid(file, household, chair, today)
    schooling_campaign(school, chair, today)


def _publish_and_aid(file: HardshipFile, household: Household, chair, today: dt.date) -> None:
    if household.state == "publicity":  # in 公示 now: no aid before it ends
        hardship.set_publicity(file, today - dt.timedelta(days=2), today + dt.timedelta(days=4),
                               chair)  # fmt: skip
        return
    start = max(min(dt.date(today.year, 7, 1), today - dt.timedelta(days=40)),
                dt.date(today.year, 1, 2))  # fmt: skip
    hardship.set_publicity(file, start, start + dt.timedelta(days=6), chair)
    paid_on = start + dt.timedelta(days=14)
    if paid_on >= today:  # early in the year: its 公示 is over, the aid is still to come
        return
    hardship.pay(file, "living", Decimal("3000.00"), paid_on, chair, received_by=file.member.name,
                 signed=True, today=today, budget_reason=OVER_BUDGET_REASON)  # fmt: skip
    if household.state == "exited":
        hardship.exit_file(file, today - dt.timedelta(days=10),
                           "配偶重新就业，家庭月人均收入已高于当地低保标准的2倍。", chair)  # fmt: skip
