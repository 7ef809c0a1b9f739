"""Checks at plan time: a plan's welfare items against the pack, before the year starts.

A plan item such as “中秋节慰问全体会员”, 经费 60,000 元 for 86 people (参加范围 resolved
by the caller), is 697.67 元/人: over a per-event cap it is a warning, and the festival
items of the year together (per person) must stay within the yearly cap. Warnings, not
refusals: the plan is a budget, the register checks each real gift.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from unionplan.fundrules.packs import Pack
from unionplan.plan.money import money

GIFT_WORDS = ("慰问", "福利", "发放", "礼品", "礼物", "物资", "蛋糕", "纪念品")
FESTIVALS = {
    "元旦": "新年", "新年": "新年", "春节": "春节", "清明": "清明", "五一": "劳动节",
    "劳动节": "劳动节", "端午": "端午", "中秋": "中秋", "国庆": "国庆",
}  # fmt: skip
KIND_WORDS = (
    ("birthday", ("生日",)), ("hospital", ("住院", "生病", "患病")), ("wedding", ("结婚", "新婚")),
    ("childbirth", ("生育", "生小孩")),
    # The keepsake on retiring, not a visit to retired members (慰问退休老教师 is not 退休慰问).
    ("retirement", ("退休慰问", "退休纪念", "光荣退休", "荣休", "退休离岗", "新退休")),
)  # fmt: skip


@dataclass(frozen=True)
class PlannedGift:
    text: str
    budget: Decimal
    people: int


@dataclass(frozen=True)
class PlanWarning:
    text: str
    message: str
    per_person: Decimal
    cap: Decimal
    document: str
    article: str


def welfare_kind(text: str) -> tuple[str, str | None] | None:
    """(kind, occasion) of a plan item that gives members something, or None."""
    if not any(word in text for word in GIFT_WORDS):
        return None
    for kind, words in KIND_WORDS:
        if any(word in text for word in words):
            return kind, None
    for word, occasion in FESTIVALS.items():
        if word in text:
            return "festival", occasion
    return None


def _cent(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_plan(pack: Pack, gifts: list[PlannedGift]) -> list[PlanWarning]:
    """Warnings, with the rule cited, for the welfare items whose per-person amount is over."""
    warnings: list[PlanWarning] = []
    festival_total, festival_items = Decimal(0), []
    for gift in gifts:
        found = welfare_kind(gift.text)
        if found is None or gift.people <= 0 or gift.budget <= 0:
            continue
        kind, occasion = found
        rule = pack.rules.get(kind)
        if rule is None:
            continue
        each = _cent(gift.budget / gift.people)
        cap = rule.event_cap(occasion if occasion in rule.occasion_caps else None)
        if cap is not None and each > cap:
            warnings.append(PlanWarning(
                gift.text, f"“{gift.text}”人均{money(each)}元，超过{rule.name}每次{money(cap)}元的上限",
                each, cap, pack.document, rule.article,
            ))  # fmt: skip
        if kind == "festival":
            festival_total += each
            festival_items.append(gift.text)
    rule = pack.rules.get("festival")
    if rule and rule.per_person_year is not None and festival_total > rule.per_person_year:
        cap = rule.per_person_year
        warnings.append(PlanWarning(
            "、".join(festival_items),
            f"全年节日慰问人均合计{money(festival_total)}元，超过每人每年{money(cap)}元的上限",
            festival_total, cap, pack.document, rule.article,
        ))  # fmt: skip
    return warnings
