"""Copying a plan into a new year, on plain data."""

import datetime as dt

from unionplan.plan.copying import for_new_year, move_date
from unionplan.plan.data import ItemData, PlanData, SectionData


def test_move_date_keeps_day_and_month():
    assert move_date(dt.date(2027, 10, 14), 2028) == dt.date(2028, 10, 14)
    assert move_date(None, 2028) is None


def test_29_february_becomes_28_february_in_a_common_year():
    assert move_date(dt.date(2028, 2, 29), 2029) == dt.date(2029, 2, 28)
    assert move_date(dt.date(2028, 2, 29), 2032) == dt.date(2032, 2, 29)


def test_plan_for_new_year_resets_status_and_moves_dates():
    data = PlanData(
        title="2027年工会工作计划",
        year=2027,
        status="approved",
        sections=[SectionData(title="组织建设")],
        items=[
            ItemData(text="慰问", month=1, date=dt.date(2027, 1, 20), status="done"),
            ItemData(text="春游", month=4, status="cancelled"),
        ],
    )
    copy = for_new_year(data, 2028)
    assert (copy.title, copy.year, copy.status) == ("2028年工会工作计划", 2028, "draft")
    assert copy.sections[0].title == "组织建设"
    assert [i.status for i in copy.items] == ["planned", "planned"]
    assert copy.items[0].date == dt.date(2028, 1, 20)
    assert data.items[0].date == dt.date(2027, 1, 20)  # the original is untouched


def test_given_title_wins_and_a_range_over_new_year_loses_its_end():
    data = PlanData(
        title="年度计划",
        year=2027,
        items=[
            ItemData(
                text="迎新年", month=12, date=dt.date(2027, 12, 30), end_date=dt.date(2028, 1, 2)
            )
        ],
    )
    copy = for_new_year(data, 2028, title="新计划")
    assert copy.title == "新计划"
    assert (copy.items[0].date, copy.items[0].end_date) == (dt.date(2028, 12, 30), None)
