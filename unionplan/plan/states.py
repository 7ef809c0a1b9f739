"""An activity's state as people see it: done, overdue, planned… — plain Python, no Django.

"Done" has one source of truth: the activity's stored status. A record makes a planned or
postponed activity done and deleting its last record makes it planned again (both in
``records.services``), so the plan page (``item_state``), the dashboard (``status=DONE`` in
SQL) and the reminders (only ``OPEN_STATUSES``) read the same thing.

"Overdue" is never stored: it depends on today's date. An activity is due on its end date,
else its date, else the last day of its (last) month; once that day has passed and the
activity is still only planned, it is overdue.
"""

from __future__ import annotations

import calendar
import datetime as dt

from unionplan import vocab

OVERDUE = "overdue"
DONE = "done"
# Statuses of an activity still to take place: reminded of, and made done by a record.
OPEN_STATUSES = ("planned", "postponed")

STATES = vocab.ITEM_STATES


def due_date(
    year: int, month: int, end_month: int | None, date: dt.date | None, end_date: dt.date | None
) -> dt.date:
    """The last day on which the activity can still take place as planned."""
    if end_date or date:
        return end_date or date
    last_month = end_month or month
    return dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


def is_done(status: str) -> bool:
    return status == DONE


def item_state(status: str, *, due: dt.date, today: dt.date) -> str:
    """One of the codes of ``STATES``: the stored status, or overdue for a late planned one."""
    if status == "planned" and due < today:
        return OVERDUE
    return status


def state_label(state: str) -> str:
    return dict(STATES).get(state, state)
