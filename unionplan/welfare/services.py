"""Recording a gift: the one way into the register, checked against the fund rules.

``decide`` answers whether a gift would be allowed (the form's 核对 button, ``welfare
check``); ``record`` checks again inside a transaction that locks the member's row, so two
gifts recorded at once cannot both use the same remaining amount, and refuses an over-cap
gift unless an override reason is given, which is kept on the entry. A gift to a member
who does not qualify under the rule (its ``requires``: 会籍, 会费, the fund base,
secondment; ``qualified``) is refused the same way, naming the condition. Every recording is
written to the audit log (``welfare.give``, or ``welfare.override`` over the rules) in the
same transaction.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import Sum
from django.db.models.functions import ExtractMonth

from unionplan.audit.models import record as audit
from unionplan.core import spending
from unionplan.errors import UserInputError
from unionplan.fundrules import (
    KINDS,
    Decision,
    Given,
    Pack,
    Standing,
    check,
    load_packs,
    pack_in_force,
    qualify,
)
from unionplan.fundrules.packs import OPERATOR_DIR_VARIABLE
from unionplan.fundrules.planning import PlannedGift, PlanWarning, check_plan, welfare_kind
from unionplan.idcard import mask_id_number, normalize_id_number
from unionplan.members.models import Member, org_key_of
from unionplan.members.participants import counts_for_items
from unionplan.orgs.models import Organization
from unionplan.welfare.models import WelfareEntry


class Refused(UserInputError):
    """A gift over the rules, refused for want of an override reason."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


@lru_cache(maxsize=4)
def _packs(operator_dir: str | None) -> tuple[Pack, ...]:
    return tuple(load_packs(operator_dir or None))


def packs() -> list[Pack]:
    """Every rule pack, read once per operator folder (the files change with a restart)."""
    return list(_packs(os.environ.get(OPERATOR_DIR_VARIABLE) or None))


def pack_for(org: Organization, day: dt.date) -> Pack:
    return pack_in_force(packs(), org.province, day)


def chosen_member(org: Organization, data: dict) -> Member:
    """The member a form names: picked from the union's list (``member``, its id), else typed
    as an ID number; one of another union is refused either way."""
    if data.get("member"):
        member = Member.objects.filter(pk=data["member"], organization=org).first()
        if member is None:
            raise UserInputError(f"该会员不属于{org.name}。")
        return member
    return find_member(org, data["id_number"])


def find_member(org: Organization, id_number: str) -> Member:
    """The member of ``org`` with this ID number; a member of another union is refused."""
    if not (id_number or "").strip():
        raise UserInputError("请填写会员的身份证号。")
    number = normalize_id_number(id_number)
    member = Member.objects.filter(organization=org, id_number=number).first()
    if member is not None:
        return member
    if Member.objects.filter(id_number=number).exists():
        raise UserInputError(
            f"身份证号 {mask_id_number(number)} 的会员不属于{org.name}，不能在本工会登记。"
        )
    raise UserInputError(f"{org.name}的名册里没有身份证号为 {mask_id_number(number)} 的会员。")


