"""An activity's state as people see it: done, overdue, planned… — plain Python, no Django.

"Overdue" is never stored: it depends on today's date. An activity is due on its end date,
else its date, else the last day of its (last) month; once that day has passed with no
record and the activity still only planned, it is overdue. A record makes it done.
"""

from __future__ import annotations

import calendar
import datetime as dt

from unionplan import vocab

OVERDUE = "overdue"

STATES = vocab.ITEM_STATES


def due_date(
    year: int, month: int, end_month: int | None, date: dt.date | None, end_date: dt.date | None
) -> dt.date:
    """The last day on which the activity can still take place as planned."""
    if end_date or date:
        return end_date or date
    last_month = end_month or month
    return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def item_state(
    status: str,
    *,
    has_record: bool,
    due: dt.date,
    today: dt.date,
) -> str:
    """One of the codes of ``STATES``."""
    if status == "cancelled":
        return "cancelled"
    if has_record or status == "done":
        return "done"
    if status == "planned" and due < today:
        return OVERDUE
    return status


def state_label(state: str) -> str:
    return dict(STATES).get(state, state)
