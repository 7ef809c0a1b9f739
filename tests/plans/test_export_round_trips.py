"""Round trips of the demo's stored plans through the app's own export (the download path):
the Excel file read with python-calamine and the iCal file with icalendar give back every
field of every activity and target, as the plan page holds them."""

import datetime as dt

import pytest
from django.db import transaction

from tests.documents.round_trip import assert_ics_gives_back, assert_xlsx_gives_back
from unionplan.demo import build
from unionplan.plans import exporting
from unionplan.plans.convert import plan_to_data
from unionplan.plans.models import Plan
from unionplan.plans.outline import build_outline

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_plans(django_db_setup, django_db_blocker):
    """Every plan of the demo (this year's, next year's drafts and the imported seed plans)."""
    with django_db_blocker.unblock(), transaction.atomic():
        build.build(today=TODAY)
        yield list(Plan.objects.select_related("organization").order_by("pk"))
        transaction.set_rollback(True)  # the demo does not leak into other modules' tests


@pytest.mark.django_db
def test_the_demo_has_plans_of_every_kind(demo_plans):
    assert len(demo_plans) >= 10
    assert sum(plan.items.count() for plan in demo_plans) >= 300
    assert {plan.status for plan in demo_plans} >= {"approved", "draft"}


@pytest.mark.django_db
def test_excel_export_of_every_demo_plan_gives_back_every_field(demo_plans):
    for plan in demo_plans:
        content, _name, _type = exporting.export(plan, "xlsx")
        assert_xlsx_gives_back(plan_to_data(plan), content)


@pytest.mark.django_db
def test_ical_export_of_every_demo_plan_gives_back_every_dated_activity(demo_plans):
    for plan in demo_plans:
        content, _name, _type = exporting.export(plan, "ics")
        outline = build_outline(plan)  # the UIDs are the activities' database ids
        uids = {n: exporting.item_uid(item.pk) for n, item in enumerate(outline.items)}
        assert_ics_gives_back(plan_to_data(plan, outline), content, uids)
