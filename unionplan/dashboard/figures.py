"""The figures of an organization's dashboard, for one union or a whole federation.

Everything is a grouped aggregate over the organization's subtree (``path__startswith``):
a federation of 1,000 unions costs the same dozen queries as a single union, and no query
runs per union. Overdue is computed in SQL from the same rule as ``unionplan.plan.states``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, DecimalField, F, Func, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from unionplan.orgs.models import Organization
from unionplan.plan import states
from unionplan.plans.models import Plan, ScheduleItem, Target
from unionplan.records import accounts, measuring
from unionplan.records.models import ActivityRecord, ExpenseLine
from unionplan.records.target_counts import count_subquery, target_statuses

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
    budget = _items(result, plans, year, today)
    spent = _participation(result, org, year)
    result.by_category = accounts.lines_by_category(budget["category"], spent["category"])
    result.by_month_budget = accounts.lines_by_month(budget["month"], spent["month"])
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


def _items(result: Figures, plans: Q, year: int, today: dt.date) -> dict[str, dict]:
    """The items by month (total, done, overdue, cancelled) into ``result``, and their
    budgets {"category": {code: sum}, "month": {month: sum}}: one pass over the items,
    grouped by month and category together (at most 12 × categories rows)."""
    rows = (
        _annotated_items(plans)
        .values("month", "category")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status=states.DONE)),
            overdue=Count("id", filter=overdue_q(year, today)),
            cancelled=Count("id", filter=Q(status="cancelled")),
            budget=Sum("budget"),
        )
        .order_by()
    )
    counts = ("total", "done", "overdue", "cancelled")
    by_month = {m: {"month": m, **dict.fromkeys(counts, 0)} for m in range(1, 13)}
    budget: dict[str, dict] = {"category": Counter(), "month": Counter()}
    for row in rows:
        month = by_month.setdefault(
            row["month"], {"month": row["month"], **dict.fromkeys(counts, 0)}
        )
        for key in counts:
            month[key] += row[key]
        if row["budget"] is not None:
            budget["category"][row["category"]] += accounts.money(row["budget"])
            budget["month"][row["month"]] += accounts.money(row["budget"])
    result.months = [by_month[m] for m in range(1, 13)]
    for row in result.months:
        row["other"] = row["total"] - row["done"] - row["overdue"]
    result.items_total = sum(row["total"] for row in result.months)
    result.items_done = sum(row["done"] for row in result.months)
    result.items_overdue = sum(row["overdue"] for row in result.months)
    return budget


def _participation(result: Figures, org: Organization, year: int) -> dict[str, dict]:
    """Records held and people reached in each month (members ticked plus others) into
    ``result``, and the spending {"category": {code: sum}, "month": {month: sum}}.

    One pass over the subtree's records, grouped by the record's month and its activity's
    category; each record's members ticked and expense lines are summed by an indexed
    subquery on the record (a join would repeat the record once per attendee and line)."""
    members = ATTENDEES.objects.filter(activityrecord_id=OuterRef("pk"))
    lines = ExpenseLine.objects.filter(record_id=OuterRef("pk"))
    rows = (
        ActivityRecord.objects.filter(
            item__plan__organization__path__startswith=org.path, item__plan__year=year
        )
        .annotate(
            m=measuring.Month("date"),
            members=count_subquery(members),
            spent=_sum_of(lines, "amount"),
        )
        .values("m", "item__category")
        .annotate(n=Count("id"), others=Sum("others_count"), ticked=Sum("members"),
                  amount=Sum("spent"))
        .order_by()
    )  # fmt: skip
    per_month: Counter = Counter()
    records: Counter = Counter()
    spent: dict[str, dict] = {"category": Counter(), "month": Counter()}
    for row in rows:
        records[row["m"]] += row["n"]
        per_month[row["m"]] += (row["others"] or 0) + (row["ticked"] or 0)
        if row["amount"] is not None:
            spent["category"][row["item__category"]] += accounts.money(row["amount"])
            spent["month"][row["m"]] += accounts.money(row["amount"])
    for month_row in result.months:
        month_row["records"] = records.get(month_row["month"], 0)
        month_row["attendance"] = per_month.get(month_row["month"], 0)
    result.records = sum(r["records"] for r in result.months)
    result.attendance = sum(r["attendance"] for r in result.months)
    return spent


def _children(org: Organization, plans: Q, year: int, today: dt.date) -> list[dict]:
    """The unions directly under ``org`` that the page lists (the first ``MAX_CHILD_ROWS``
    by name), each with the sums of its own subtree (three queries).

    Only the listed branches are summed: a federation of 5,000 unions shows 200 rows, and
    summing the other 4,800 was a fifth of the page."""
    children = list(Organization.objects.filter(parent=org).order_by("name")[:MAX_CHILD_ROWS])
    if not children:
        return []
    length = len(org.path) + ID_WIDTH
    listed = [child.path for child in children]  # at most MAX_CHILD_ROWS
    rows = (
        _annotated_items(plans)
        .annotate(branch=Substr("plan__organization__path", 1, length))
        .filter(branch__in=listed)
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
        .filter(branch__in=listed)
        .values("branch")
        .annotate(plans=Count("id"), approved=Count("id", filter=Q(status="approved")))
        .order_by()
    )
    for row in plan_rows:
        by_branch.setdefault(row["branch"], {"total": 0, "done": 0, "overdue": 0}).update(row)
    empty = {"total": 0, "done": 0, "overdue": 0, "plans": 0, "approved": 0}
    found = []
    for child in children:
        row = {**empty, **by_branch.get(child.path, {})}
        row.pop("branch", None)
        percent = round(row["done"] * 100 / row["total"]) if row["total"] else None
        found.append({"org": child, **row, "percent": percent})
    return found


def _sum_of(queryset, field: str):
    """A scalar subquery: SUM of ``field`` over ``queryset`` as a decimal, NULL when empty."""
    total = Func(F(field), function="SUM", output_field=DecimalField())
    return Subquery(queryset.order_by().annotate(t=total).values("t")[:1])
