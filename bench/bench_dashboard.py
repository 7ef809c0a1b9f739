"""Benchmark: a federation's dashboard over 1,000 unions, against one union's dashboard.

Standalone: DJANGO_SETTINGS_MODULE=unionplan.settings, a temporary UNIONPLAN_VAR_DIR (and so a
fresh SQLite file) unless DATABASE_URL is given. Builds 1,000 grassroots unions under one
federation, each with an approved plan of 12 activities (half recorded, with expenses and
attendees) and 3 targets, all by bulk_create; then times the federation's dashboard through
django.test.Client and prints the median, the ratio to a single union's dashboard measured in
the same run, and the number of SQL queries of each.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["UNIONPLAN_VAR_DIR"] = tempfile.mkdtemp(prefix="unionplan-bench-")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

UNIONS = 1000
ITEMS = 12
TARGETS = 3
RUNS = 15
YEAR = 2027


def build():
    """The federation, its unions, plans, items, records, expenses, attendees and targets."""
    from django.contrib.auth import get_user_model

    from unionplan.members.models import Member
    from unionplan.orgs.models import Organization, Role
    from unionplan.plans.models import Plan, ScheduleItem, Target
    from unionplan.records.models import ActivityRecord, ExpenseLine, TargetMeasure

    federation = Organization.objects.create(name="市总工会（基准）", kind="federation")
    unions = Organization.objects.bulk_create(
        Organization(name=f"基层工会{i:04d}", kind="grassroots", parent=federation)
        for i in range(UNIONS)
    )
    for union in unions:  # bulk_create gives ids; the path is parent path + own id
        union.path = f"{federation.path}{union.pk:08d}/"
    Organization.objects.bulk_update(unions, ["path"], batch_size=500)
    plans = Plan.objects.bulk_create(
        Plan(organization=u, year=YEAR, title=f"{YEAR}年工作计划", status="approved")
        for u in unions
    )
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
    members = []
    for union in unions:
        m = Member(organization=union, name="会员", id_number=f"{union.pk:018d}")
        m.fill_derived(union)
        members.append(m)
    members = Member.objects.bulk_create(members, batch_size=2000)
    member_of = {m.organization_id: m.pk for m in members}
    plan_org = {p.pk: p.organization_id for p in plans}
    item_plan = {i.pk: i.plan_id for i in items}
    through = ActivityRecord.attendees.through
    through.objects.bulk_create(
        (through(activityrecord_id=r.pk, member_id=member_of[plan_org[item_plan[r.item_id]]])
         for r in records),
        batch_size=2000,
    )  # fmt: skip
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
    user = get_user_model().objects.create_user("bench", password="bench-pw-123")
    Role.objects.create(user=user, organization=federation, role="viewer")
    return user, federation, unions[0]


def timed(client, url: str) -> tuple[float, int]:
    """Median milliseconds over RUNS requests (after one warm-up) and the query count."""
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    # Counted by a wrapper: the request closes the connection, which empties query logs.
    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(executed)


def main() -> None:
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    user, federation, union = build()
    built = time.perf_counter() - start
    with connection.cursor() as cursor:  # fresh bulk data: give the planner its statistics
        cursor.execute("ANALYZE")
    client = Client()
    client.force_login(user)
    fed_ms, fed_q = timed(client, f"/dashboard/org/{federation.pk}/?year={YEAR}")
    one_ms, one_q = timed(client, f"/dashboard/org/{union.pk}/?year={YEAR}")
    vendor = connection.vendor
    print(f"data: {UNIONS} unions, {UNIONS * ITEMS} items, {UNIONS * ITEMS // 2} records, "
          f"{UNIONS * TARGETS} targets; built in {built:.1f} s ({vendor})")  # fmt: skip
    print(f"federation dashboard ({UNIONS} unions): {fed_ms:.1f} ms median, {fed_q} queries; "
          f"ratio to one union's dashboard {fed_ms / one_ms:.1f}x")  # fmt: skip
    print(f"single union dashboard (baseline): {one_ms:.1f} ms median, {one_q} queries")


if __name__ == "__main__":
    main()
