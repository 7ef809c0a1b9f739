"""Hardship files (困难职工档案): a household's figures in, its classification and aid caps out.

A pure library (no Django). The published formulas, as the issue quotes them:

- 深度困难 when (household income − unavoidable costs) ÷ 12 ÷ household size ≤ the local
  monthly 低保 standard; 相对困难 when it is ≤ 2 × 低保;
- 意外致困 when the unavoidable (hardship) costs exceed 80% of the household's annual
  income, or after a disaster or an accident;
- not recognised at all, whatever the figures, when the household owns two or more homes,
  runs a business, pays private schooling at over twice the public fee, or pays for study
  abroad itself (each exclusion is given as the reason).

Aid per household per year (生活救助 ≤ 12 months of 低保 for 深度, 8 for 相对; 助学 ≤ 3,000
for compulsory education and high school, ≤ 10,000 at university; 职业培训 ≤ 3,000;
意外 ≤ 10,000) is checked like a gift: cap, used, remaining and the reason. Money is
Decimal throughout; the figures are ``待核对`` until an operator confirms them against the
official text, as the rule packs are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from unionplan.errors import UserInputError
from unionplan.fundrules.packs import json_number
from unionplan.plan.money import money

SOURCE = "困难职工认定与帮扶标准（全总困难职工帮扶工作规定，待核对）"

CLASSES: dict[str, str] = {
    "deep": "深度困难",
    "relative": "相对困难",
    "accident": "意外致困",
    "excluded": "不予认定",
    "none": "不符合困难标准",
}
# The classes that make a household a hardship household (建档).
RECOGNISED = frozenset({"deep", "relative", "accident"})

EXCLUSIONS: dict[str, str] = {
    "homes": "家庭拥有两套及以上住房",
    "business": "家庭成员经营企业或个体工商户",
    "private_school": "子女就读私立学校，费用超过公办学校收费的2倍",
    "study_abroad": "子女自费出国留学",
}

AID_KINDS: dict[str, str] = {
    "living": "生活救助",
    "schooling": "助学",
    "training": "职业培训",
    "accident": "意外救助",
}
SCHOOL_LEVELS: dict[str, str] = {
    "compulsory": "义务教育",
    "high_school": "高中（中职）",
    "university": "大学（大专）",
}

ACCIDENT_SHARE = Decimal("0.8")
LIVING_MONTHS = {"deep": 12, "relative": 8}
SCHOOLING_CAPS = {
    "compulsory": Decimal(3000),
    "high_school": Decimal(3000),
    "university": Decimal(10000),
}
TRAINING_CAP = Decimal(3000)
ACCIDENT_CAP = Decimal(10000)
# Which classes each aid is for: 生活救助 for 深度 and 相对, 意外救助 for 意外致困.
AID_CLASSES = {
    "living": frozenset({"deep", "relative"}),
    "schooling": RECOGNISED,
    "training": RECOGNISED,
    "accident": frozenset({"accident"}),
}
CENT = Decimal("0.01")


def _yuan(amount: Decimal) -> str:
    return f"{money(amount)}元"


@dataclass(frozen=True)
class Person:
    """One member of the household, with a year's income and unavoidable costs (yuan)."""

    relation: str
    income: Decimal = Decimal(0)
    costs: Decimal = Decimal(0)  # illness, disability, schooling: what cannot be avoided
    name: str = ""


@dataclass(frozen=True)
class Household:
    people: tuple[Person, ...]
    dibao: Decimal  # the local monthly 低保 standard per person
    disaster: bool = False  # after a disaster or an accident (遭遇灾害、意外事故)
    homes: int = 1
    business: bool = False
    private_school_fee: Decimal = Decimal(0)  # a year's fee of a child's private school
    public_school_fee: Decimal = Decimal(0)  # the public school's fee it is compared with
    study_abroad: bool = False  # self-paid study abroad


