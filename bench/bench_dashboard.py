"""Benchmark: a federation's dashboard over 100, 1,000 and 5,000 unions.

Standalone: DJANGO_SETTINGS_MODULE=unionplan.settings, a temporary UNIONPLAN_VAR_DIR (and so a
fresh SQLite file) unless DATABASE_URL is given. Builds one federation per size, each union
with an approved plan of 12 activities (half recorded, with expenses and attendees) and 3
targets, all by bulk_create. The dashboard is timed through django.test.Client, interleaved
with its anchor: the same figures (items per month and per direct child with done and
overdue, records and people reached per month, plans by status, targets with the records
that measure them) by hand-written SQL, one statement each. The run fails if the query
count changes with the size or a size step grows faster than linear.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import standalone  # noqa: F401  (sets Django up: before any model is imported)

# isort: split
from django.db import connection
from page_growth import run_page_bench, sql_anchor

SIZES = (100, 1000, 5000)
ITEMS = 12
TARGETS = 3
RUNS = {100: 15, 1000: 9, 5000: 5}
YEAR = 2027


def build(unions_count: int):
    """The federation, its unions, plans, items, records, expenses, attendees and targets."""
    from django.contrib.auth import get_user_model

    from unionplan.members.models import Member
    from unionplan.orgs.models import Organization, Role
    from unionplan.plans.models import Plan, ScheduleItem, Target
    from unionplan.records.models import ActivityRecord, ExpenseLine, TargetMeasure

    federation = Organization.objects.create(
        name=f"市总工会（基准，{unions_count}）", kind="federation"
    )
    unions = Organization.objects.bulk_create(
        Organization(name=f"基层工会{unions_count}-{i:04d}", kind="grassroots", parent=federation)
        for i in range(unions_count)
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
    user = get_user_model().objects.create_user(f"bench{unions_count}", password="bench-pw-123")
    Role.objects.create(user=user, organization=federation, role="viewer")
    return user, federation


def tally(condition: str) -> str:
    return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def anchor_for(federation):
    """The dashboard's figures by hand-written SQL over the federation's subtree."""
    from unionplan.orgs.models import Organization
    from unionplan.plans.models import Plan, ScheduleItem, Target
    from unionplan.records.models import ActivityRecord

    org, plan, item = (m._meta.db_table for m in (Organization, Plan, ScheduleItem))
    record, target = ActivityRecord._meta.db_table, Target._meta.db_table
    attendees = ActivityRecord.attendees.through._meta.db_table
    if connection.vendor == "postgresql":
        month = "EXTRACT(MONTH FROM r.date)"
    else:
        month = "CAST(strftime('%%m', r.date) AS integer)"
    today = dt.date.today().isoformat()
    branch = len(federation.path) + 9
    scoped = (
        f"FROM {item} i JOIN {plan} p ON p.id = i.plan_id "
        f"JOIN {org} o ON o.id = p.organization_id WHERE o.path LIKE %s AND p.year = %s"
    )
    done = tally("i.status = 'done'")
    overdue = tally(f"i.status = 'planned' AND COALESCE(i.end_date, i.date) < '{today}'")
    cancelled = tally("i.status = 'cancelled'")
    statements = [
        (f"SELECT count(*) FROM {org} WHERE path LIKE %s AND kind = 'grassroots'", 1),
        (f"SELECT p.status, count(*) FROM {plan} p JOIN {org} o ON o.id = p.organization_id "
         f"WHERE o.path LIKE %s AND p.year = %s GROUP BY p.status", 2),
        (f"SELECT i.month, count(*), {done}, {overdue}, {cancelled} "
         f"{scoped} GROUP BY i.month", 2),
        (f"SELECT {month}, count(*), sum(r.others_count) FROM {record} r "
         f"JOIN {item} i ON i.id = r.item_id JOIN {plan} p ON p.id = i.plan_id "
         f"JOIN {org} o ON o.id = p.organization_id WHERE o.path LIKE %s AND p.year = %s "
         f"GROUP BY 1", 2),
        (f"SELECT {month}, count(*) FROM {attendees} a JOIN {record} r "
         f"ON r.id = a.activityrecord_id JOIN {item} i ON i.id = r.item_id "
         f"JOIN {plan} p ON p.id = i.plan_id JOIN {org} o ON o.id = p.organization_id "
         f"WHERE o.path LIKE %s AND p.year = %s GROUP BY 1", 2),
        (f"SELECT i.category, sum(i.budget) {scoped} GROUP BY i.category", 2),
        (f"SELECT substr(o.path, 1, {branch}), count(*), {done}, {overdue} {scoped} "
         f"GROUP BY 1", 2),
        (f"SELECT t.id, t.value, (SELECT count(*) FROM {record} r JOIN {item} i "
         f"ON i.id = r.item_id WHERE i.plan_id = t.plan_id) FROM {target} t "
         f"JOIN {plan} p ON p.id = t.plan_id JOIN {org} o ON o.id = p.organization_id "
         f"WHERE o.path LIKE %s AND p.year = %s", 2),
    ]  # fmt: skip
    params = [f"{federation.path}%", YEAR]

    return sql_anchor([(sql, params[:arity]) for sql, arity in statements])


def main() -> int:
    return run_page_bench(
        "federation dashboard",
        SIZES,
        build,
        lambda size: (
            f"{size} unions, {size * ITEMS} items, {size * ITEMS // 2} records, "
            f"{size * TARGETS} targets"
        ),
        lambda federation: f"/dashboard/org/{federation.pk}/?year={YEAR}",
        anchor_for,
        lambda size: RUNS.get(size, 9),
        "the same figures by hand-written SQL, 8 statements",
    )


if __name__ == "__main__":
    sys.exit(main())
