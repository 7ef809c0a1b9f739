import datetime as dt

from unionplan.plan.states import DONE, OVERDUE, due_date, is_done, item_state, state_label


def test_due_date_is_end_date_then_date_then_last_day_of_last_month():
    assert due_date(2027, 3, None, dt.date(2027, 3, 8), dt.date(2027, 3, 9)) == dt.date(2027, 3, 9)
    assert due_date(2027, 3, None, dt.date(2027, 3, 8), None) == dt.date(2027, 3, 8)
    assert due_date(2027, 2, None, None, None) == dt.date(2027, 2, 28)
    assert due_date(2028, 7, 8, None, None) == dt.date(2028, 8, 31)


def test_a_planned_item_past_its_due_day_is_overdue():
    due = dt.date(2027, 3, 31)
    assert item_state("planned", due=due, today=dt.date(2027, 4, 1)) == OVERDUE
    assert item_state("planned", due=due, today=dt.date(2027, 3, 31)) == "planned"


def test_the_stored_status_alone_says_done_even_late():
    due, late = dt.date(2027, 3, 31), dt.date(2027, 5, 1)
    assert item_state("done", due=due, today=late) == DONE
    assert is_done("done") and not is_done("planned")
    assert item_state("cancelled", due=due, today=late) == "cancelled"
    assert item_state("postponed", due=due, today=late) == "postponed"


def test_labels_are_chinese():
    assert state_label(OVERDUE) == "已逾期"
