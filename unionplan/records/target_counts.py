"""How many targets are met, on track, behind…: counted by the database, for any set of
targets and grouped by any key (per plan for a federation's board, all at once for a
dashboard).

The rules are those of ``measuring.progress_for_targets`` and ``unionplan.plan.progress``;
only the counting is in SQL, so a federation's thousands of targets cost one query.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from unionplan.plan import progress as progress_lib
from unionplan.plan.progress import STATUSES
from unionplan.plans.models import Target
from unionplan.records import measuring
from unionplan.records.models import ActivityRecord, TargetValue

ATTENDEES = ActivityRecord.attendees.through
MEASURE_ITEMS = measuring.MEASURE_ITEMS


def count_subquery(queryset, expression=None):
    """A scalar subquery: COUNT (or SUM of ``expression``) over ``queryset``, 0 when empty."""
    function, over = ("SUM", expression) if expression is not None else ("COUNT", F("pk"))
    aggregate = Func(over, function=function, output_field=IntegerField())
    return Coalesce(
        Subquery(queryset.order_by().annotate(n=aggregate).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def target_statuses(targets, today: dt.date) -> dict[str, int]:
    """{progress status: number of targets} for ``targets`` (see ``target_statuses_by``)."""
    return target_statuses_by(targets, today, None).get(None) or _no_targets()


def _no_targets() -> dict[str, int]:
    return {code: 0 for code, _label in STATUSES}


def target_statuses_by(targets, today: dt.date, key: str | None) -> dict[object, dict[str, int]]:
    """{value of ``key``: {progress status: number of targets}} for ``targets``, counted by
    the database (``key`` a field path such as ``"plan_id"``; None: one group, under None).

    The same rules as ``measuring.progress_for_targets`` (a measure's chosen items, else its
    plan's items of its category, else every item of the plan; records or people reached; the
    latest manual value otherwise), but each target's current value is a subquery and the
    targets are grouped by what decides their status (comparator, goals, year, source,
    current): Python evaluates one row per distinct group, not one per target, in one query.

    A target split among the unions below (目标分解) counts once, at the sum of its shares as
    the plan page shows it (``measuring.progress_for_targets``); counted in one group with it
    (``key`` None, a federation's subtree), its shares are not counted a second time.
    """
    has_shares = Exists(Target.objects.filter(handed_down_from=OuterRef("pk")))
    counted = _split_statuses(targets.filter(has_shares), today, key)
    plain = targets.exclude(has_shares)
    if key is None:
        plain = plain.exclude(handed_down_from__in=targets.values("pk"))
    for group, tally in _plain_statuses(plain, today, key).items():
        counted.setdefault(group, Counter()).update(tally)
    return {
        group: {code: tally.get(code, 0) for code, _label in STATUSES}
        for group, tally in counted.items()
    }


def _split_statuses(split, today: dt.date, key: str | None) -> dict[object, Counter]:
    """The split targets by the status of the sum of their shares (one query when none)."""
    groups = (
        dict(split.values_list("id", key))
        if key
        else dict.fromkeys(split.values_list("id", flat=True))
    )
    if not groups:
        return {}
    progress = measuring.progress_for_targets(Target.objects.filter(pk__in=groups), today)
    counted: dict[object, Counter] = {}
    for target_id, group in groups.items():
        counted.setdefault(group, Counter())[progress[target_id].status] += 1
    return counted


def _plain_statuses(targets, today: dt.date, key: str | None) -> dict[object, Counter]:
    """The targets not split, counted in SQL by what decides their status."""
    chosen = MEASURE_ITEMS.objects.filter(targetmeasure_id=OuterRef(OuterRef("measure__id")))
    chosen_ids = chosen.values("scheduleitem_id")
    scopes = {  # which records count, as a condition on a path to ActivityRecord
        "items": lambda to: Q(**{f"{to}item_id__in": chosen_ids}),
        "plan": lambda to: Q(**{f"{to}item__plan_id": OuterRef("plan_id")}),
        "category": lambda to: Q(**{f"{to}item__plan_id": OuterRef("plan_id"),
                                    f"{to}item__category": OuterRef("measure__category")}),
    }  # fmt: skip
    has_items = Exists(MEASURE_ITEMS.objects.filter(targetmeasure_id=OuterRef("measure__id")))
    latest = (
        TargetValue.objects.filter(target=OuterRef("pk")).order_by("-date", "-id").values("value")
    )[:1]
    cases = {
        metric: Case(
            When(has_items, then=_metric(scopes["items"], metric)),
            When(measure__category="", then=_metric(scopes["plan"], metric)),
            default=_metric(scopes["category"], metric),
            output_field=IntegerField(),
        )
        for metric in ("records", "attendance")
    }
    rows = (
        targets.annotate(
            source=Case(
                When(measure__metric__in=["records", "attendance"], then=F("measure__metric")),
                default=Value("manual"),
                output_field=CharField(),
            ),
            counted=Case(
                When(measure__metric="records", then=cases["records"]),
                When(measure__metric="attendance", then=cases["attendance"]),
                default=None,
                output_field=IntegerField(),
            ),
            manual=Subquery(latest),
        )
        .values(
            "comparator", "value", "value_high", "plan__year", "source", "counted", "manual",
            *([key] if key else []),
        )
        .annotate(n=Count("id"))
        .order_by()
    )  # fmt: skip
    counted: dict[object, Counter] = {}
    for row in rows:
        cumulative = row["source"] != "manual"
        current = Decimal(row["counted"]) if cumulative else row["manual"]
        status = progress_lib.evaluate(
            row["comparator"],
            row["value"],
            row["value_high"],
            current,
            year=row["plan__year"],
            as_of=today,
            cumulative=cumulative,
        ).status
        counted.setdefault(row[key] if key else None, Counter())[status] += row["n"]
    return counted


def _metric(scope, metric: str):
    """Records counted, or people reached (others counted plus members ticked)."""
    records = ActivityRecord.objects.filter(scope(""))
    if metric == "records":
        return count_subquery(records)
    people = ATTENDEES.objects.filter(scope("activityrecord__"))
    return count_subquery(records, F("others_count")) + count_subquery(people)
