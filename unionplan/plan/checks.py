"""Checks of the fields a user types into a plan, shared by forms, imports and commands.

Living beside the plan data (and not in a form) means a form, an import and a command line
give the same message in Chinese for the same mistake.
"""

from __future__ import annotations

from unionplan import vocab
from unionplan.errors import UserInputError
from unionplan.plan.data import MAX_TITLE_LENGTH, ItemData, TargetData
from unionplan.plan.numbering import strip_section_number


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
    return clean_title(strip_section_number(title or ""), what="章节标题")


def clean_month(value: object, *, what: str = "月份") -> int:
    try:
        month = int(str(value).strip())
    except (TypeError, ValueError):
        raise UserInputError(f"{what}应为1到12之间的整数，而不是“{value}”。") from None
    if not 1 <= month <= 12:
        raise UserInputError(f"{what}应在1到12之间，而不是{month}。")
    return month


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
