import datetime as dt

from unionplan.plan.states import OVERDUE, due_date, item_state, state_label


def test_due_date_is_end_date_then_date_then_last_day_of_last_month():
    assert due_date(2027, 3, None, dt.date(2027, 3, 8), dt.date(2027, 3, 9)) == dt.date(2027, 3, 9)
    assert due_date(2027, 3, None, dt.date(2027, 3, 8), None) == dt.date(2027, 3, 8)
    assert due_date(2027, 2, None, None, None) == dt.date(2027, 2, 28)
    assert due_date(2028, 7, 8, None, None) == dt.date(2028, 8, 31)


def test_a_planned_item_past_its_due_day_is_overdue():
    due = dt.date(2027, 3, 31)
    assert item_state("planned", has_record=False, due=due, today=dt.date(2027, 4, 1)) == OVERDUE
    assert item_state("planned", has_record=False, due=due, today=dt.date(2027, 3, 31)) == "planned"


def test_a_record_makes_it_done_even_late_but_not_when_cancelled():
    due, late = dt.date(2027, 3, 31), dt.date(2027, 5, 1)
    assert item_state("planned", has_record=True, due=due, today=late) == "done"
    assert item_state("cancelled", has_record=True, due=due, today=late) == "cancelled"
    assert item_state("postponed", has_record=False, due=due, today=late) == "postponed"


def test_labels_are_chinese():
    assert state_label(OVERDUE) == "已逾期"