@dataclass(frozen=True)
class Classification:
    code: str  # a key of CLASSES
    income: Decimal
    costs: Decimal
    size: int
    per_capita: Decimal  # (income − costs) ÷ 12 ÷ size, a month per person, to the cent
    dibao: Decimal
    reason: str
    exclusions: tuple[str, ...] = ()  # keys of EXCLUSIONS

    @property
    def name(self) -> str:
        return CLASSES[self.code]

    @property
    def recognised(self) -> bool:
        return self.code in RECOGNISED


def exclusions(household: Household) -> list[str]:
    """The published exclusions the household falls under (keys of EXCLUSIONS)."""
    found = []
    if household.homes >= 2:
        found.append("homes")
    if household.business:
        found.append("business")
    if household.private_school_fee > 0 and (
        household.private_school_fee > 2 * household.public_school_fee
    ):
        found.append("private_school")
    if household.study_abroad:
        found.append("study_abroad")
    return found


def _check(household: Household) -> None:
    if not household.people:
        raise UserInputError("请至少填写一名家庭成员（含职工本人）。")
    if household.dibao <= 0:
        raise UserInputError("当地低保标准须大于0元。")
    for person in household.people:
        if person.income < 0 or person.costs < 0:
            raise UserInputError(f"{person.relation or '家庭成员'}的收入和支出不能为负数。")
    if household.homes < 0:
        raise UserInputError("住房套数不能为负数。")
    if household.private_school_fee < 0 or household.public_school_fee < 0:
        raise UserInputError("学费不能为负数。")


def classify(household: Household) -> Classification:
    """The household's class by the published formulas, with the reason in Chinese.

    The exclusions come first: a household under one is not recognised whatever its
    figures. Then 深度, 相对 and 意外致困 in that order, the first that applies.
    """
    _check(household)
    income = sum((p.income for p in household.people), Decimal(0))
    costs = sum((p.costs for p in household.people), Decimal(0))
    size = len(household.people)
    exact = (income - costs) / 12 / size
    per_capita = exact.quantize(CENT)
    dibao = household.dibao
    formula = (
        f"家庭年收入{_yuan(income)}，刚性支出{_yuan(costs)}，{size}口人，"
        f"月人均{_yuan(per_capita)}，当地低保标准{_yuan(dibao)}/月"
    )
    found = tuple(exclusions(household))
    if found:
        code = "excluded"
        reason = f"不予认定：{'；'.join(EXCLUSIONS[k] for k in found)}。{formula}。"
    elif exact <= dibao:
        code, reason = "deep", f"深度困难：{formula}，不高于低保标准。"
    elif exact <= 2 * dibao:
        code, reason = "relative", f"相对困难：{formula}，不高于低保标准的2倍。"
    elif household.disaster:
        code, reason = "accident", f"意外致困：遭遇灾害或意外事故。{formula}。"
    elif costs > ACCIDENT_SHARE * income:
        code = "accident"
        reason = f"意外致困：刚性支出{_yuan(costs)}超过家庭年收入{_yuan(income)}的80%。{formula}。"
    else:
        code = "none"
        reason = f"不符合困难标准：{formula}，高于低保标准的2倍，刚性支出未超过年收入的80%。"
    return Classification(
        code=code, income=income, costs=costs, size=size, per_capita=per_capita, dibao=dibao,
        reason=reason + f"依据{SOURCE}。", exclusions=found,
    )  # fmt: skip


@dataclass(frozen=True)
class Aid:
    """One aid payment the household already had."""

    kind: str
    date: dt.date
    amount: Decimal
    school_level: str = ""


@dataclass(frozen=True)
class AidDecision:
    allowed: bool
    cap: Decimal
    used: Decimal
    remaining: Decimal
    reason: str
    kind: str

    def as_dict(self) -> dict:
        """The shape of ``welfare check --json`` (issue 14's contract), the aid kind added."""
        return {
            "allowed": self.allowed,
            "cap": json_number(self.cap),
            "used": json_number(self.used),
            "remaining": json_number(self.remaining),
            "rule": {"document": SOURCE, "article": AID_KINDS[self.kind]},
            "reason": self.reason,
            "aid": self.kind,
        }