def history(member: Member, kind: str, day: dt.date, rule_frequency: str) -> list[Given]:
    """What the member already had that the rule counts: this year's of the kind, or all.

    One statement on the (member, kind, date) index, written out: building the same query
    through the ORM costs several times more than running it (bench/bench_welfare.py).
    """
    sql, params = _HISTORY_SQL, [member.pk, kind]
    if rule_frequency != "once":
        sql += _THIS_YEAR_SQL
        params += [dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY date", params)
        rows = cursor.fetchall()
    amount_of = _AMOUNT.to_python
    date_of = _DATE.to_python
    return [
        Given(kind, date_of(when), amount_of(amount), illness) for when, amount, illness in rows
    ]


_TABLE = WelfareEntry._meta.db_table
_AMOUNT = WelfareEntry._meta.get_field("amount")
_DATE = WelfareEntry._meta.get_field("date")
_HISTORY_SQL = f"SELECT date, amount, illness FROM {_TABLE} WHERE member_id = %s AND kind = %s"
_THIS_YEAR_SQL = " AND date >= %s AND date <= %s"


def kind_of(kind: str) -> str:
    kind = (kind or "").strip()
    if kind not in KINDS:
        raise UserInputError(f"未知的慰问种类“{kind}”（可用：{'、'.join(KINDS)}）")
    return kind


# Hardship aid is paid on a member's hardship file (its reviews, 公示 and household caps),
# not as a gift, where no rule pack limits it.
HARDSHIP_BY_FILE = (
    "困难帮扶按困难职工档案发放：建档并经两级审核、公示期满后，在档案页点“发放帮扶”"
    "（命令行：welfare give --kind hardship）。"
)


def decide(
    org: Organization, member: Member, kind: str, amount: Decimal, day: dt.date, *,
    illness: str = "", form: str = "", occasion: str = "",
) -> Decision:  # fmt: skip
    if not belongs(member, org):
        raise UserInputError(f"{member.name}不是{org.name}的会员，不能在本工会登记。")
    pack = pack_for(org, day)
    kind = kind_of(kind)
    if kind == "hardship" and "hardship" not in pack.rules:
        raise UserInputError(HARDSHIP_BY_FILE)
    rule = pack.rules.get(kind)
    frequency = rule.frequency if rule else "any"
    decision = check(
        pack, kind, amount, day, history(member, kind, day, frequency), illness or None,
        form=form or None, occasion=occasion or None,
    )  # fmt: skip
    return qualified(decision, member, day)


def belongs(member: Member, org: Organization) -> bool:
    """Whether ``org`` may give to ``member``: its own member, or one of a union below it (a
    federation's campaign reaches the members of its unions)."""
    return member.organization_id == org.pk or member.org_key.startswith(org_key_of(org))


def standing_of(member: Member) -> Standing:
    """The member's 会籍 and working status as the rules' conditions read them."""
    return Standing(
        standing=member.standing, retired=member.status == "retired",
        dues_paid_through=member.dues_paid_through, in_fund_base=member.in_fund_base,
        secondment=member.secondment,
    )  # fmt: skip


def qualified(decision: Decision, member: Member, day: dt.date) -> Decision:
    """``decision`` refused when the member fails a condition of who qualifies for the rule.

    The refusal names each failed condition and cites the rule; a fact the registry does
    not hold (会费, the fund base) is said to be unchecked instead of refusing the gift.
    Over the cap and not qualifying, the reason gives both.
    """
    rule, pack = decision.rule, decision.pack
    result = qualify(rule.requires, standing_of(member), day)
    if result.qualifies and not result.unknown:
        return decision
    unchecked = f"（{'、'.join(result.unknown)}未登记，未核对领取条件）" if result.unknown else ""
    if result.qualifies:
        return replace(decision, reason=decision.reason + unchecked)
    who = f"（{rule.eligible}）" if rule.eligible else ""
    cited = f"依据{pack.document}{rule.article}{who}"
    if pack.status != "已核对":
        cited += "（规则待核对）"
    reason = f"不符合领取条件：{'；'.join(result.problems)}。{cited}。{unchecked}"
    if not decision.allowed:
        reason += decision.reason
    return replace(decision, allowed=False, reason=reason, conditions_failed=result.failed)


def record(
    org: Organization, member: Member, kind: str, amount: Decimal, day: dt.date, *,
    illness: str = "", form: str = "", occasion: str = "", reason: str = "",
    schedule_item=None, approved_by: str = "", received_by: str = "", signed: bool = False,
    override_reason: str | None = None, user=None, budget_reason: str = "", campaign=None,
) -> tuple[WelfareEntry, Decision]:  # fmt: skip
    """Record one gift; Refused if over the rules without an override reason.

    ``override_reason`` None means no override asked; an override asked with an empty
    reason is bad input.
    """
    if override_reason is not None and not override_reason.strip():
        raise UserInputError("超标发放须写明理由。")
    with transaction.atomic():
        Member.objects.select_for_update().filter(pk=member.pk).first()
        decision = decide(
            org, member, kind, amount, day, illness=illness, form=form, occasion=occasion
        )
        if not decision.allowed and override_reason is None:
            raise Refused(decision)
        spending.check(
            budget_spending(
                org, day, amount, schedule_item, user, budget_reason, kind=kind, campaign=campaign
            )
        )
        entry = WelfareEntry.objects.create(
            organization=org, member=member, kind=kind, date=day, amount=amount,
            form=form[:30], occasion=occasion[:20], illness=illness[:100], reason=reason[:300],
            schedule_item=schedule_item, campaign=campaign, approved_by=approved_by[:50],
            received_by=received_by[:50], signed=signed, within_rules=decision.allowed,
            override_reason=(override_reason or "").strip()[:500] if not decision.allowed else "",
            pack=decision.pack.id, decision=decision.reason[:600],
            created_by=user if user is not None and user.is_authenticated else None,
        )  # fmt: skip
        audit(
            org, user, "welfare.give" if decision.allowed else "welfare.override",
            f"{member.name} {KINDS[kind]} {entry.amount}元 {day.isoformat()}（慰问记录{entry.pk}）",
            {
                "entry": entry.pk, "member": member.pk, "kind": kind, "amount": str(entry.amount),
                "date": day.isoformat(), "allowed": decision.allowed, "pack": decision.pack.id,
                "reason": decision.reason, "override_reason": entry.override_reason,
                "campaign": campaign.pk if campaign is not None else None,
            },
        )  # fmt: skip
    return entry, decision


def budget_spending(
    org: Organization, day: dt.date, amount: Decimal, schedule_item, user, reason: str, *,
    kind: str, campaign=None,
) -> spending.Spending:  # fmt: skip
    """A gift as the budget sees it: on the line of its kind, or of its campaign's kind."""
    return spending.Spending(
        org, day.year, day, [gift_expense(kind, campaign, schedule_item, Decimal(amount))],
        user=user, reason=reason or "", description=f"福利慰问 {day.isoformat()}",
    )  # fmt: skip


def gift_expense(kind: str, campaign, schedule_item, amount: Decimal) -> spending.Expense:
    """One register amount as spending: its kind and campaign decide its line."""
    category = schedule_item.category if schedule_item is not None else "welfare"
    campaign_kind = campaign.kind if campaign is not None else ""
    return spending.Expense(
        category, "gift", amount, welfare_kind=kind, campaign_kind=campaign_kind
    )


def spent_for_budget(
    org: Organization, year: int, *, subtree: bool = False
) -> list[spending.Expense]:
    """The register's spending of ``org`` (with ``subtree``, and of the unions below it) in
    ``year`` by month, for the budget check and the books (one query)."""
    whose = {"organization__path__startswith": org.path} if subtree else {"organization": org}
    rows = (
        WelfareEntry.objects.filter(
            **whose, date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31)
        )
        .values_list("kind", "campaign__kind", ExtractMonth("date"))
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return [
        spending.Expense(
            "welfare",
            "gift",
            total,
            month=month,
            welfare_kind=kind,
            campaign_kind=campaign_kind or "",
        )
        for kind, campaign_kind, month, total in rows
    ]


def plan_warnings(plan) -> list[PlanWarning]:
    """The plan's welfare items checked against the pack in force on its first day."""
    return plan_check(plan)[1]


def plan_check(plan, items=None) -> tuple[Pack, list[PlanWarning]]:
    """(the pack in force on the plan's first day, the warnings of its welfare items).

    ``items`` are the plan's items when the caller has them already (the plan page has
    read them for its month table); headcounts come from each item's 参加范围
    (``counts_for_items``, a few queries whatever the plan's size); an item whose scope is
    not fully understood is not checked. UserInputError when no pack is in force.
    """
    pack = pack_for(plan.organization, dt.date(plan.year, 1, 1))
    if items is None:
        items = plan.items.all()
    return pack, _checked(pack, plan, list(items))


def draft_check(org: Organization, draft) -> tuple[Pack, list[PlanWarning]]:
    """The same check for the wizard's draft (a ``PlanData``, nothing saved yet).

    The draft's items have no ids, so each stands in with its position for one; the
    headcounts are those of ``org``'s registry, as they will be once the plan is saved.
    """
    pack = pack_for(org, dt.date(draft.year, 1, 1))
    plan = SimpleNamespace(organization=org, year=draft.year)
    items = [
        SimpleNamespace(pk=index, text=i.text, budget=i.budget, scope=i.scope, date=i.date,
                        month=i.month)
        for index, i in enumerate(draft.items)
    ]  # fmt: skip
    return pack, _checked(pack, plan, items)


def _checked(pack: Pack, plan, items: list) -> list[PlanWarning]:
    """Warnings for the items that give members something, counted by their scopes."""
    items = [i for i in items if i.budget and i.scope and welfare_kind(i.text)]
    counts = counts_for_items(plan, items) if items else {}
    gifts = [
        PlannedGift(item.text, item.budget, counts[item.pk])
        for item in items
        if counts.get(item.pk)
    ]
    return check_plan(pack, gifts)
