import datetime as dt
from decimal import Decimal

from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    ScheduleItemFactory,
    TargetFactory,
)
from tests.records.factories import ExpenseLineFactory, TargetMeasureFactory, held
from unionplan.dashboard.figures import figures

JULY = dt.date(2027, 7, 15)


def union_year(parent, *, approved=True) -> None:
    """A union under ``parent`` with a plan: 1 item done in March, 1 overdue, 1 to come."""
    union = OrganizationFactory(parent=parent)
    plan = PlanFactory(organization=union, status="approved" if approved else "draft")
    done = ScheduleItemFactory(plan=plan, month=3, category="training", budget=Decimal(100))
    record = held(done, others_count=5)[0]
    record.attendees.add(MemberFactory(organization=union))
    ExpenseLineFactory(record=record, amount=Decimal(40))
    ScheduleItemFactory(plan=plan, month=5)  # overdue in July
    ScheduleItemFactory(plan=plan, month=7, date=dt.date(2027, 7, 20))  # still to come
    target = TargetFactory(plan=plan, value=Decimal(1))
    TargetMeasureFactory(target=target, category="training")


def test_a_federation_adds_up_its_subtree(db):
    federation = FederationFactory()
    district = FederationFactory(parent=federation)
    union_year(federation)
    union_year(district)
    union_year(district, approved=False)
    union_year(OrganizationFactory())  # outside: not counted
    f = figures(federation, 2027, JULY)
    assert (f.unions, f.plans_approved, f.plans_total) == (3, 2, 3)
    assert (f.items_total, f.items_done, f.items_overdue) == (9, 3, 3)
    assert f.months[2]["done"] == 3 and f.months[4]["overdue"] == 3 and f.months[6]["other"] == 3
    assert (f.records, f.attendance) == (3, 18)
    assert f.targets["met"] == 3
    assert f.by_category[0].spent == 120
    by_child = {c["org"].pk: c for c in f.children}
    assert by_child[district.pk]["total"] == 6 and by_child[district.pk]["approved"] == 1


def test_overdue_follows_dates_end_months_and_past_years(db):
    union = OrganizationFactory()
    plan = PlanFactory(organization=union)
    ScheduleItemFactory(plan=plan, month=7, date=dt.date(2027, 7, 14))  # passed yesterday
    ScheduleItemFactory(plan=plan, month=6, end_month=8)  # span not over
    ScheduleItemFactory(plan=plan, month=2, status="cancelled")
    assert figures(union, 2027, JULY).items_overdue == 1
    assert figures(union, 2027, dt.date(2028, 1, 1)).items_overdue == 2


def queries(org) -> int:
    with CaptureQueriesContext(connection) as captured:
        figures(org, 2027, JULY)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_unions(db):
    federation = FederationFactory()
    for _ in range(2):
        union_year(federation)
    few = queries(federation)
    for _ in range(8):
        union_year(federation)
    assert queries(federation) == few


def test_target_statuses_in_sql_agree_with_the_plan_pages_progress(db):
    """Every kind of measure: chosen items, a category, every item, people reached, manual
    values (latest wins), ranges and caps; the SQL counts equal the per-target evaluation."""
    from collections import Counter

    from tests.records.factories import TargetValueFactory
    from unionplan.dashboard.figures import target_statuses
    from unionplan.plans.models import Target
    from unionplan.records.measuring import progress_for_targets

    union = OrganizationFactory()
    plan = PlanFactory(organization=union)
    training = ScheduleItemFactory(plan=plan, month=3, category="training")
    welfare = ScheduleItemFactory(plan=plan, month=4, category="welfare")
    for record in held(training, 2, others_count=4):
        record.attendees.add(MemberFactory(organization=union))
    held(welfare, 1, others_count=10)
    chosen = TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(1)))
    chosen.items.add(welfare)
    TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(2)), category="training")
    TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(9)))  # behind
    TargetMeasureFactory(
        target=TargetFactory(plan=plan, value=Decimal(10), comparator="<="), metric="attendance"
    )  # 4+4+10 + 2 members = 20 > 10: missed
    TargetMeasureFactory(
        target=TargetFactory(plan=plan, value=Decimal(5), value_high=Decimal(12),
                             comparator="range"),
        metric="attendance", category="training",
    )  # fmt: skip
    manual = TargetFactory(plan=plan, value=Decimal(90))
    TargetValueFactory(target=manual, value=Decimal(95), date=dt.date(2027, 6, 1))
    TargetValueFactory(target=manual, value=Decimal(80), date=dt.date(2027, 6, 30))
    TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(3)), metric="manual")
    TargetFactory(plan=plan, value=Decimal(3))  # nothing measures it
    targets = Target.objects.filter(plan__organization=union)
    for day in (JULY, dt.date(2028, 1, 2)):
        expected = Counter(p.status for p in progress_for_targets(targets, day).values())
        counted = target_statuses(targets, day)
        assert {k: v for k, v in counted.items() if v} == dict(expected)
    assert target_statuses(targets, JULY)["missed"] == 1


