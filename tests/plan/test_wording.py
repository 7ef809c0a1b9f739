"""The shared wording of the writers: month cells, money and targets."""

import datetime as dt
from decimal import Decimal

from tests.documents.plans import item
from unionplan.plan.data import TargetData
from unionplan.plan.money import money
from unionplan.plan.wording import targets_sentence, when_label


def test_month_cell_for_a_month_a_span_a_day_and_date_ranges():
    d = dt.date
    assert when_label(item(month=3)) == "3月"
    assert when_label(item(month=7, end_month=8)) == "7—8月"
    assert when_label(item(month=3, date=d(2027, 3, 8))) == "3月8日"
    assert when_label(item(month=3, date=d(2027, 3, 8), end_date=d(2027, 3, 10))) == ("3月8日—10日")
    assert when_label(item(month=3, date=d(2027, 3, 30), end_date=d(2027, 4, 2))) == (
        "3月30日—4月2日"
    )


def test_money_shows_cents_and_groups_thousands_the_same_everywhere():
    assert money(Decimal("3000")) == "3,000.00"
    assert money(Decimal("1234.5")) == "1,234.50"
    assert money(300) == "300.00"
    assert money(None) == ""


def test_targets_sentence_uses_the_text_or_builds_one_from_figures():
    targets = [
        TargetData("市总工会不少于4次集中培训。"),
        TargetData("", ">=", Decimal("90"), unit="%"),
        TargetData("", "range", Decimal("5"), Decimal("8"), unit="家"),
    ]
    assert targets_sentence(targets) == ("工作目标：市总工会不少于4次集中培训；不少于90%；5—8家。")
    assert targets_sentence([]) == ""
