"""The default mapping of our categories onto account lines (one editable table in the app).

An activity's budget lands on the line of its activity category (``vocab.CATEGORIES``). An
expense recorded on it lands on the line of its expense category when that category has one
of its own (慰问金/慰问品 is always 会员活动), otherwise on its activity's line (a prize at a
sports day is 文体活动, at a skills contest 其他). The defaults are 待核对 like the chart.
"""

from __future__ import annotations

from collections.abc import Mapping

from unionplan.accounting.lines import Line, expense_line

ACTIVITY = "activity"
EXPENSE = "expense"

# vocab.CATEGORIES code -> expense line key.
DEFAULT_ACTIVITY_LINES: dict[str, str] = {
    "organization": "业务支出",
    "democracy": "维权支出",
    "rights": "维权支出",
    "competition": "职工活动支出/其他",
    "training": "职工活动支出/职工教育",
    "welfare": "维权支出",
    "festival": "职工活动支出/会员活动",
    "culture": "职工活动支出/文体活动",
    "women": "职工活动支出/其他",
    "publicity": "职工活动支出/宣传活动",
    "evaluation": "职工活动支出/其他",
    "finance": "业务支出",
    "other": "其他支出",
}

# records.EXPENSE_CATEGORIES code -> expense line key; "" follows the activity's line.
DEFAULT_EXPENSE_LINES: dict[str, str] = {
    "gift": "职工活动支出/会员活动",
    "prize": "",
    "venue": "",
    "meals": "",
    "transport": "",
    "materials": "",
    "training": "职工活动支出/职工教育",
    "supplies": "",
    "other": "",
}

FALLBACK = Line("其他支出")


def default_table() -> list[tuple[str, str, str]]:
    """(kind, code, line key) rows: the seed of the editable table."""
    return [(ACTIVITY, code, key) for code, key in DEFAULT_ACTIVITY_LINES.items()] + [
        (EXPENSE, code, key) for code, key in DEFAULT_EXPENSE_LINES.items()
    ]


class LineMap:
    """Category codes to lines, from rows of (kind, code, line key); unknown codes -> 其他支出."""

    def __init__(self, rows: Mapping[tuple[str, str], str] | None = None):
        table = {(kind, code): key for kind, code, key in default_table()}
        table.update(rows or {})
        self._activity = {
            c: expense_line(k) for (kind, c), k in table.items() if kind == ACTIVITY and k
        }
        self._expense = {
            c: expense_line(k) for (kind, c), k in table.items() if kind == EXPENSE and k
        }

    def for_activity(self, category: str) -> Line:
        return self._activity.get(category, FALLBACK)

    def for_expense(self, expense_category: str, activity_category: str) -> Line:
        return self._expense.get(expense_category) or self.for_activity(activity_category)