def _choices(names: dict[str, str]) -> str:
    """living（生活救助）、schooling（助学）…: the codes the command line takes, and what they are."""
    return "、".join(f"{code}（{name}）" for code, name in names.items())


def aid_cap(code: str, kind: str, dibao: Decimal, school_level: str = "") -> Decimal:
    """A household's yearly cap of ``kind`` for its class; 0 when the class gets none."""
    if kind not in AID_KINDS:
        raise UserInputError(f"未知的帮扶种类“{kind}”（可用：{_choices(AID_KINDS)}）")
    if code not in AID_CLASSES[kind]:
        return Decimal(0)
    if kind == "living":
        return (dibao * LIVING_MONTHS[code]).quantize(CENT)
    if kind == "schooling":
        if school_level not in SCHOOLING_CAPS:
            raise UserInputError(f"助学须选择就读阶段（{_choices(SCHOOL_LEVELS)}）。")
        return SCHOOLING_CAPS[school_level]
    return TRAINING_CAP if kind == "training" else ACCIDENT_CAP


def check_aid(
    classification: Classification, kind: str, amount: Decimal, day: dt.date,
    history: Iterable[Aid], school_level: str = "",
) -> AidDecision:  # fmt: skip
    """Is aid of ``amount`` yuan of ``kind`` on ``day`` within the household's yearly cap?

    ``history`` is what the household already had; what counts is this calendar year's of
    the kind (for 助学, of the same school level, whose caps differ).
    """
    if amount <= 0:
        raise UserInputError("帮扶金额须大于0元。")
    code = classification.code
    cap = aid_cap(code, kind, classification.dibao, school_level)
    counted = [
        a
        for a in history
        if a.kind == kind
        and a.date.year == day.year
        and (kind != "schooling" or a.school_level == school_level)
    ]
    used = sum((a.amount for a in counted), Decimal(0))
    remaining = max(cap - used, Decimal(0))
    name = AID_KINDS[kind]
    if kind == "schooling":
        name += f"（{SCHOOL_LEVELS[school_level]}）"
    if cap == 0:
        reason = f"{CLASSES[code]}家庭不能领取{AID_KINDS[kind]}"
        allowed = False
    elif amount > remaining:
        reason = (
            f"{name}每户每年不超过{_yuan(cap)}，{day.year}年已发{_yuan(used)}，"
            f"还可发{_yuan(remaining)}，本次{_yuan(amount)}超出"
        )
        allowed = False
    else:
        reason = (
            f"符合规定：{CLASSES[code]}家庭{name}每户每年不超过{_yuan(cap)}，"
            f"发放后本年还可发{_yuan(remaining - amount)}"
        )
        allowed = True
    return AidDecision(
        allowed=allowed, cap=cap, used=used, remaining=remaining, kind=kind,
        reason=f"{reason}。依据{SOURCE}。",
    )  # fmt: skip


def mask_name(name: str) -> str:
    """A name as the 公示 list shows it: the family name and a star for each other character.

    张三 → 张*, 欧阳明 → 欧** (a two-character family name is not guessed at).
    """
    name = (name or "").strip()
    if not name:
        return ""
    return name[0] + "*" * max(len(name) - 1, 1)


def recheck_outcome(previous: str, current: Classification) -> tuple[bool, str]:
    """(still a hardship household, what to say) after the yearly re-check (年度复核).

    A household that no longer qualifies leaves the files (脱困) with this as the reason.
    """
    if current.recognised:
        if current.code == previous:
            return True, f"复核仍为{current.name}。"
        return True, f"复核由{CLASSES.get(previous, previous)}调整为{current.name}。"
    return False, f"复核不再符合困难标准，脱困：{current.reason}"
