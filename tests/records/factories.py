"""Factories of activity records (kept next to their tests; tests/factories.py is shared)."""

import datetime as dt
from decimal import Decimal

import factory

from tests.factories import PlanFactory, ScheduleItemFactory, TargetFactory
from unionplan.records.models import (
    ActivityRecord,
    ExpenseLine,
    TargetMeasure,
    TargetValue,
)
from unionplan.records.services import mark_done


class ActivityRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityRecord
        skip_postgeneration_save = True

    item = factory.SubFactory(ScheduleItemFactory)
    date = factory.LazyAttribute(lambda r: dt.date(r.item.plan.year, r.item.month, 10))
    place = "工会活动室"
    others_count = 0

    @factory.post_generation
    def marks_the_item_done(record, create, extracted, **kwargs):
        """As ``records.services.save_record`` does: a record makes its activity done."""
        if create:
            mark_done(record.item)
            record.item.refresh_from_db(fields=["status", "version"])


class ExpenseLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpenseLine

    record = factory.SubFactory(ActivityRecordFactory)
    category = "gift"
    amount = Decimal("200.00")
    payee = "超市"


class TargetMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetMeasure

    target = factory.SubFactory(TargetFactory)
    metric = "records"
    category = ""


class TargetValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetValue

    target = factory.SubFactory(TargetFactory)
    value = Decimal("90")
    date = dt.date(2027, 6, 30)


def held(item, times: int = 1, **kwargs) -> list[ActivityRecord]:
    """``times`` records of ``item`` (which each make the item done, as a record does)."""
    return [ActivityRecordFactory(item=item, **kwargs) for _ in range(times)]


__all__ = ["PlanFactory", "held"]
