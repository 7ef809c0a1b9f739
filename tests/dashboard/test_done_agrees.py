"""An activity's "done" is read from one source (its status, which records keep) by the plan
page, the dashboard and the reminders: the three agree, before and after a record goes."""

import datetime as dt

from tests.factories import PlanFactory, dated_item
from tests.records.factories import held
from unionplan.agenda.reminders import starting_between
from unionplan.dashboard.figures import figures
from unionplan.plans.models import ScheduleItem
from unionplan.plans.outline import build_outline
from unionplan.records import plan_figures
from unionplan.records.services import delete_record

TODAY = dt.date(2027, 12, 20)


def _three_views(plan, org):
    """The months of the done activities as the plan page, the dashboard and the reminders
    see them (each activity has a month of its own)."""
    outline = build_outline(plan)
    plan_figures.annotate(plan, outline)
    page = {item.month for item in outline.items if item.state == "done"}
    dashboard = {row["month"] for row in figures(org, 2027, TODAY).months if row["done"]}
    open_ones = starting_between(dt.date(2027, 1, 1), dt.date(2027, 12, 31), org)
    not_reminded = {item.month for item in outline.items} - {item.month for item in open_ones}
    cancelled = {item.month for item in outline.items if item.status == "cancelled"}
    return page, dashboard, not_reminded - cancelled


def test_plan_page_dashboard_and_reminders_agree_on_done(org):
    plan = PlanFactory(organization=org, year=2027)
    recorded = dated_item(plan, dt.date(2027, 3, 5))
    postponed_then_held = dated_item(plan, dt.date(2027, 4, 5), status="postponed")
    dated_item(plan, dt.date(2027, 5, 5))  # planned, never held
    dated_item(plan, dt.date(2027, 6, 5), status="cancelled")
    dated_item(plan, dt.date(2027, 7, 5), status="done")  # marked done by hand, no record
    reopened = dated_item(plan, dt.date(2027, 8, 5))  # held, then set back to planned
    [record] = held(recorded)
    held(postponed_then_held)
    held(reopened)
    ScheduleItem.objects.filter(pk=reopened.pk).update(status="planned")
    assert _three_views(plan, org) == ({3, 4, 7}, {3, 4, 7}, {3, 4, 7})

    delete_record(record)
    assert _three_views(plan, org) == ({4, 7}, {4, 7}, {4, 7})
