"""Deciding one gift: allowed, or refused with the rule, its document, the cap and what is left.

``history`` is what the member already had (any kinds, any years: the check picks what
counts). What counts, by the rule's frequency:

- a per-person-per-year cap (节日慰问 ≤ 1500/人/年): everything of the kind this calendar year;
- ``yearly`` (生日, once a year): one gift of the kind a year, each ≤ the per-event cap;
- ``per_illness_yearly`` (住院, the same illness once a year): one gift per illness a year;
- ``once`` (去世, 退休): one gift ever;
- ``any``: each gift ≤ the per-event cap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from unionplan.errors import UserInputError
from unionplan.fundrules.packs import FREQUENCIES, KINDS, Pack, Rule, json_number
from unionplan.plan.money import money


@dataclass(frozen=True)
class Given:
    """One gift the member already had."""

    kind: str
    date: dt.date
    amount: Decimal
    illness: str = ""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    cap: Decimal | None
    used: Decimal
    remaining: Decimal | None
    reason: str
    pack: Pack
    rule: Rule
    # Who qualifies (qualifying.CONDITIONS) the member failed; said in ``reason``, and kept
    # out of ``as_dict``, whose keys are the command line's contract.
    conditions_failed: tuple[str, ...] = ()

    @property
    def citation(self) -> dict:
        return {
            "document": self.pack.document,
            "article": self.rule.article,
            "pack": self.pack.id,
            "status": self.pack.status,
        }

    def as_dict(self) -> dict:
        return {
            "allowed": self.allowed,
            "cap": json_number(self.cap),
            "used": json_number(self.used),
            "remaining": json_number(self.remaining),
            "rule": self.citation,
            "reason": self.reason,
        }


def _yuan(amount: Decimal) -> str:
    return f"{money(amount)}元"


def check(
    pack: Pack,
    kind: str,
    amount: Decimal,
    date: dt.date,
    history: Iterable[Given],
    illness: str | None = None,
    *,
    form: str | None = None,
    occasion: str | None = None,
) -> Decision:
    """Is a gift of ``amount`` yuan of ``kind`` on ``date`` allowed by ``pack``?

    Bad input (an unknown kind, a kind the pack does not limit, a date outside the pack,
    a hospital visit without the illness where it matters) raises UserInputError.
    """
    if kind not in KINDS:
        raise UserInputError(f"未知的慰问种类“{kind}”（可用：{'、'.join(KINDS)}）")
    rule = pack.rules.get(kind)
    if rule is None:
        raise UserInputError(f"{pack.document}没有关于{KINDS[kind]}的规定，无法核对")
    if not pack.in_force_on(date):
        raise UserInputError(f"{date.isoformat()} 不在{pack.document}的施行期内")
    if amount <= 0:
        raise UserInputError("金额须大于0元。")
    illness = (illness or "").strip()
    if rule.frequency == "per_illness_yearly" and not illness:
        raise UserInputError(f"{rule.name}须注明疾病名称（同一疾病每年只慰问一次）")
    if occasion and rule.occasions and occasion not in rule.occasions:
        raise UserInputError(
            f"“{occasion}”不是{rule.name}可用的节日（可用：{'、'.join(rule.occasions)}）"
        )

    same = [g for g in history if g.kind == kind]
    this_year = [g for g in same if g.date.year == date.year]
    used = sum((g.amount for g in this_year), Decimal(0))
    event_cap = rule.event_cap(occasion)
    problems: list[str] = []

    if form and form in rule.forms_forbidden:
        problems.append(f"{rule.name}不得以{form}形式发放")
    if rule.frequency == "once" and same:
        problems.append(f"{rule.name}每人只能一次，已于 {same[0].date.isoformat()} 发放过")
        used = sum((g.amount for g in same), Decimal(0))
    elif rule.frequency == "yearly" and this_year:
        problems.append(
            f"{rule.name}每人每年一次，{date.year}年已于 {this_year[0].date.isoformat()} 发放过"
        )
    elif rule.frequency == "per_illness_yearly":
        same_illness = [g for g in this_year if g.illness.strip() == illness]
        used = sum((g.amount for g in same_illness), Decimal(0))
        if same_illness:
            problems.append(
                f"同一疾病（{illness}）每年只慰问一次，{date.year}年已于 "
                f"{same_illness[0].date.isoformat()} 慰问过"
            )

    if rule.per_person_year is not None:
        cap = rule.per_person_year
        remaining = max(cap - used, Decimal(0))
        if amount > remaining:
            problems.append(
                f"{rule.name}每人每年不超过{_yuan(cap)}，{date.year}年已发{_yuan(used)}，"
                f"还可发{_yuan(remaining)}，本次{_yuan(amount)}超出"
            )
    else:
        cap = event_cap
        remaining = Decimal(0) if problems and rule.frequency != "any" else cap
    if event_cap is not None and amount > event_cap:
        what = f"{occasion}的" if occasion and occasion in rule.occasion_caps else ""
        problems.append(f"{what}{rule.name}每次不超过{_yuan(event_cap)}，本次{_yuan(amount)}超出")
        if rule.per_person_year is not None:
            remaining = min(remaining, event_cap)

    cited = f"依据{pack.document}{rule.article}"
    if pack.status != "已核对":
        cited += "（规则待核对）"
    if problems:
        reason = "；".join(problems) + f"。{cited}。"
    else:
        after = ""
        if remaining is not None and rule.per_person_year is not None:
            after = f"，发放后本年还可发{_yuan(remaining - amount)}"
        reason = f"符合规定：{rule.name}{FREQUENCIES[rule.frequency]}"
        reason += f"，上限{_yuan(cap)}" if cap is not None else ""
        reason += f"{after}。{cited}。"
    return Decision(
        allowed=not problems, cap=cap, used=used, remaining=remaining, reason=reason,
        pack=pack, rule=rule,
    )  # fmt: skip
