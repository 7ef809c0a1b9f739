"""A federation's statistics for a year: unions, members, 入会率, activities, participants
and welfare money, for each branch below it (a union directly under it, with everything
below that union) and in total.

What is counted:

- organizations below the federation, the grassroots unions among them;
- members on the registers (会籍 正常 or 保留; 转出 and 退会 are no longer members);
- 入会率 = members in work (在职, 会籍正常) of the unions that record their employee count
  (``Organization.employees``), over those employees; unions that do not record it are
  left out of both sides, so a rate is never diluted by a union that has not reported;
- activities held (records) and people reached (others counted plus members ticked) for the
  activities of the year's plans, as the dashboard counts them;
- welfare gifts and payments of the register dated in the year, and their money; of them,
  those of campaigns (送温暖, 金秋助学, 夏送清凉): people (entries), households (members) and money.

The federation's own figures (its office staff, its own activities) form a row of their own
(本级). Each figure is one grouped query over the subtree by branch: six queries in all,
whatever the number of unions.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr

from unionplan.documents.stats_xlsx import StatsLine
from unionplan.members.models import Member, org_key_of
from unionplan.orgs.models import Organization
from unionplan.records.models import ActivityRecord
from unionplan.welfare.models import WelfareEntry

ZERO = Decimal("0.00")
ID_WIDTH = 9  # "00000042/": one level of Organization.path
KEY_WIDTH = 8  # one level of Member.org_key (the path without its slashes)
MEMBER_STANDINGS = ("normal", "retained")
ATTENDEES = ActivityRecord.attendees.through


def statistics(federation: Organization, year: int) -> tuple[list[StatsLine], StatsLine]:
    """(one line per branch, the federation's own line first when it has figures; the
    total) for ``federation`` in ``year``."""
    children = list(Organization.objects.filter(parent=federation).order_by("path"))
    own = f"本级（{federation.name}）"
    lines = {federation.path: _empty(own)}
    lines.update((child.path, _empty(child.name)) for child in children)
    branch_of_key = {org_key_of(child): child.path for child in children}
    branch_of_key[org_key_of(federation)] = federation.path
    _organizations(federation, lines)
    _members(federation, lines, branch_of_key)
    _activities(federation, year, lines)
    _welfare(federation, year, lines)
    found = [line for path, line in lines.items() if path != federation.path or any(
        value for value in line.figures() if value)]  # fmt: skip
    return found, total(found)


def total(lines: list[StatsLine]) -> StatsLine:
    """The sum of ``lines`` (入会率 follows from the summed members in work and employees)."""
    result = _empty("合计")
    for line in lines:
        for name in _COUNTS:
            setattr(result, name, getattr(result, name) + getattr(line, name))
    return result


_COUNTS = ("organizations", "grassroots", "members", "reporting", "employees", "members_at_work",
           "activities", "participants", "welfare_count", "welfare_amount", "campaign_people",
           "campaign_households", "campaign_amount")  # fmt: skip


def _empty(name: str) -> StatsLine:
    return StatsLine(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, ZERO)


def _by_branch(queryset, path_field: str, federation: Organization, **aggregates) -> list[dict]:
    """``aggregates`` of ``queryset`` grouped by the branch of ``path_field`` (a path below
    ``federation``: its first level under it; the federation's own path for its own rows)."""
    branch = Substr(path_field, 1, len(federation.path) + ID_WIDTH)
    return list(queryset.annotate(branch=branch).values("branch").annotate(**aggregates).order_by())


def _organizations(federation: Organization, lines: dict) -> None:
    below = Organization.objects.filter(path__startswith=federation.path).exclude(pk=federation.pk)
    for row in _by_branch(
        below,
        "path",
        federation,
        n=Count("id"),
        grassroots=Count("id", filter=Q(kind="grassroots")),
        reporting=Count("id", filter=Q(employees__isnull=False)),
        employees=Sum("employees"),
    ):
        line = lines.get(row["branch"])
        if line is not None:
            line.organizations, line.grassroots = row["n"], row["grassroots"]
            line.reporting, line.employees = row["reporting"], row["employees"] or 0


def _member_rows(federation: Organization) -> list[dict]:
    """Members counted by branch (``branch``: the org_key of the union below the
    federation, or the federation's own), with those at work in unions with employees."""
    members = Member.objects.under(federation).filter(standing__in=MEMBER_STANDINGS)
    key = Substr("org_key", 1, len(org_key_of(federation)) + KEY_WIDTH)
    at_work = Q(status="active", standing="normal", organization__employees__isnull=False)
    return list(
        members.annotate(branch=key)
        .values("branch")
        .annotate(n=Count("id"), at_work=Count("id", filter=at_work))
        .order_by()
    )


def members_by_child(federation: Organization) -> dict[int, int]:
    """{child union id: its members and those of the unions below it}, as the statistics
    count them (the target cascade shares by these)."""
    children = Organization.objects.filter(parent=federation)
    child_of_key = {org_key_of(child): child.pk for child in children}
    counts = {row["branch"]: row["n"] for row in _member_rows(federation)}
    return {pk: counts.get(key, 0) for key, pk in child_of_key.items()}


def _members(federation: Organization, lines: dict, branch_of_key: dict[str, str]) -> None:
    for row in _member_rows(federation):
        line = lines.get(branch_of_key.get(row["branch"], ""))
        if line is not None:
            line.members, line.members_at_work = row["n"], row["at_work"]


def _activities(federation: Organization, year: int, lines: dict) -> None:
    scope = {
        "item__plan__organization__path__startswith": federation.path,
        "item__plan__year": year,
    }
    records = ActivityRecord.objects.filter(**scope)
    for row in _by_branch(
        records, "item__plan__organization__path", federation, n=Count("id"),
        others=Sum("others_count"),
    ):  # fmt: skip
        line = lines.get(row["branch"])
        if line is not None:
            line.activities = row["n"]
            line.participants += row["others"] or 0
    ticked = ATTENDEES.objects.filter(**{f"activityrecord__{k}": v for k, v in scope.items()})
    for row in _by_branch(
        ticked, "activityrecord__item__plan__organization__path", federation, n=Count("id")
    ):
        line = lines.get(row["branch"])
        if line is not None:
            line.participants += row["n"]


def _welfare(federation: Organization, year: int, lines: dict) -> None:
    entries = WelfareEntry.objects.filter(
        organization__path__startswith=federation.path, date__year=year
    )
    of_campaign = Q(campaign__isnull=False)
    for row in _by_branch(
        entries, "organization__path", federation, n=Count("id"), money=Sum("amount"),
        people=Count("id", filter=of_campaign),
        households=Count("member", distinct=True, filter=of_campaign),
        campaign_amount=Sum("amount", filter=of_campaign),
    ):  # fmt: skip
        line = lines.get(row["branch"])
        if line is not None:
            line.welfare_count = row["n"]
            # SQLite sums decimals without their scale: give the figure two places.
            line.welfare_amount = Decimal(row["money"] or 0).quantize(ZERO)
            line.campaign_people, line.campaign_households = row["people"], row["households"]
            line.campaign_amount = Decimal(row["campaign_amount"] or 0).quantize(ZERO)
