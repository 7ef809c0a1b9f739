import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import MemberFactory, ScheduleItemFactory, TargetFactory
from tests.records.factories import (
    ActivityRecordFactory,
    TargetMeasureFactory,
    TargetValueFactory,
    held,
)
from unionplan.records.measuring import item_states, progress_for_plan

JULY = dt.date(2027, 7, 1)


def test_a_target_counts_the_records_of_its_category(plan):
    trainings = ScheduleItemFactory.create_batch(2, plan=plan, category="training")
    held(trainings[0], 2)
    held(trainings[1], 1)
    held(ScheduleItemFactory(plan=plan, category="culture"), 5)
    target = TargetFactory(plan=plan, value=Decimal(4))
    TargetMeasureFactory(target=target, category="training")
    p = progress_for_plan(plan, JULY)[target.pk]
    assert (p.label, p.percent, p.status) == ("3/4次", 75, "on_track")


def test_a_target_counts_only_its_chosen_items(plan):
    chosen, other = ScheduleItemFactory.create_batch(2, plan=plan)
    held(chosen, 2)
    held(other, 3)
    measure = TargetMeasureFactory(target=TargetFactory(plan=plan, value=Decimal(2)))
    measure.items.set([chosen])
    assert progress_for_plan(plan, JULY)[measure.target_id].status == "met"


def test_members_reached_is_attendees_plus_others(plan, org):
    item = ScheduleItemFactory(plan=plan, category="welfare")
    record = ActivityRecordFactory(item=item, others_count=4)
    record.attendees.set(MemberFactory.create_batch(3, organization=org))
    ActivityRecordFactory(item=item, others_count=1)
    target = TargetFactory(plan=plan, value=Decimal(10), unit="人次")
    TargetMeasureFactory(target=target, metric="attendance", category="welfare")
    assert progress_for_plan(plan, JULY)[target.pk].label == "8/10人次"


def test_manual_values_take_the_latest_by_date(plan):
    target = TargetFactory(plan=plan, text="建会率达到90%以上", value=Decimal(90), unit="%")
    TargetValueFactory(target=target, value=Decimal(95), date=dt.date(2027, 3, 1))
    TargetValueFactory(target=target, value=Decimal(85), date=dt.date(2027, 6, 1))
    p = progress_for_plan(plan, JULY)[target.pk]
    assert (p.current, p.status, p.source) == (Decimal(85), "behind", "manual")


def test_an_unmeasured_target_has_no_data(plan):
    target = TargetFactory(plan=plan)
    assert progress_for_plan(plan, JULY)[target.pk].status == "no_data"


def build(plan, n: int) -> None:
    for i in range(n):
        item = ScheduleItemFactory(plan=plan, category="training" if i % 2 else "culture")
        held(item, 1)
        target = TargetFactory(plan=plan)
        TargetMeasureFactory(target=target, metric="attendance" if i % 2 else "records")
        TargetValueFactory(target=TargetFactory(plan=plan))


def queries(plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        progress_for_plan(plan, JULY)
    return len(captured)


def test_progress_for_plan_takes_the_same_queries_for_3_or_30_targets(plan):
    build(plan, 3)
    few = queries(plan)
    build(plan, 27)
    assert queries(plan) == few <= 4


def test_item_states_take_no_query_and_mark_overdue(plan):
    march = ScheduleItemFactory(plan=plan, month=3)
    done = ScheduleItemFactory(plan=plan, month=3)
    ActivityRecordFactory(item=done)
    later = ScheduleItemFactory(plan=plan, month=9)
    with CaptureQueriesContext(connection) as captured:
        states = item_states([march, done, later], plan.year, JULY)
    assert len(captured) == 0
    assert states == {march.pk: "overdue", done.pk: "done", later.pk: "planned"}


def test_month_computed_in_the_database_is_the_month_django_extracts(plan):
    from django.db.models.functions import ExtractMonth

    from unionplan.records.measuring import Month
    from unionplan.records.models import ActivityRecord

    item = ScheduleItemFactory(plan=plan)
    for day in (
        dt.date(2027, 1, 1),
        dt.date(2027, 9, 30),
        dt.date(2027, 10, 1),
        dt.date(2027, 12, 31),
    ):
        ActivityRecordFactory(item=item, date=day)
    records = ActivityRecord.objects.filter(item=item).order_by("date")
    ours = list(records.annotate(m=Month("date")).values_list("m", flat=True))
    assert ours == list(records.annotate(m=ExtractMonth("date")).values_list("m", flat=True))
    assert ours == [1, 9, 10, 12]
