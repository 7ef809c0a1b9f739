"""How far a target has come, and whether it is met: plain arithmetic, no Django.

The database side (``unionplan.records.measuring``) only counts; deciding what 3 of
"不少于4次" means in July, or what a missed cap looks like, lives here so it can be tested on
its own and used the same way by the plan page, the dashboard and the year-end summary.

Two kinds of measure behave differently during the year:

- cumulative values (records counted, people reached) grow through the year, so a target is
  *on track* while it keeps pace with the share of the year gone by;
- levels (a manual value such as 建会率 92%) are simply met or not yet met.

At the year's end every measured target is either met or missed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from unionplan import vocab
from unionplan.plan.wording import number

MET, ON_TRACK, BEHIND, MISSED, NO_DATA = "met", "on_track", "behind", "missed", "no_data"

STATUSES = vocab.TARGET_PROGRESS


@dataclass(frozen=True)
class Progress:
    """A target's progress: ``current`` against ``goal`` (the target's ``value``) and, for a
    range, up to ``value_high`` (named as the target names it)."""

    current: Decimal | None
    goal: Decimal | None
    value_high: Decimal | None
    unit: str
    status: str
    source: str = ""  # "records", "attendance", "manual" or "" when nothing measures it

    @property
    def percent(self) -> int | None:
        """Share of the goal reached, rounded to a whole percent (may exceed 100)."""
        if self.current is None or not self.goal:
            return None
        ratio = self.current * 100 / self.goal
        return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def bar_percent(self) -> int:
        """``percent`` held within 0–100, for drawing a bar."""
        return max(0, min(100, self.percent or 0))

    @property
    def label(self) -> str:
        """3/4次, or 92 for a level without a goal, or — when nothing is known."""
        if self.current is None:
            return "—"
        current = number(self.current)
        if self.goal is None:
            return f"{current}{self.unit}"
        goal = number(self.goal)
        if self.value_high is not None:
            goal = f"{goal}–{number(self.value_high)}"
        return f"{current}/{goal}{self.unit}"

    @property
    def status_label(self) -> str:
        return dict(STATUSES)[self.status]


def year_fraction(year: int, as_of: dt.date) -> float:
    """The share of ``year`` gone by on ``as_of`` (0 before it starts, 1 once it is over)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if as_of < start:
        return 0.0
    if as_of >= end:
        return 1.0
    return ((as_of - start).days + 1) / ((end - start).days + 1)


def evaluate(
    comparator: str,
    goal: Decimal | None,
    value_high: Decimal | None,
    current: Decimal | None,
    *,
    year: int,
    as_of: dt.date,
    cumulative: bool,
    unit: str = "",
    source: str = "",
) -> Progress:
    """The progress of one target on ``as_of``; see the module docstring for the rules."""
    status = _status(comparator, goal, value_high, current, year, as_of, cumulative)
    return Progress(current, goal, value_high, unit, status, source)


def _status(
    comparator: str,
    goal: Decimal | None,
    value_high: Decimal | None,
    current: Decimal | None,
    year: int,
    as_of: dt.date,
    cumulative: bool,
) -> str:
    if current is None or goal is None:
        return NO_DATA
    over = as_of > dt.date(year, 12, 31)
    if comparator == "<=":
        # A cap: exceeding it cannot be undone by a count that only grows.
        if current > goal:
            return MISSED if cumulative or over else BEHIND
        return MET if over or not cumulative else ON_TRACK
    low, high = (goal, value_high) if comparator == "range" else (goal, None)
    if comparator == "=":
        high = goal
    if high is not None and current > high:
        return MISSED if cumulative or over else BEHIND
    if current >= low:
        return MET
    if over:
        return MISSED
    if not cumulative:
        return BEHIND
    expected = Decimal(str(year_fraction(year, as_of))) * low
    return ON_TRACK if current >= expected else BEHIND
