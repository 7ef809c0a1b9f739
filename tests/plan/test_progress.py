import datetime as dt
import subprocess
import sys
from decimal import Decimal as D

import pytest

from unionplan.plan.progress import (
    BEHIND,
    MET,
    MISSED,
    NO_DATA,
    ON_TRACK,
    evaluate,
    year_fraction,
)
from unionplan.plan.wording import number


def run(comparator, goal, current, on, *, high=None, cumulative=True):
    return evaluate(comparator, goal, high, current, year=2027, as_of=on, cumulative=cumulative)


def test_three_of_four_trainings_in_july_is_on_track_and_75_percent():
    p = run(">=", D(4), D(3), dt.date(2027, 7, 1))
    assert (p.status, p.percent, p.label) == (ON_TRACK, 75, "3/4")


def test_one_of_four_in_november_is_behind():
    assert run(">=", D(4), D(1), dt.date(2027, 11, 1)).status == BEHIND


def test_reaching_the_goal_is_met_at_once():
    assert run(">=", D(4), D(4), dt.date(2027, 3, 1)).status == MET


def test_short_of_the_goal_after_the_year_is_missed():
    assert run(">=", D(4), D(3), dt.date(2028, 1, 1)).status == MISSED


def test_a_cap_exceeded_is_missed_and_kept_is_met_at_year_end():
    assert run("<=", D(2), D(3), dt.date(2027, 5, 1)).status == MISSED
    assert run("<=", D(2), D(1), dt.date(2027, 5, 1)).status == ON_TRACK
    assert run("<=", D(2), D(1), dt.date(2028, 1, 2)).status == MET


def test_a_range_is_met_inside_and_missed_above():
    assert run("range", D(1), D(2), dt.date(2027, 6, 1), high=D(2)).status == MET
    assert run("range", D(1), D(3), dt.date(2027, 6, 1), high=D(2)).status == MISSED


def test_a_level_below_its_goal_is_behind_not_judged_by_pace():
    p = run(">=", D(90), D(85), dt.date(2027, 1, 5), cumulative=False)
    assert p.status == BEHIND


def test_nothing_measured_or_no_goal_is_no_data():
    assert run(">=", D(4), None, dt.date(2027, 6, 1)).status == NO_DATA
    assert run(">=", None, D(3), dt.date(2027, 6, 1)).status == NO_DATA
    assert run(">=", D(4), None, dt.date(2027, 6, 1)).label == "—"


def test_percent_is_capped_only_for_the_bar():
    p = run(">=", D(4), D(6), dt.date(2027, 6, 1))
    assert (p.percent, p.bar_percent) == (150, 100)


@pytest.mark.parametrize(
    ("value", "text"), [(D("4.00"), "4"), (D("2.50"), "2.5"), (D("40"), "40"), (D("0.75"), "0.75")]
)
def test_numbers_are_shown_without_trailing_zeros(value, text):
    assert number(value) == text


def test_year_fraction_bounds():
    assert year_fraction(2027, dt.date(2026, 12, 31)) == 0
    assert year_fraction(2027, dt.date(2027, 12, 31)) == 1
    assert 0.49 < year_fraction(2027, dt.date(2027, 7, 2)) < 0.51


PURE = [
    "unionplan.plan.progress",
    "unionplan.plan.states",
    "unionplan.files.uploads",
    "unionplan.plan.money",
    "unionplan.documents.ledger_xlsx",
    "unionplan.documents.charts",
    "unionplan.documents.summary",
]


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_do_not_import_django(module):
    code = f"import sys, {module}; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
