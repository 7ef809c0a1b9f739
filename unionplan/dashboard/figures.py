"""The figures of an organization's dashboard, for one union or a whole federation.

Everything is a grouped aggregate over the organization's subtree (``path__startswith``):
a federation of 1,000 unions costs the same dozen queries as a single union, and no query
runs per union. Overdue is computed in SQL from the same rule as ``unionplan.plan.states``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from unionplan.orgs.models import Organization
from unionplan.plan import states
from unionplan.plans.models import Plan, ScheduleItem, Target
from unionplan.records import accounts, measuring
from unionplan.records.models import ActivityRecord
from unionplan.records.target_counts import target_statuses

ATTENDEES = ActivityRecord.attendees.through
ID_WIDTH = 9  # "00000042/": one level of Organization.path
MAX_CHILD_ROWS = 200


@dataclass
class Figures:
    org: Organization
    year: int
    unions: int = 0
    plans: dict[str, int] = field(default_factory=dict)  # by status
    items_total: int = 0
    items_done: int = 0
    items_overdue: int = 0
    months: list[dict] = field(default_factory=list)  # per month: total, done, overdue, …
    records: int = 0
    attendance: int = 0
    by_category: list = field(default_factory=list)
    by_month_budget: list = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)  # by progress status
    children: list[dict] = field(default_factory=list)

    @property
    def plans_total(self) -> int:
        return sum(self.plans.values())

    @property
    def plans_approved(self) -> int:
        return self.plans.get("approved", 0)

    @property
    def targets_total(self) -> int:
        return sum(self.targets.values())

    @property
    def done_percent(self) -> int | None:
        return round(self.items_done * 100 / self.items_total) if self.items_total else None


def overdue_q(year: int, today: dt.date) -> Q:
    """Items of plans of ``year`` still planned after their due day (``states.due_date`` in
    SQL); the queryset must carry the ``due`` and ``last_month`` annotations."""
    if year > today.year:
        return Q(pk__in=[])
    dated = Q(date__isnull=False, due__lt=today)
    undated = Q(date__isnull=True)
    if year == today.year:
        undated &= Q(last_month__lt=today.month)
    return Q(status="planned") & (dated | undated)


def figures(org: Organization, year: int, today: dt.date | None = None) -> Figures:
    today = today or timezone.localdate()
    plans = Q(plan__organization__path__startswith=org.path, plan__year=year)
    result = Figures(org=org, year=year)
    result.unions = Organization.objects.filter(
        path__startswith=org.path, kind="grassroots"
    ).count()
    result.plans = dict(
        Plan.objects.filter(organization__path__startswith=org.path, year=year)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    _items(result, plans, year, today)
    _participation(result, plans)
    result.by_category = accounts.budget_by_category(plans)
    result.by_month_budget = accounts.budget_by_month(plans)
    result.targets = target_statuses(
        Target.objects.filter(plan__organization__path__startswith=org.path, plan__year=year),
        today,
    )
    if org.kind == "federation":
        result.children = _children(org, plans, year, today)
    return result


def _annotated_items(plans: Q):
    return ScheduleItem.objects.filter(plans).annotate(
        due=Coalesce("end_date", "date"), last_month=Coalesce("end_month", "month")
    )


def _items(result: Figures, plans: Q, year: int, today: dt.date) -> None:
    rows = (
        _annotated_items(plans)
        .values("month")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=states.DONE)),
            overdue=Count("id", filter=overdue_q(year, today)),
            cancelled=Count("id", filter=Q(status="cancelled")),
        )
        .order_by()
    )
    by_month = {row["month"]: row for row in rows}
    result.months = [
        by_month.get(m, {"month": m, "total": 0, "done": 0, "overdue": 0, "cancelled": 0})
        for m in range(1, 13)
    ]
    for row in result.months:
        row["other"] = row["total"] - row["done"] - row["overdue"]
    result.items_total = sum(row["total"] for row in result.months)
    result.items_done = sum(row["done"] for row in result.months)
    result.items_overdue = sum(row["overdue"] for row in result.months)


def _participation(result: Figures, plans: Q) -> None:
    """Records held and people reached in each month (members ticked plus others)."""
    records = ActivityRecord.objects.filter(
        item__in=ScheduleItem.objects.filter(plans).values("pk")
    )
    rows = (
        records.annotate(m=measuring.Month("date"))
        .values("m")
        .annotate(n=Count("id"), others=Sum("others_count"))
        .order_by()
    )
    members = (
        ATTENDEES.objects.filter(activityrecord__in=records.values("pk"))
        .annotate(m=measuring.Month("activityrecord__date"))
        .values("m")
        .annotate(n=Count("id"))
        .order_by()
    )
    per_member = {row["m"]: row["n"] for row in members}
    per_month = {row["m"]: row for row in rows}
    for month_row in result.months:
        m = month_row["month"]
        row = per_month.get(m, {})
        month_row["records"] = row.get("n", 0)
        month_row["attendance"] = (row.get("others") or 0) + per_member.get(m, 0)
    result.records = sum(r["records"] for r in result.months)
    result.attendance = sum(r["attendance"] for r in result.months)


def _children(org: Organization, plans: Q, year: int, today: dt.date) -> list[dict]:
    """Each union directly under ``org`` with the sums of its own subtree (two queries)."""
    length = len(org.path) + ID_WIDTH
    branch = Substr("plan__organization__path", 1, length)
    rows = (
        _annotated_items(plans)
        .annotate(branch=branch)
        .values("branch")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=states.DONE)),
            overdue=Count("id", filter=overdue_q(year, today)),
        )
        .order_by()
    )
    by_branch = {row["branch"]: row for row in rows}
    plan_rows = (
        Plan.objects.filter(organization__path__startswith=org.path, year=year)
        .annotate(branch=Substr("organization__path", 1, length))
        .values("branch")
        .annotate(plans=Count("id"), approved=Count("id", filter=Q(status="approved")))
        .order_by()
    )
    for row in plan_rows:
        by_branch.setdefault(row["branch"], {"total": 0, "done": 0, "overdue": 0}).update(row)
    children = Organization.objects.filter(parent=org).order_by("name")[:MAX_CHILD_ROWS]
    empty = {"total": 0, "done": 0, "overdue": 0, "plans": 0, "approved": 0}
    found = []
    for child in children:
        row = {**empty, **by_branch.get(child.path, {})}
        row.pop("branch", None)
        percent = round(row["done"] * 100 / row["total"]) if row["total"] else None
        found.append({"org": child, **row, "percent": percent})
    return found
