"""Counting what was done, in a fixed number of queries whatever the number of rows.

The plan page, the dashboard (one union or a federation of a thousand) and the year-end
summary all ask the same questions: which activities are done or overdue, how far each
target has come. The database only counts here (grouped aggregates); the meaning of the
numbers is decided by the pure modules ``states`` and ``progress``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from unionplan.plan import cascade
from unionplan.plan import progress as progress_lib
from unionplan.plan.states import due_date, item_state
from unionplan.plans.models import Plan, ScheduleItem, Target
from unionplan.records.models import ActivityRecord, TargetMeasure, TargetValue

ATTENDEES = ActivityRecord.attendees.through
MEASURE_ITEMS = TargetMeasure.items.through


class Month(ExtractMonth):
    """The month of a date, 1–12, computed by the database itself.

    Django's SQLite ``ExtractMonth`` calls back into Python for every row, which was a
    fifth of a 5,000-union dashboard; dates are stored there as ISO text (YYYY-MM-DD), so
    characters 6–7 are the month: cutting them out costs half of SQLite's ``strftime``,
    which parses the whole date for every row.
    """

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 6, 2) AS INTEGER)", params


@dataclass
class ItemStats:
    """What the records of one schedule item add up to."""

    plan_id: int = 0
    category: str = ""
    records: int = 0
    others: int = 0
    members: int = 0

    @property
    def attendance(self) -> int:
        """People reached: members ticked plus others counted, over every record."""
        return self.others + self.members


def item_stats(records: QuerySet) -> dict[int, ItemStats]:
    """{item id: ItemStats} for the items of ``records`` (two grouped queries)."""
    stats: dict[int, ItemStats] = defaultdict(ItemStats)
    grouped = records.values("item_id", "item__plan_id", "item__category").annotate(
        n=Count("id"), others=Sum("others_count")
    )
    for row in grouped.order_by():
        entry = stats[row["item_id"]]
        entry.plan_id, entry.category = row["item__plan_id"], row["item__category"]
        entry.records, entry.others = row["n"], row["others"] or 0
    attendees = ATTENDEES.objects.filter(activityrecord__in=records.values("pk"))
    for row in attendees.values("activityrecord__item_id").annotate(n=Count("id")).order_by():
        stats[row["activityrecord__item_id"]].members = row["n"]
    return dict(stats)


def item_states(items: Iterable[ScheduleItem], year: int, on: dt.date | None = None) -> dict:
    """{item id: state code} for ``items`` of a plan of ``year``, from their status (no query;
    ``unionplan.plan.states`` says why the status alone tells "done")."""
    on = on or timezone.localdate()
    return {
        item.pk: item_state(
            item.status,
            due=due_date(year, item.month, item.end_month, item.date, item.end_date),
            today=on,
        )
        for item in items
    }


def progress_for_plan(plan: Plan, on: dt.date | None = None) -> dict[int, progress_lib.Progress]:
    """{target id: Progress} for every target of ``plan``, in four queries."""
    return progress_for_targets(Target.objects.filter(plan=plan), on)


def progress_for_targets(
    targets: QuerySet, on: dt.date | None = None
) -> dict[int, progress_lib.Progress]:
    """{target id: Progress} for any set of targets (a plan's, or a federation's)."""
    on = on or timezone.localdate()
    latest = (
        TargetValue.objects.filter(target=OuterRef("pk")).order_by("-date", "-id").values("value")
    )[:1]
    rows = list(
        targets.annotate(
            manual=Subquery(latest),
            split=Exists(Target.objects.filter(handed_down_from=OuterRef("pk"))),
        ).values(
            "id",
            "plan_id",
            "plan__year",
            "comparator",
            "value",
            "value_high",
            "unit",
            "manual",
            "measure__id",
            "measure__metric",
            "measure__category",
            "split",
        )
    )
    measured = [row for row in rows if row["measure__id"] and row["measure__metric"] != "manual"]
    measure_items: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, ItemStats] = {}
    if measured:  # subqueries, not lists of ids: a federation has 10,000s of targets
        for measure_id, item_id in MEASURE_ITEMS.objects.filter(
            targetmeasure__target__in=targets.values("pk")
        ).values_list("targetmeasure_id", "scheduleitem_id"):
            measure_items[measure_id].append(item_id)
        stats = item_stats(ActivityRecord.objects.filter(item__plan__in=targets.values("plan_id")))
    grouped = _by_plan_category(stats)
    result = {}
    for row in rows:
        current, source = _current(row, measure_items, stats, grouped)
        result[row["id"]] = progress_lib.evaluate(
            row["comparator"],
            row["value"],
            row["value_high"],
            current,
            year=row["plan__year"],
            as_of=on,
            cumulative=source in {"records", "attendance"},
            unit=row["unit"],
            source=source,
        )
    _roll_up(targets, rows, result, on)
    return result


def _roll_up(targets: QuerySet, rows: list[dict], result: dict, on: dt.date) -> None:
    """A target split among the unions below (目标分解) stands at the sum of their shares'
    values, each measured as its union measures it (no query when nothing is split)."""
    if not any(row["split"] for row in rows):
        return
    shares = Target.objects.filter(handed_down_from__in=targets.values("pk"))
    source_of = dict(shares.values_list("id", "handed_down_from_id"))
    if not source_of:
        return
    below = progress_for_targets(shares, on)
    by_source: dict[int, list[progress_lib.Progress]] = defaultdict(list)
    for share_id, source_id in source_of.items():
        by_source[source_id].append(below[share_id])
    for row in rows:
        parts = by_source.get(row["id"])
        if not parts:
            continue
        result[row["id"]] = progress_lib.evaluate(
            row["comparator"],
            row["value"],
            row["value_high"],
            cascade.rolled_up([part.current for part in parts]),
            year=row["plan__year"],
            as_of=on,
            cumulative=any(part.source in {"records", "attendance"} for part in parts),
            unit=row["unit"],
            source="shares",
        )


def _by_plan_category(stats: dict[int, ItemStats]) -> dict[tuple[int, str], list[ItemStats]]:
    """The stats grouped by (plan, category) and by (plan, "") for "every activity"."""
    grouped: dict[tuple[int, str], list[ItemStats]] = defaultdict(list)
    for entry in stats.values():
        grouped[(entry.plan_id, entry.category)].append(entry)
        grouped[(entry.plan_id, "")].append(entry)
    return grouped


def _current(row: dict, measure_items, stats, grouped) -> tuple[Decimal | None, str]:
    """The measured value of one target row and where it came from."""
    metric = row["measure__metric"]
    if not row["measure__id"] or metric == "manual":
        return (row["manual"], "manual") if row["manual"] is not None else (None, "")
    if row["measure__id"] in measure_items:
        chosen = [stats[i] for i in measure_items[row["measure__id"]] if i in stats]
    else:
        chosen = grouped.get((row["plan_id"], row["measure__category"] or ""), [])
    if metric == "attendance":
        return Decimal(sum(s.attendance for s in chosen)), "attendance"
    return Decimal(sum(s.records for s in chosen)), "records"
