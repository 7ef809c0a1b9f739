"""Benchmark: a federation's review board over 100 and 1,000 unions.

Standalone: DJANGO_SETTINGS_MODULE=unionplan.settings, a temporary UNIONPLAN_VAR_DIR (and so a
fresh SQLite file) unless DATABASE_URL is given. Builds one federation per size, each union
with a plan of 12 activities (half recorded, with expenses) and 3 targets measured by its
records; the plans are spread over the workflow's states, the submitted ones with their
submission step; one union in ten has no plan. All by bulk_create. The board is timed
through django.test.Client, interleaved with its anchor: the same figures (the unions with
their parents, each plan with its last submission, each target with the records that measure
it, budget and spend per plan) by hand-written SQL, one statement each. The run fails if
the query count changes with the size or a size step grows faster than linear; the issue's
aim is under 300 ms at 1,000 unions.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from decimal import Decimal

import standalone  # noqa: F401  (sets Django up: before any model is imported)

# isort: split
from page_growth import run_page_bench, sql_anchor

SIZES = tuple(int(s) for s in os.environ.get("BENCH_BOARD_SIZES", "100,1000").split(","))
ITEMS = 12
TARGETS = 3
RUNS = {100: 15, 1000: 9, 5000: 5}
YEAR = 2027
STATES = ["draft", "submitted", "returned", "approved", "submitted", "approved", "approved",
          "draft", "archived"]  # fmt: skip


def build(unions_count: int):
    """The federation, its unions, plans (and steps), items, records, expenses and targets."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from unionplan.orgs.models import Organization, Role
    from unionplan.plans.models import Plan, ScheduleItem, Target
    from unionplan.records.models import ActivityRecord, ExpenseLine, TargetMeasure
    from unionplan.review.models import PlanStep

    federation = Organization.objects.create(
        name=f"市总工会（看板基准，{unions_count}）", kind="federation"
    )
    unions = Organization.objects.bulk_create(
        Organization(name=f"基层工会{unions_count}-{i:04d}", kind="grassroots", parent=federation)
        for i in range(unions_count)
    )
    for union in unions:  # bulk_create gives ids; the path is parent path + own id
        union.path = f"{federation.path}{union.pk:08d}/"
    Organization.objects.bulk_update(unions, ["path"], batch_size=500)
    plans = Plan.objects.bulk_create(
        Plan(organization=u, year=YEAR, title=f"{YEAR}年工作计划",
             status=STATES[i % len(STATES)])
        for i, u in enumerate(unions) if i % 10 != 9
    )  # fmt: skip
    user = get_user_model().objects.create_user(f"board{unions_count}", password="bench-pw-123")
    Role.objects.create(user=user, organization=federation, role="chair")
    at = timezone.now() - dt.timedelta(days=12)
    PlanStep.objects.bulk_create(
        (PlanStep(plan=p, state="submitted", user=user, at=at, version=2, fingerprint="x")
         for p in plans if p.status != "draft"),
        batch_size=2000,
    )  # fmt: skip
    categories = ["training", "welfare", "festival", "culture"]
    items = ScheduleItem.objects.bulk_create(
        (
            ScheduleItem(plan=p, month=m, text=f"活动{m}", category=categories[m % 4],
                         budget=Decimal(500), status="done" if m % 2 else "planned", order=m)
            for p in plans
            for m in range(1, ITEMS + 1)
        ),
        batch_size=2000,
    )  # fmt: skip
    records = ActivityRecord.objects.bulk_create(
        (ActivityRecord(item=i, date=dt.date(YEAR, i.month, 10), others_count=3)
         for i in items if i.status == "done"),
        batch_size=2000,
    )  # fmt: skip
    ExpenseLine.objects.bulk_create(
        (ExpenseLine(record=r, category="gift", amount=Decimal("120.00")) for r in records),
        batch_size=2000,
    )
    targets = Target.objects.bulk_create(
        (Target(plan=p, text=f"目标{t}", value=Decimal(3), unit="次", order=t)
         for p in plans for t in range(TARGETS)),
        batch_size=2000,
    )  # fmt: skip
    TargetMeasure.objects.bulk_create(
        (TargetMeasure(target=t, metric="records", category=categories[t.order % 4])
         for t in targets),
        batch_size=2000,
    )  # fmt: skip
    return user, federation


def anchor_for(federation):
    """The board's figures by hand-written SQL over the federation's subtree."""
    from unionplan.orgs.models import Organization
    from unionplan.plans.models import Plan, ScheduleItem, Target
    from unionplan.records.models import ActivityRecord, ExpenseLine, TargetMeasure
    from unionplan.review.models import PlanStep

    org, plan, item = (m._meta.db_table for m in (Organization, Plan, ScheduleItem))
    record, target = ActivityRecord._meta.db_table, Target._meta.db_table
    expense, step = ExpenseLine._meta.db_table, PlanStep._meta.db_table
    measure = TargetMeasure._meta.db_table
    below = "o.path LIKE %s AND o.id <> %s"
    plans = f"{plan} p JOIN {org} o ON o.id = p.organization_id WHERE {below} AND p.year = %s"
    in_plans = (
        f"JOIN {plan} p ON p.id = i.plan_id JOIN {org} o ON o.id = p.organization_id "
        f"WHERE {below} AND p.year = %s"
    )
    statements = [
        (f"SELECT o.id, o.name, o.kind, o.path, u.name FROM {org} o "
         f"LEFT JOIN {org} u ON u.id = o.parent_id WHERE {below} ORDER BY o.path", 2),
        (f"SELECT p.id, p.organization_id, p.status, p.title, "
         f"(SELECT max(s.at) FROM {step} s WHERE s.plan_id = p.id AND s.state = 'submitted') "
         f"FROM {plans}", 3),
        (f"SELECT t.plan_id, t.comparator, t.value, (SELECT count(*) FROM {record} r "
         f"JOIN {item} i ON i.id = r.item_id WHERE i.plan_id = t.plan_id "
         f"AND i.category = m.category) FROM {target} t LEFT JOIN {measure} m "
         f"ON m.target_id = t.id JOIN {plan} p ON p.id = t.plan_id JOIN {org} o "
         f"ON o.id = p.organization_id WHERE {below} AND p.year = %s", 3),
        (f"SELECT i.plan_id, sum(i.budget) FROM {item} i {in_plans} GROUP BY i.plan_id", 3),
        (f"SELECT i.plan_id, sum(e.amount) FROM {expense} e JOIN {record} r "
         f"ON r.id = e.record_id JOIN {item} i ON i.id = r.item_id {in_plans} "
         f"GROUP BY i.plan_id", 3),
    ]  # fmt: skip
    params = [f"{federation.path}%", federation.pk, YEAR]
    return sql_anchor([(sql, params[:arity]) for sql, arity in statements])


def main() -> int:
    return run_page_bench(
        "federation review board",
        SIZES,
        build,
        lambda size: (
            f"{size} unions, {size * 9 // 10 * ITEMS} items, {size * 9 // 10 * TARGETS} targets"
        ),
        lambda federation: f"/review/board/{federation.pk}/{YEAR}/",
        anchor_for,
        lambda size: RUNS.get(size, 9),
        "the same figures by hand-written SQL, 5 statements",
    )


if __name__ == "__main__":
    sys.exit(main())
