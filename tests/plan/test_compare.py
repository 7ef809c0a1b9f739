"""The approved plan against its 调整: rows matched by id, shown in the revision's order."""

from decimal import Decimal

from unionplan.plan.compare import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    cells,
    changed_columns,
    compare,
    compare_rows,
)

FIELDS = ("text", "budget")


def _item(id_, text, budget=None, month=3, **more):
    return {"id": id_, "month": month, "text": text, "budget": budget, **more}


def test_rows_are_matched_by_id_not_by_text():
    before = [_item(1, "三八妇女节活动", "3000.00"), _item(2, "教师节慰问", "12000.00")]
    after = [_item(1, "三八妇女节女职工健步走", "3000.00"), _item(2, "教师节慰问", "12000.00")]
    changes = compare_rows(before, after, FIELDS)
    assert [c.kind for c in changes] == [CHANGED, SAME]
    assert changes[0].fields == ("text",)
    assert changes[0].before["text"] == "三八妇女节活动"


def test_a_removed_row_stays_where_it_stood_and_new_rows_are_added():
    before = [_item(1, "甲"), _item(2, "乙"), _item(3, "丙")]
    after = [_item(1, "甲"), _item(3, "丙"), _item(9, "新活动")]
    kinds = [(c.kind, (c.after or c.before)["text"]) for c in compare_rows(before, after, FIELDS)]
    assert kinds == [(SAME, "甲"), (REMOVED, "乙"), (SAME, "丙"), (ADDED, "新活动")]


def test_a_first_row_removed_comes_first():
    changes = compare_rows([_item(1, "甲"), _item(2, "乙")], [_item(2, "乙")], FIELDS)
    assert [(c.kind, (c.after or c.before)["text"]) for c in changes] == [
        (REMOVED, "甲"), (SAME, "乙"),
    ]  # fmt: skip


def test_money_written_two_ways_is_the_same_money():
    changes = compare_rows([_item(1, "甲", "3000.00")], [_item(1, "甲", "3000")], FIELDS)
    assert changes[0].kind == SAME
    changes = compare_rows([_item(1, "甲", "3000.00")], [_item(1, "甲", "3500.00")], FIELDS)
    assert changes[0].fields == ("budget",)
    assert compare_rows([_item(1, "甲", "")], [_item(1, "甲", None)], FIELDS)[0].kind == SAME


def _snapshot(items, **plan):
    return {"plan": {"title": "计划", "guiding_ideas": "", "goals": "", **plan},
            "sections": [], "targets": [], "items": items}  # fmt: skip


def test_the_comparison_counts_and_totals_the_money():
    before = _snapshot([_item(1, "甲", "3000.00"), _item(2, "乙", "2000.00")])
    after = _snapshot([_item(1, "甲", "3500.00"), _item(7, "丙", "800.00")], goals="新目标")
    comparison = compare(before, after)
    assert comparison.counts() == {ADDED: 1, REMOVED: 1, CHANGED: 2}  # the plan's goals too
    assert comparison.plan.fields == ("goals",)
    assert (comparison.budget_before, comparison.budget_after) == (Decimal("5000"), Decimal("4300"))
    assert comparison.budget_difference == Decimal("-700")
    assert comparison.changed


def test_an_unchanged_plan_has_no_change():
    snapshot = _snapshot([_item(1, "甲", "3000.00")])
    comparison = compare(snapshot, _snapshot([_item(1, "甲", "3000.00")]))
    assert not comparison.changed and comparison.counts() == {ADDED: 0, REMOVED: 0, CHANGED: 0}


def test_moving_a_row_only_is_not_a_change():
    before = [_item(1, "甲", order=1), _item(2, "乙", order=2)]
    after = [_item(2, "乙", order=1), _item(1, "甲", order=2)]
    assert {c.kind for c in compare(_snapshot(before), _snapshot(after)).parts["items"]} == {SAME}


def test_cells_word_a_row_as_the_plan_page_does():
    item = _item(1, "“三八”节活动", "3000.00", month=3, date="2027-03-08", end_date="2027-03-10",
                 scope="女职工", owner="工会主席")  # fmt: skip
    assert cells("items", item) == {
        "when": "3月8日—10日", "text": "“三八”节活动", "scope": "女职工", "owner": "工会主席",
        "budget": "3,000.00",
    }  # fmt: skip
    assert cells("items", _item(2, "暑期疗休养", month=7, end_month=8))["when"] == "7—8月"
    target = {"id": 1, "text": "", "comparator": ">=", "value": "4.00", "unit": "次"}
    assert cells("targets", target) == {"label": "不少于4次"}
    assert cells("sections", {"id": 1, "title": "主要工作", "body": "正文"})["title"] == "主要工作"
    assert cells("items", None) == {}


def test_the_columns_of_a_change():
    before = [_item(1, "甲", "3000.00", month=3)]
    after = [_item(1, "甲", "3000.00", month=4, date="2027-04-02")]
    (change,) = compare(_snapshot(before), _snapshot(after)).parts["items"]
    assert change.kind == CHANGED
    assert changed_columns("items", change) == {"when"}
