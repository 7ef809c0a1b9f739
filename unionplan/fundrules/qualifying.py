"""Who qualifies: a rule's conditions on the member (``requires`` in the pack), checked.

A rule names the conditions its document puts on the person, for example 安徽 2025's
collective welfare: only members who pay 会费 and whose wages are in the fund base, not
retired members (their benefits are not paid from union funds), and seconded or agency
staff in one place only. The conditions are the words of :data:`CONDITIONS`; each reads
the member's standing (:class:`Standing`, filled by the caller from the registry).

A fact the registry does not hold (会费 or the fund base not recorded) is not a refusal:
it is named in :attr:`Qualification.unknown`, so the decision says it was not checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CONDITIONS: dict[str, str] = {
    "in_good_standing": "会籍正常（未转出、未退会）",
    "not_retired": "非离退休人员（离退休人员的福利不从工会经费列支）",
    "dues_paid": "按月缴纳会费（至少缴至上月）",
    "in_fund_base": "工资列入工会经费计提基数",
    "welfare_here": "借调、派遣人员的集体福利只在一处发放",
}
_STANDING_NAMES = {"transferred_out": "已转出", "withdrawn": "已退会"}


@dataclass(frozen=True)
class Standing:
    """What the conditions read of a member (the registry's 会籍 and working status)."""

    standing: str = "normal"  # normal | retained | transferred_out | withdrawn
    retired: bool = False  # 状态 退休 (离休 counted too)
    dues_paid_through: dt.date | None = None  # the first day of the month paid through
    in_fund_base: bool | None = None
    secondment: str = ""  # "" | "here" | "elsewhere"


@dataclass(frozen=True)
class Qualification:
    failed: tuple[str, ...] = ()  # condition words
    problems: tuple[str, ...] = ()  # one Chinese sentence per failed condition
    unknown: tuple[str, ...] = ()  # conditions the registry cannot answer

    @property
    def qualifies(self) -> bool:
        return not self.failed


def _month(day: dt.date) -> str:
    return f"{day.year}年{day.month}月"


def _previous_month(day: dt.date) -> dt.date:
    first = day.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def qualify(requires: tuple[str, ...], who: Standing, day: dt.date) -> Qualification:
    """Which of ``requires`` the member fails on ``day``, each said in Chinese."""
    failed: list[str] = []
    problems: list[str] = []
    unknown: list[str] = []

    def fail(condition: str, message: str) -> None:
        failed.append(condition)
        problems.append(message)

    for condition in requires:
        if condition == "in_good_standing" and who.standing in _STANDING_NAMES:
            fail(condition, f"该会员会籍{_STANDING_NAMES[who.standing]}，不能再享受本工会的福利")
        elif condition == "not_retired" and (who.retired or who.standing == "retained"):
            fail(condition, "该会员已离退休（保留会籍），离退休人员的福利不从工会经费列支")
        elif condition == "dues_paid":
            due = _previous_month(day)
            if who.dues_paid_through is None:
                unknown.append("会费缴纳情况")
            elif who.dues_paid_through < due:
                fail(
                    condition,
                    f"该会员会费只缴至{_month(who.dues_paid_through)}，"
                    f"须缴至{_month(due)}或以后才能享受集体福利",
                )
        elif condition == "in_fund_base":
            if who.in_fund_base is None:
                unknown.append("工资是否列入经费计提基数")
            elif not who.in_fund_base:
                fail(condition, "该会员工资未列入工会经费计提基数，不能享受集体福利")
        elif condition == "welfare_here" and who.secondment == "elsewhere":
            fail(condition, "该会员为借调/派遣人员，集体福利由他处发放，不能在本工会重复发放")
    return Qualification(tuple(failed), tuple(problems), tuple(unknown))
