"""The default mapping of our categories onto account lines (one editable table in the app).

An activity's budget lands on the line of its activity category (``vocab.CATEGORIES``). An
expense recorded on it lands on the line of its expense category when that category has one
of its own (慰问金/慰问品 is always 会员活动), otherwise on its activity's line (a prize at a
sports day is 文体活动, at a skills contest 其他). The welfare register's money lands by its
own kind instead: a gift to a member (节日、生日、结婚生育、住院、去世、退休慰问) is 职工活动支出/
会员活动, hardship aid (困难帮扶) 维权支出/困难职工帮扶费; an entry paid in a campaign lands on the
campaign's line when it has one (送温暖 on 送温暖费, 金秋助学 on 困难职工帮扶费). The spending gate
and the books both ask ``for_welfare``, so they agree. The defaults are 待核对 like the chart.
"""

from __future__ import annotations

from collections.abc import Mapping

from unionplan.accounting.lines import Line, expense_line

ACTIVITY = "activity"
EXPENSE = "expense"
WELFARE = "welfare"
CAMPAIGN = "campaign"

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

# fundrules.KINDS code (the register's kind) -> expense line key.
DEFAULT_WELFARE_LINES: dict[str, str] = {
    "festival": "职工活动支出/会员活动",
    "birthday": "职工活动支出/会员活动",
    "wedding": "职工活动支出/会员活动",
    "childbirth": "职工活动支出/会员活动",
    "hospital": "职工活动支出/会员活动",
    "member_death": "职工活动支出/会员活动",
    "relative_death": "职工活动支出/会员活动",
    "retirement": "职工活动支出/会员活动",
    "hardship": "维权支出/困难职工帮扶费",
}

# welfare CAMPAIGN_KINDS code -> expense line key; "" follows the entry's kind (夏送清凉).
DEFAULT_CAMPAIGN_LINES: dict[str, str] = {
    "warmth": "维权支出/送温暖费",
    "schooling": "维权支出/困难职工帮扶费",
    "cooling": "",
}

FALLBACK = Line("其他支出")


def default_table() -> list[tuple[str, str, str]]:
    """(kind, code, line key) rows: the seed of the editable table."""
    defaults = [
        (ACTIVITY, DEFAULT_ACTIVITY_LINES), (EXPENSE, DEFAULT_EXPENSE_LINES),
        (WELFARE, DEFAULT_WELFARE_LINES), (CAMPAIGN, DEFAULT_CAMPAIGN_LINES),
    ]  # fmt: skip
    return [(kind, code, key) for kind, table in defaults for code, key in table.items()]


class LineMap:
    """Category codes to lines, from rows of (kind, code, line key); unknown codes -> 其他支出."""

    def __init__(self, rows: Mapping[tuple[str, str], str] | None = None):
        table = {(kind, code): key for kind, code, key in default_table()}
        table.update(rows or {})
        self._lines = {
            (kind, code): expense_line(key) for (kind, code), key in table.items() if key
        }

    def for_activity(self, category: str) -> Line:
        return self._lines.get((ACTIVITY, category), FALLBACK)

    def for_expense(self, expense_category: str, activity_category: str) -> Line:
        return self._lines.get((EXPENSE, expense_category)) or self.for_activity(activity_category)

    def for_welfare(self, kind: str, campaign_kind: str = "") -> Line:
        """A register entry's line: its campaign's if that has one, else its kind's."""
        return (
            self._lines.get((CAMPAIGN, campaign_kind))
            or self._lines.get((WELFARE, kind))
            or self.for_expense("gift", "welfare")
        )
