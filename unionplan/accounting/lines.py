"""The account lines (会计科目) of 《工会会计制度》 (财会〔2021〕7号, in force 2022-01-01), as data.

STATUS says these lines are 待核对: they are written from the unions' usage and must be
checked against the official text before the federation relies on them. A line with sub-lines
(职工活动支出) takes amounts only on its sub-lines; every other line takes them directly. 维权支出
has the two sub-lines welfare money needs (困难职工帮扶费, 送温暖费) and still takes amounts on
itself (OPEN_LINES): the rest of 维权支出, which budgets and claims already name as the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionplan.errors import UserInputError

SOURCE = "《工会会计制度》（财会〔2021〕7号，2022年1月1日起施行）"
STATUS = "待核对"

EXPENSE = "expense"
INCOME = "income"

# (line, sub-lines): the expense lines in the order of the chart.
EXPENSE_CHART: list[tuple[str, tuple[str, ...]]] = [
    ("职工活动支出", ("职工教育", "文体活动", "宣传活动", "职工集体福利", "会员活动", "其他")),
    ("职工服务支出", ()),
    ("维权支出", ("困难职工帮扶费", "送温暖费")),
    ("业务支出", ()),
    ("资本性支出", ()),
    ("补助下级支出", ()),
    ("对附属单位的支出", ()),
    ("上缴上级支出", ()),
    ("其他支出", ()),
]

# Lines with sub-lines that take amounts on themselves too (the part no sub-line names).
OPEN_LINES = frozenset({"维权支出"})

INCOME_CHART: list[str] = [
    "会费收入",
    "拨缴经费收入",
    "上级补助收入",
    "政府补助收入",
    "附属单位上缴收入",
    "投资收益",
    "其他收入",
]

# Income lines estimated from the finance settings; the others are typed in.
DUES = "会费收入"
ALLOCATED = "拨缴经费收入"
TYPED_INCOME = [line for line in INCOME_CHART if line not in (DUES, ALLOCATED)]

# Names people write for a sub-line (会员活动/节日慰问 is one sub-line, 会员活动).
_SUB_ALIASES = {
    "会员活动/节日慰问": "会员活动",
    "节日慰问": "会员活动",
    "会员活动（节日慰问）": "会员活动",
}


@dataclass(frozen=True, order=True)
class Line:
    """One leaf of the chart: a line, and its sub-line when the line has sub-lines."""

    name: str
    sub: str = ""

    @property
    def key(self) -> str:
        """``职工活动支出/文体活动`` or ``维权支出``: how the mapping table stores a line."""
        return f"{self.name}/{self.sub}" if self.sub else self.name

    @property
    def label(self) -> str:
        return f"{self.name}—{self.sub}" if self.sub else self.name


def expense_lines() -> list[Line]:
    """Every expense leaf in the chart's order (职工活动支出's sub-lines in place of it; an
    open line before its sub-lines)."""
    leaves = []
    for name, subs in EXPENSE_CHART:
        if not subs or name in OPEN_LINES:
            leaves.append(Line(name))
        leaves.extend(Line(name, sub) for sub in subs)
    return leaves


def income_lines() -> list[Line]:
    return [Line(name) for name in INCOME_CHART]


def expense_line(text: str) -> Line:
    """The expense leaf named ``text`` (``职工活动支出/文体活动``, ``维权支出``), or a Chinese error.

    A line with sub-lines must name one; the sub-line may be written with its alias
    (``职工活动支出/会员活动/节日慰问``).
    """
    raw = str(text or "").strip().replace("／", "/").replace("—", "/")
    name, _, sub = raw.partition("/")
    name, sub = name.strip(), _SUB_ALIASES.get(sub.strip(), sub.strip())
    chart = dict(EXPENSE_CHART)
    if name not in chart:
        raise UserInputError(f"会计科目“{raw}”不存在。")
    subs = chart[name]
    if subs and sub not in subs and not (name in OPEN_LINES and not sub):
        if not sub:
            raise UserInputError(f"会计科目“{name}”须写明明细科目：{'、'.join(subs)}。")
        raise UserInputError(f"会计科目“{name}”下没有明细科目“{sub}”。")
    if not subs and sub:
        raise UserInputError(f"会计科目“{name}”没有明细科目“{sub}”。")
    return Line(name, sub)


def income_line(text: str) -> Line:
    name = str(text or "").strip()
    if name not in INCOME_CHART:
        raise UserInputError(f"收入科目“{name}”不存在。")
    return Line(name)
