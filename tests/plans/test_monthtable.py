"""Grouping the month table and its totals."""

import datetime as dt
from decimal import Decimal

from unionplan.plan.data import ItemData
from unionplan.plan.money import total_budget
from unionplan.plan.wording import month_label
from unionplan.plans.monthtable import month_groups


def test_month_labels():
    assert month_label(1) == "一月份"
    assert month_label(12, 12) == "十二月份"
    assert month_label(7, 8) == "七、八月份"
    assert month_label(3, 5) == "三至五月份"


def test_groups_follow_months_and_spans():
    items = [
        ItemData(text="a", month=1),
        ItemData(text="b", month=1),
        ItemData(text="c", month=7, end_month=8),
        ItemData(text="d", month=9, end_month=9),
    ]
    groups = month_groups(items)
    assert [g.label for g in groups] == ["一月份", "七、八月份", "九月份"]
    assert [len(g.items) for g in groups] == [2, 1, 1]


def test_budget_totals_ignore_blank_budgets():
    items = [
        ItemData(text="a", month=1, budget=Decimal("100.50")),
        ItemData(text="b", month=1),
        ItemData(text="c", month=2, budget=Decimal("1000")),
    ]
    assert total_budget(items) == Decimal("1100.50")
    assert month_groups(items)[0].budget == Decimal("100.50")
    assert total_budget([]) == Decimal("0.00")


def test_items_move_only_among_the_same_date():
    day = dt.date(2027, 3, 8)
    items = [
        ItemData(text="a", month=3, date=day),
        ItemData(text="b", month=3, date=day),
        ItemData(text="c", month=3),
        ItemData(text="d", month=3),
    ]
    rows = month_groups(items)[0].rows()
    assert [(up, down) for _item, up, down in rows] == [
        (False, True),
        (True, False),
        (False, True),
        (True, False),
    ]
