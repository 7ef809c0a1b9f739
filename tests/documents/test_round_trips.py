"""Round trips of the writers on a generated plan of 200 activities: the Excel file read with
python-calamine and the iCal file parsed with icalendar give back every field that went in.
(The demo plans, exported through the app, are in tests/plans/test_export_round_trips.py.)"""

import datetime as dt
import io

from tests.documents.plans import generated_plan
from tests.documents.round_trip import assert_ics_gives_back, assert_xlsx_gives_back
from unionplan.documents import ics_bytes, write_xlsx


def xlsx_bytes(plan) -> bytes:
    out = io.BytesIO()
    write_xlsx(plan, out)
    return out.getvalue()


def test_the_generated_plan_has_the_shapes_real_plans_have():
    plan = generated_plan(200)
    items = plan.items
    assert len(items) == 200
    assert {item.status for item in items} == {"planned", "done", "cancelled", "postponed"}
    assert sum(item.date is None for item in items) >= 20
    assert any(item.end_month for item in items) and any(item.end_date for item in items)
    assert any(item.text.startswith(("=", "+", "-", "@")) for item in items)
    assert any(item.end_date and item.end_date.year > plan.year for item in items)
    assert plan.all_targets()


def test_excel_gives_back_every_activity_target_and_the_total():
    plan = generated_plan(200)
    assert_xlsx_gives_back(plan, xlsx_bytes(plan))


def test_ical_gives_back_every_dated_activity():
    plan = generated_plan(200)
    uids = {index: f"item-{index}@unionplan.local" for index in range(len(plan.items))}
    stamp = dt.datetime(2027, 1, 5, 8, 0, tzinfo=dt.UTC)
    assert_ics_gives_back(plan, ics_bytes(plan, uids=uids, stamp=stamp), uids)
