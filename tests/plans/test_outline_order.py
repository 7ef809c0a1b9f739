"""The plan page and every file put a plan's activities in one order (plan/order.py)."""

import datetime as dt

from tests.factories import ScheduleItemFactory
from unionplan.plan.order import ordered_items
from unionplan.plans.convert import plan_to_data
from unionplan.plans.outline import build_outline


def test_page_order_is_the_files_order(plan):
    ScheduleItemFactory(plan=plan, month=5, end_month=6, text="五到六月", order=0)
    ScheduleItemFactory(plan=plan, month=5, text="五月不定日", order=1)
    ScheduleItemFactory(plan=plan, month=5, end_month=5, text="五月整月", order=2)
    ScheduleItemFactory(plan=plan, month=5, date=dt.date(2027, 5, 9), text="五月九日", order=3)
    ScheduleItemFactory(plan=plan, month=1, text="一月", order=4)
    page = [item.text for item in build_outline(plan).items]
    files = [item.text for item in ordered_items(plan_to_data(plan).items)]
    assert page == files == ["一月", "五月九日", "五月不定日", "五月整月", "五到六月"]