def test_the_grouped_figures_equal_a_python_count_of_the_rows(db):
    """The page's sums come from a few grouped queries (items by month and category, records
    by month and category with their members and expenses, the listed branches only);
    recounted here row by row in Python on a varied subtree, they agree."""
    import random
    from collections import Counter

    from unionplan.orgs.models import Organization
    from unionplan.plan.states import due_date, item_state
    from unionplan.plans.models import ScheduleItem
    from unionplan.records import accounts
    from unionplan.records.models import ActivityRecord

    rng = random.Random(15)
    federation = FederationFactory()
    district = FederationFactory(parent=federation)
    categories = ["training", "welfare", "festival", "culture"]
    for parent in (federation, federation, district, district, district):
        union = OrganizationFactory(parent=parent)
        plan = PlanFactory(organization=union, status=rng.choice(["approved", "draft"]))
        members = [MemberFactory(organization=union) for _ in range(3)]
        for _ in range(8):
            month = rng.randint(1, 12)
            item = ScheduleItemFactory(
                plan=plan, month=month, category=rng.choice(categories),
                budget=rng.choice([None, Decimal("120.50"), Decimal(300)]),
                status=rng.choice(["planned", "planned", "cancelled", "postponed"]),
                end_month=rng.choice([None, min(month + 1, 12)]),
                date=rng.choice([None, dt.date(2027, month, rng.randint(1, 28))]),
            )  # fmt: skip
            for record in held(item, rng.randint(0, 2), others_count=rng.randint(0, 4)):
                record.date = dt.date(2027, rng.randint(1, 12), 5)  # held in another month
                record.save()
                record.attendees.add(*rng.sample(members, rng.randint(0, 3)))
                for _ in range(rng.randint(0, 3)):
                    ExpenseLineFactory(record=record, amount=Decimal(rng.randint(1, 9999)) / 100)
    PlanFactory(organization=OrganizationFactory())  # outside the federation

    f = figures(federation, 2027, JULY)

    items = ScheduleItem.objects.filter(plan__organization__path__startswith=federation.path)
    state = {
        i.pk: item_state(i.status, due=due_date(2027, i.month, i.end_month, i.date, i.end_date),
                         today=JULY)
        for i in items
    }  # fmt: skip
    for row in f.months:
        mine = [i for i in items if i.month == row["month"]]
        assert row["total"] == len(mine)
        assert row["done"] == sum(state[i.pk] == "done" for i in mine)
        assert row["overdue"] == sum(state[i.pk] == "overdue" for i in mine)
        assert row["cancelled"] == sum(i.status == "cancelled" for i in mine)
    records = ActivityRecord.objects.filter(item__in=items)
    assert [r["records"] for r in f.months] == [
        sum(r.date.month == m for r in records) for m in range(1, 13)
    ]
    reached = Counter()
    for r in records:
        reached[r.date.month] += r.others_count + r.attendees.count()
    assert [r["attendance"] for r in f.months] == [reached[m] for m in range(1, 13)]
    assert sum(reached.values()) == f.attendance > 0
    plans = Q(plan__organization__path__startswith=federation.path, plan__year=2027)
    assert f.by_category == accounts.budget_by_category(plans)  # the per-figure queries
    assert f.by_month_budget == accounts.budget_by_month(plans)
    spent = sum(line.amount for r in records for line in r.expenses.all())
    assert accounts.totals(f.by_category).spent == spent > 0
    budget = sum((i.budget for i in items if i.budget is not None), Decimal(0))
    assert accounts.totals(f.by_month_budget).budget == budget
    by_child = {c["org"].pk: c for c in f.children}
    for child in (district, *Organization.objects.filter(parent=federation, kind="grassroots")):
        below = [i for i in items if i.plan.organization.path.startswith(child.path)]
        row = by_child[child.pk]
        assert (row["total"], row["done"], row["overdue"]) == (
            len(below),
            sum(state[i.pk] == "done" for i in below),
            sum(state[i.pk] == "overdue" for i in below),
        )
