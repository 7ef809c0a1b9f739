"""Campaigns: who a campaign reaches, recording what each is given, and its totals.

A campaign's list is its 参加范围 resolved against the registry on its first day (the
union's members and those of every union below it, ``members.participants``), or the
members whose hardship files of the year are approved (of a class, if it names one), each
paid as aid on the file (``hardship_services.pay``: its caps, the 公示 over); a scope
with words the registry cannot answer (困难职工 before hardship files) is refused rather
than applied in part. Each payment goes through ``services.record`` like any gift — the
fund rules, who qualifies, the budget — with the campaign on the entry; refusals come back
one by one with their reasons so that the union can override some with a reason and leave
the others. Totals (people, households, money) are read from the register: a person is an
entry, a household a member (a member's household is aided once per entry).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Sum

from unionplan.calendar.festivals import spring_festival
from unionplan.core import spending
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import RECOGNISED
from unionplan.members.models import Member
from unionplan.members.participants import resolve
from unionplan.orgs.models import Organization
from unionplan.plan.money import money
from unionplan.welfare import hardship_services, services
from unionplan.welfare.campaign_models import CAMPAIGN_KINDS, Campaign
from unionplan.welfare.hardship_models import HardshipFile
from unionplan.welfare.models import WelfareEntry

PAGE_SIZE = 100
ZERO = Decimal("0.00")
# The register's kind and occasion each campaign is checked as, unless the union says else:
# 送温暖 is the 春节 visit, 金秋助学 hardship aid for schooling, 夏送清凉 a summer gift.
GIFT_KINDS = {"warmth": ("festival", "春节"), "schooling": ("hardship", ""),
              "cooling": ("festival", "")}  # fmt: skip
# By union in the tree's order, then department and name: the org_key range is read in index
# order, so the first page is found without sorting a federation's million members.
# The aid a campaign pays from a hardship file: 金秋助学 is 助学, the others 生活救助.
AID_KINDS_OF = {"warmth": "living", "schooling": "schooling", "cooling": "living"}
LIST_ORDER = ("org_key", "department", "name", "id")


def window(kind: str, year: int) -> tuple[dt.date, dt.date]:
    """The usual dates of a campaign: the month before 春节, August–September, June–August."""
    if kind == "warmth":
        festival = spring_festival(year)
        return festival - dt.timedelta(days=30), festival - dt.timedelta(days=1)
    if kind == "schooling":
        return dt.date(year, 8, 1), dt.date(year, 9, 30)
    return dt.date(year, 6, 1), dt.date(year, 8, 31)


def next_year_of(kind: str, today: dt.date) -> int:
    """The year a new campaign is most likely for: 送温暖 for the coming 春节 (next year's
    once this year's has passed), the others this year."""
    if kind == "warmth" and today >= spring_festival(today.year):
        return today.year + 1
    return today.year


def defaults(kind: str, year: int) -> dict:
    """What a new campaign of ``kind`` starts with on the form."""
    starts_on, ends_on = window(kind, year)
    gift_kind, occasion = GIFT_KINDS[kind]
    return {
        "kind": kind, "year": year, "title": f"{year}年{CAMPAIGN_KINDS[kind]}",
        "starts_on": starts_on, "ends_on": ends_on, "gift_kind": gift_kind,
        "occasion": occasion,
    }  # fmt: skip


def recipients(campaign: Campaign) -> QuerySet:
    """The members the campaign's scope selects (or whose hardship files it draws on), in the
    printed order; UserInputError when some words of the scope cannot be read (nothing is
    listed from half a scope)."""
    if campaign.source == "hardship":
        files = hardship_files(campaign).values("member_id")
        return Member.objects.filter(pk__in=files).order_by(*LIST_ORDER)
    participants = resolve(campaign.organization, campaign.scope, campaign.starts_on)
    if participants.names_hardship:  # aid goes to a file, within its caps, never to a name
        raise UserInputError(
            f"慰问范围“{campaign.scope}”是困难职工：请把名单来源选为“困难职工档案”，"
            "按档案发放帮扶。"
        )
    if not participants.complete:
        raise UserInputError(
            f"慰问范围“{campaign.scope}”中的“{'、'.join(participants.scope.unresolved)}”"
            f"无法从会员名册确定。{''.join(participants.scope.notes)}"
        )
    people = participants.parents if participants.for_children else participants.members
    return people.order_by(*LIST_ORDER)


def hardship_files(campaign: Campaign) -> QuerySet:
    """The approved, not exited hardship files of the campaign's union and the unions below
    it, of its year (or of the year it starts in), of its class (any recognised one)."""
    classes = [campaign.hardship_class] if campaign.hardship_class else sorted(RECOGNISED)
    return HardshipFile.objects.filter(
        organization__path__startswith=campaign.organization.path, state="approved",
        year__in={campaign.year, campaign.starts_on.year}, classification__in=classes,
    )  # fmt: skip


@dataclass(frozen=True)
class Totals:
    people: int
    households: int
    amount: Decimal


def totals(campaign: Campaign) -> Totals:
    """What the campaign has given so far (one query on welfare_campaign_member)."""
    row = WelfareEntry.objects.filter(campaign=campaign).aggregate(
        people=Count("id"), households=Count("member", distinct=True), amount=Sum("amount")
    )
    amount = Decimal(row["amount"] or 0).quantize(ZERO)  # SQLite sums without the scale
    return Totals(row["people"], row["households"], amount)


@dataclass
class Listing:
    """One page of a campaign's list, who of it has had theirs, and the totals."""

    page: Page
    paid: dict[int, WelfareEntry]
    totals: Totals

    @property
    def rows(self) -> list[tuple[Member, WelfareEntry | None]]:
        return [(member, self.paid.get(member.pk)) for member in self.page.object_list]


def listing(campaign: Campaign, page_number: object = 1) -> Listing:
    """Page ``page_number`` of the list: four queries whatever the size of the federation
    (the count, the page, its payments, the totals)."""
    people = recipients(campaign).only("id", "name", "department", "organization_id", "id_number")
    page = Paginator(people, PAGE_SIZE).get_page(page_number)
    ids = [member.pk for member in page.object_list]
    paid = {
        entry.member_id: entry
        for entry in WelfareEntry.objects.filter(campaign=campaign, member_id__in=ids).order_by(
            "pk"
        )
    }
    return Listing(page, paid, totals(campaign))


def pay_date(campaign: Campaign, today: dt.date) -> dt.date:
    """Today, within the campaign's dates: the date the form offers for a payment."""
    return min(max(today, campaign.starts_on), campaign.ends_on)


@dataclass(frozen=True)
class Refusal:
    member: Member
    reason: str
    over_rules: bool = False  # a 超标发放理由 records it
    over_budget: bool = False  # a 超预算支出理由 (the chair's) records it


@dataclass
class Payments:
    recorded: list[WelfareEntry] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped: int = 0  # already had theirs from this campaign


def pay(
    campaign: Campaign, member_ids: list[int], day: dt.date, user=None, *,
    override_reason: str | None = None, budget_reason: str = "",
) -> Payments:  # fmt: skip
    """Record the campaign's gift to each of ``member_ids`` that is on its list and has not
    had it yet; each checked and stored on its own (one refusal stops no other)."""
    if not campaign.starts_on <= day <= campaign.ends_on:
        raise UserInputError(
            f"发放日期{day:%Y-%m-%d}不在活动期间"
            f"（{campaign.starts_on:%Y-%m-%d}至{campaign.ends_on:%Y-%m-%d}）内。"
        )
    if override_reason is not None and not override_reason.strip():
        raise UserInputError("超标发放须写明理由。")
    result = Payments()
    already = set(
        WelfareEntry.objects.filter(campaign=campaign, member_id__in=member_ids).values_list(
            "member_id", flat=True
        )
    )
    for member in recipients(campaign).filter(pk__in=member_ids).select_related("organization"):
        if member.pk in already:
            result.skipped += 1
            continue
        try:
            entry, _ = _record(campaign, member, day, user, override_reason, budget_reason)
        except services.Refused as refused:
            result.refused.append(Refusal(member, refused.decision.reason, over_rules=True))
        except spending.OverBudget as error:
            result.refused.append(Refusal(member, error.message, over_budget=True))
        except UserInputError as error:
            result.refused.append(Refusal(member, error.message))
        else:
            result.recorded.append(entry)
    return result


def _record(campaign: Campaign, member: Member, day, user, override_reason, budget_reason):
    """One payment: hardship aid on the member's file (its caps, no override), else a gift."""
    if campaign.source == "hardship":
        file = hardship_files(campaign).filter(member=member).order_by("-year", "-pk").first()
        return hardship_services.pay(
            file, AID_KINDS_OF[campaign.kind], campaign.amount, day, user,
            school_level=campaign.school_level, campaign=campaign, budget_reason=budget_reason,
        )  # fmt: skip
    return services.record(
        campaign.organization, member, campaign.gift_kind, campaign.amount, day,
        form=campaign.form, occasion=campaign.occasion, reason=campaign.title,
        campaign=campaign, override_reason=override_reason, user=user,
        budget_reason=budget_reason,
    )  # fmt: skip


def entries(campaign: Campaign) -> QuerySet:
    """The campaign's entries in the printed order of its list (the 签收 and 公示 sheets)."""
    return (
        WelfareEntry.objects.filter(campaign=campaign)
        .select_related("member")
        .order_by("member__org_key", "member__department", "member__name", "pk")
    )


def sign_rows(campaign: Campaign, limit: int | None = None) -> list[tuple[str, str, str]]:
    """(name, department, amount) of each payment (the first ``limit``), for the 签收 sheet."""
    rows = entries(campaign).values_list("member__name", "member__department", "amount")
    return [(name, department, money(amount)) for name, department, amount in rows[:limit]]


def of_union(org: Organization, year: int | None = None) -> QuerySet:
    campaigns = Campaign.objects.filter(organization=org)
    return campaigns.filter(year=year) if year else campaigns
