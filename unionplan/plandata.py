"""A plan as plain data: the shape every library speaks.

The parser produces it from documents, the generator from the activity library, the Django
models convert to and from it, and the document writers (Word, Excel, iCal) take it. Being
plain dataclasses (no Django), each of those can be used and tested on its own.

Validation of the fields a user types lives here too, so that a form, an import and a
command line give the same message in Chinese for the same mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from unionplan import vocab
from unionplan.errors import UserInputError

MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 2000
# The heading under which a plan's month table is written when no section of its own holds
# it: the Word export adds it, and reading such a file back it is not a section of the plan.
SCHEDULE_TITLE = "主要活动安排"
MAX_BUDGET = Decimal("100000000")  # 一亿元: more than any union's annual activity budget


@dataclass
class TargetData:
    """A quantified aim: 不少于4次集中培训 -> (">=", 4, None, "次")."""

    text: str
    comparator: str = ">="
    value: Decimal | None = None
    value_high: Decimal | None = None  # only for comparator "range"
    unit: str = ""


@dataclass
class SectionData:
    """A numbered part of a plan; its numbering follows from its place in the tree."""

    title: str
    body: str = ""
    children: list[SectionData] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)


@dataclass
class ItemData:
    """An activity of the month table (计划表)."""

    text: str
    month: int
    end_month: int | None = None  # a span: 七、八月份 -> month 7, end_month 8
    date: dt.date | None = None
    end_date: dt.date | None = None
    scope: str = ""  # 参加范围, in the scope language of unionplan.scope
    owner: str = ""  # 负责人
    budget: Decimal | None = None  # 经费, yuan
    category: str = "other"
    status: str = "planned"

    @property
    def months(self) -> list[int]:
        return list(range(self.month, (self.end_month or self.month) + 1))


@dataclass
class PlanData:
    """One organization's plan for one year."""

    title: str
    year: int | None = None
    organization: str = ""
    status: str = "draft"
    guiding_ideas: str = ""
    goals: str = ""
    sections: list[SectionData] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)  # targets outside any section
    items: list[ItemData] = field(default_factory=list)
    # The plan's own date — the 成文日期 of its 落款: the day it was approved, else the day it
    # was written (created); None when unknown. Never the day a file is exported.
    signed_on: dt.date | None = None

    def all_targets(self) -> list[TargetData]:
        """Plan-level targets, then those of every section in document order."""
        found = list(self.targets)

        def walk(sections: list[SectionData]) -> None:
            for section in sections:
                found.extend(section.targets)
                walk(section.children)

        walk(self.sections)
        return found


# --- validation shared by forms, imports and commands -------------------------------------


def clean_title(title: str, *, what: str = "标题", max_length: int = MAX_TITLE_LENGTH) -> str:
    """``title`` stripped; empty or longer than ``max_length`` characters is refused."""
    title = (title or "").strip()
    if not title:
        raise UserInputError(f"{what}不能为空。")
    if len(title) > max_length:
        raise UserInputError(f"{what}过长：最多{max_length}个字，现有{len(title)}个字。")
    return title


def clean_section_title(title: str) -> str:
    """A section's title as typed, without a number of the scheme typed before it (五、…).

    The number is drawn from the section's place; typed too, it would show twice.
    """
    from unionplan.text.numbering import strip_section_number

    return clean_title(strip_section_number(title or ""), what="章节标题")


def clean_month(value: object, *, what: str = "月份") -> int:
    try:
        month = int(str(value).strip())
    except (TypeError, ValueError):
        raise UserInputError(f"{what}应为1到12之间的整数，而不是“{value}”。") from None
    if not 1 <= month <= 12:
        raise UserInputError(f"{what}应在1到12之间，而不是{month}。")
    return month


def parse_yuan(value: object, *, what: str, maximum: Decimal) -> Decimal:
    """Money as people type it (1,200.50元, ￥300, 1.5万) in yuan; non-numbers, absurd sums refused.

    The one reader of typed amounts: a plan's budgets and a record's expenses differ only in
    what else they require (a blank budget, an expense above zero).
    """
    text = str(value).strip()
    for mark in (",", "，", "¥", "￥"):
        text = text.replace(mark, "")
    text = text.removesuffix("元").strip()
    scale = 1
    if text.endswith(("万", "萬")):  # 1.5万 as budgets are often written
        text, scale = text[:-1].strip(), 10_000
    try:
        amount = Decimal(text) * scale
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise UserInputError(f"{what}应为数字（单位：元），而不是“{value}”。")
    if amount >= maximum:
        raise UserInputError(f"{what}过大，请检查单位是否为元。")
    return amount


def clean_budget(value: object) -> Decimal | None:
    """A budget in yuan: blank means none; negative, non-numeric or absurd amounts are refused."""
    if value is None or str(value).strip() == "":
        return None
    amount = parse_yuan(value, what="经费", maximum=MAX_BUDGET)
    if amount < 0:
        raise UserInputError("经费不能为负数。")
    return amount.quantize(Decimal("0.01"))


def check_item(item: ItemData, *, year: int | None = None) -> None:
    """Raise UserInputError if the activity's months and dates do not fit together."""
    clean_month(item.month)
    if item.end_month is not None:
        clean_month(item.end_month, what="结束月份")
        if item.end_month < item.month:
            raise UserInputError("结束月份不能早于开始月份。")
    if item.end_date and not item.date:
        raise UserInputError("有结束日期时须填写开始日期。")
    if item.date and item.end_date and item.end_date < item.date:
        raise UserInputError("结束日期不能早于开始日期。")
    if item.date and year and item.date.year != year:
        raise UserInputError(f"活动日期{item.date:%Y-%m-%d}不在计划年度{year}年内。")
    if item.category not in vocab.codes(vocab.CATEGORIES):
        raise UserInputError(f"未知的活动类别“{item.category}”。")
    if item.status not in vocab.codes(vocab.ITEM_STATUSES):
        raise UserInputError(f"未知的活动状态“{item.status}”。")


def check_target(target: TargetData) -> None:
    """Raise UserInputError if a target's comparator and values do not fit together."""
    if target.comparator not in vocab.codes(vocab.COMPARATORS):
        raise UserInputError(f"未知的比较方式“{target.comparator}”。")
    if target.comparator == "range":
        if target.value is None or target.value_high is None:
            raise UserInputError("区间目标须填写下限和上限。")
        if target.value_high < target.value:
            raise UserInputError("区间目标的上限不能小于下限。")
    elif target.value_high is not None:
        raise UserInputError("只有区间目标才有上限。")


def numbered_sections(
    sections: list[SectionData], level: int = 1
) -> list[tuple[int, str, SectionData]]:
    """Every section in document order as (level, number, section): 一、 （一） 1. （1）."""
    from unionplan.text.numbering import MAX_LEVEL, section_number

    rows: list[tuple[int, str, SectionData]] = []
    for position, section in enumerate(sections, start=1):
        rows.append((level, section_number(min(level, MAX_LEVEL), position), section))
        rows.extend(numbered_sections(section.children, level + 1))
    return rows
