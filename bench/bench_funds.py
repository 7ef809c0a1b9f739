"""Benchmark: a federation's accounts page (budget / spent by account line and by month).

Standalone: DJANGO_SETTINGS_MODULE=unionplan.settings, a temporary UNIONPLAN_VAR_DIR (a fresh
SQLite file) unless DATABASE_URL is given. Builds one federation per size, each union with a
plan of 12 budgeted activities, one record each and EXPENSES expense lines per union, and
CLAIMS approved reimbursements of 3 items, by bulk_create; the issue's figure is 1,000 unions
and 300,000 expense lines (the last size).
The page is timed through django.test.Client, interleaved with its anchor: the same two
grouped sums (budgets by category and month, spending by category, expense category and
month) by hand-written SQL. Fails if the query count changes with the size or a size step
grows faster than linear. BENCH_FUNDS_SIZES=10,100 runs smaller sizes only.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from decimal import Decimal

import standalone  # noqa: F401  (sets Django up: before any model is imported)

# isort: split
from django.db import connection
from page_growth import run_page_bench, sql_anchor

SIZES = tuple(int(s) for s in os.environ.get("BENCH_FUNDS_SIZES", "10,100,1000").split(","))
ITEMS = 12
EXPENSES = 300  # per union: 300,000 lines at 1,000 unions
YEAR = 2027
CATEGORIES = ["training", "welfare", "festival", "culture", "rights", "other"]
KINDS = ["gift", "prize", "venue", "meals", "other"]
CLAIMS = 6  # approved reimbursements per union, 3 items each
CLAIM_LINES = ["职工活动支出/文体活动", "职工活动支出/职工教育", "维权支出"]


def build(unions_count: int):
    from django.contrib.auth import get_user_model

    from unionplan.orgs.models import Organization, Role
    from unionplan.plans.models import Plan, ScheduleItem
    from unionplan.records.models import ActivityRecord, ExpenseLine

    federation = Organization.objects.create(name=f"市总工会（{unions_count}）", kind="federation")
    unions = Organization.objects.bulk_create(
        Organization(name=f"基层工会{unions_count}-{i:04d}", parent=federation)
        for i in range(unions_count)
    )
    for union in unions:
        union.path = f"{federation.path}{union.pk:08d}/"
    Organization.objects.bulk_update(unions, ["path"], batch_size=500)
    plans = Plan.objects.bulk_create(
        Plan(organization=u, year=YEAR, title=f"{YEAR}年工作计划") for u in unions
    )
    items = ScheduleItem.objects.bulk_create(
        (ScheduleItem(plan=p, month=m, text=f"活动{m}", category=CATEGORIES[m % 6],
                      budget=Decimal(5000), order=m) for p in plans for m in range(1, ITEMS + 1)),
        batch_size=2000,
    )  # fmt: skip
    records = ActivityRecord.objects.bulk_create(
        (ActivityRecord(item=i, date=dt.date(YEAR, i.month, 10)) for i in items), batch_size=2000
    )
    per_record = EXPENSES // ITEMS
    ExpenseLine.objects.bulk_create(
        (ExpenseLine(record=r, category=KINDS[n % 5], amount=Decimal("12.50"))
         for r in records for n in range(per_record)),
        batch_size=5000,
    )  # fmt: skip
    _claims(unions)
    user = get_user_model().objects.create_user(f"bench{unions_count}", password="bench-pw-123")
    Role.objects.create(user=user, organization=federation, role="viewer")
    return user, federation


def _claims(unions) -> None:
    """CLAIMS approved reimbursements per union, in different months, 3 items each."""
    from unionplan.funds.models import Reimbursement, ReimbursementItem

    claims = Reimbursement.objects.bulk_create(
        (Reimbursement(organization=u, year=YEAR, date=dt.date(YEAR, 1 + n * 2, 15),
                       applicant="王芳", title=f"报销{n}", state="approved")
         for u in unions for n in range(CLAIMS)),
        batch_size=2000,
    )  # fmt: skip
    ReimbursementItem.objects.bulk_create(
        (ReimbursementItem(claim=c, description=f"明细{n}", amount=Decimal("80.00"),
                           line=CLAIM_LINES[n])
         for c in claims for n in range(3)),
        batch_size=5000,
    )  # fmt: skip


def anchor_for(federation):
    """The page's two grouped sums by hand-written SQL over the federation's subtree."""
    from unionplan.orgs.models import Organization
    from unionplan.plans.models import Plan, ScheduleItem
    from unionplan.records.models import ActivityRecord, ExpenseLine

    org, plan, item = (m._meta.db_table for m in (Organization, Plan, ScheduleItem))
    record, expense = ActivityRecord._meta.db_table, ExpenseLine._meta.db_table
    if connection.vendor == "postgresql":
        month = "EXTRACT(MONTH FROM r.date)"
    else:
        month = "CAST(strftime('%%m', r.date) AS integer)"
    scoped = (f"FROM {item} i JOIN {plan} p ON p.id = i.plan_id "
              f"JOIN {org} o ON o.id = p.organization_id WHERE o.path LIKE %s AND p.year = %s")  # fmt: skip
    statements = [
        f"SELECT i.category, i.month, sum(i.budget) {scoped} AND i.budget IS NOT NULL GROUP BY 1, 2",
        f"SELECT i.category, e.category, {month}, sum(e.amount) FROM {expense} e "
        f"JOIN {record} r ON r.id = e.record_id JOIN {item} i ON i.id = r.item_id "
        f"JOIN {plan} p ON p.id = i.plan_id JOIN {org} o ON o.id = p.organization_id "
        f"WHERE o.path LIKE %s AND p.year = %s GROUP BY 1, 2, 3",
    ]
    params = [f"{federation.path}%", YEAR]

    return sql_anchor([(sql, params) for sql in statements])


def main() -> int:
    return run_page_bench(
        "accounts page",
        SIZES,
        build,
        lambda size: f"{size} unions, {size * ITEMS} items, {size * EXPENSES} expense lines",
        lambda federation: f"/funds/org/{federation.pk}/{YEAR}/",
        anchor_for,
        lambda size: 9 if size < 1000 else 5,
        "the same sums by hand-written SQL, 2 statements",
    )


if __name__ == "__main__":
    sys.exit(main())
