"""目标分解: a federation splits a target of its plan into shares in its child unions' plans.

The arithmetic is ``unionplan.plan.cascade``; here the shares are written. Each share is a
target in the child's plan for the year (the plan furthest along; a draft is started when
the union has none yet), linked to the federation's target (``Target.handed_down_from``) and showing
its text. A child plan that is submitted, approved or archived is not changed in place: a
split that would change its share is refused as a whole, naming the unions, and an approved
plan's share changes once its union has opened a 调整 (the plan is a draft again). Nothing
is stored unless every share is; each union whose share changed is told (inbox and mail),
and the split is written to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.urls import reverse

from unionplan import vocab
from unionplan.audit.models import record
from unionplan.errors import UserInputError
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization, Role
from unionplan.plan import cascade as arithmetic
from unionplan.plan.wording import number
from unionplan.plans.models import Plan, Target
from unionplan.review import notify, rules
from unionplan.review.board import chosen_plans
from unionplan.review.models import TargetCascade
from unionplan.review.statistics import members_by_child


@dataclass
class ShareRow:
    """One child union on the split page: its members, its plan and its share now."""

    union: Organization
    members: int
    plan: dict | None  # id, status, title of its plan for the year
    share: Target | None
    typed: str = ""  # what the page's field shows

    @property
    def locked(self) -> bool:
        return bool(self.plan) and self.plan["status"] in vocab.LOCKED_PLAN_STATUSES

    @property
    def status_label(self) -> str:
        return rules.STATUS_NAMES.get(self.plan["status"], "") if self.plan else "尚无计划"


def may_split(user, target: Target) -> None:
    """Only the chair or staff of the federation whose plan it is splits its target."""
    org = target.plan.organization
    if org.kind != "federation":
        raise UserInputError("只有工会联合会（总工会）的目标可以分解到下级工会。")
    if role_in(user, org) not in rules.REVIEWERS:
        raise UserInputError("只有本工会联合会的主席或工作人员可以分解目标。")


def rows(target: Target) -> list[ShareRow]:
    """Every child union of the target's federation with what the split page shows."""
    federation, year = target.plan.organization, target.plan.year
    children = list(Organization.objects.filter(parent=federation).order_by("path"))
    members = members_by_child(federation)
    plans = chosen_plans(Plan.objects.filter(organization__parent=federation, year=year))
    shares = {
        share.plan.organization_id: share
        for share in Target.objects.filter(handed_down_from=target).select_related("plan")
    }
    return [
        ShareRow(child, members.get(child.pk, 0), plans.get(child.pk), shares.get(child.pk))
        for child in children
    ]


def shares_for(
    target: Target, method: str, found: list[ShareRow], typed: dict[int, Decimal]
) -> list[Decimal]:
    """The shares of ``found``'s unions, in order, by ``method`` (pure arithmetic)."""
    arithmetic.check_splittable(target.comparator, target.value, target.unit)
    if method == arithmetic.EQUAL:
        return arithmetic.equal(target.value, len(found))
    if method == arithmetic.MEMBERS:
        return arithmetic.split(target.value, [row.members for row in found])
    if method == arithmetic.TYPED:
        shares = [typed.get(row.union.pk, Decimal(0)) for row in found]
        arithmetic.check_typed(target.value, shares, target.unit)
        return shares
    raise UserInputError("请选择分解方式：平均分配、按会员人数或逐个填写。")


def split(
    target: Target, user, method: str, typed: dict[int, Decimal] | None = None, *, site: str = ""
) -> int:
    """Split ``target`` among the federation's child unions; the number of shares changed."""
    with transaction.atomic():
        target = (
            Target.objects.select_for_update()
            .select_related("plan__organization")
            .get(pk=target.pk)
        )
        may_split(user, target)
        found = rows(target)
        if not found:
            raise UserInputError("本工会联合会还没有下级工会，无法分解目标。")
        shares = shares_for(target, method, found, typed or {})
        changing = [
            (row, share)
            for row, share in zip(found, shares, strict=True)
            if _changes(row, share, target)
        ]
        _refuse_locked([row for row, _share in changing if row.locked])
        for row, share in changing:
            _write(target, row, share, site)
        TargetCascade.objects.update_or_create(
            target=target, defaults={"method": method, "set_by": user}
        )
        record(
            target.plan.organization,
            user,
            "target.cascade",
            f"{target.plan.year}年度目标分解：{target.text}",
            {"target": target.pk, "method": method,
             "shares": {str(row.union.pk): str(share) for row, share in zip(found, shares, strict=True)}},
        )  # fmt: skip
    return len(changing)


def _changes(row: ShareRow, share: Decimal, target: Target) -> bool:
    if row.share is None:
        return share != 0
    same = (row.share.value, row.share.text, row.share.comparator, row.share.unit)
    return same != (share, target.text, target.comparator, target.unit) or share == 0


def _refuse_locked(locked: list[ShareRow]) -> None:
    if not locked:
        return
    names = "、".join(f"{row.union.name}（{row.status_label}）" for row in locked)
    raise UserInputError(
        f"{names}的计划已提交或已通过，不能直接改动其份额：已通过的计划请该工会先申请调整，"
        f"计划回到草稿后再分解；已提交的计划待审批后再办理。未作任何修改。"
    )


def _write(target: Target, row: ShareRow, share: Decimal, site: str) -> None:
    """Create, change or (a zero share) remove the union's share, and tell its chair."""
    if share == 0:
        Target.objects.filter(pk=row.share.pk).delete()
        return
    fields = {"text": target.text, "comparator": target.comparator, "value": share,
              "value_high": None, "unit": target.unit}  # fmt: skip
    if row.share is not None:
        Target.objects.filter(pk=row.share.pk).update(version=row.share.version + 1, **fields)
        plan_id = row.share.plan_id
    else:
        plan_id = row.plan["id"] if row.plan else _new_plan(row.union, target.plan.year).pk
        order = Target.objects.filter(plan_id=plan_id).count()
        Target.objects.create(plan_id=plan_id, handed_down_from=target, order=order, **fields)
    federation = target.plan.organization.name
    text = f"{federation}下达目标“{target.text}”，本工会份额：{number(share)}{target.unit}。"
    chairs = Role.objects.filter(organization=row.union, role__in=rules.SUBMITTERS)
    link = reverse("plans:detail", args=[plan_id])
    notify.tell(
        sorted(set(chairs.values_list("user_id", flat=True))),
        text,
        link,
        f"【上级下达目标】{text}",
        site=site,
    )


def _new_plan(union: Organization, year: int) -> Plan:
    return Plan.objects.create(organization=union, year=year, title=f"{year}年工会工作计划")


def parse_typed(data, found: list[ShareRow]) -> dict[int, Decimal]:
    """The typed shares of a form (``share-<union id>``), empty fields as zero."""
    typed = {}
    for row in found:
        text = (data.get(f"share-{row.union.pk}") or "").strip().replace("，", "").replace(",", "")
        if not text:
            continue
        try:
            typed[row.union.pk] = Decimal(text)
        except ArithmeticError:
            raise UserInputError(f"{row.union.name}的份额“{text[:20]}”不是数字。") from None
        if not typed[row.union.pk].is_finite():
            raise UserInputError(f"{row.union.name}的份额“{text[:20]}”不是数字。")
    return typed
