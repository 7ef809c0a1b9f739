"""The budget's approval with the plan, and its one adjustment (调整) a year.

When the review approves a plan (``review.signals.plan_approved``) its budget by line is
kept as approved, with the approver and the date. The union's chair may then propose one
adjustment a year — the lines it changes and a reason — which is reviewed by the same people
and with the same rules as the plan (``unionplan.review.rules``). The budget in force for
the year is the adjusted one once approved, otherwise the approved one; before the plan is
approved there is no budget in force, only the plan's draft figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unionplan.accounting.accounts import LineFigures, plan_budget_actual
from unionplan.accounting.adjustment import (
    ComparedLine,
    adjusted,
    clean_amounts,
    clean_reason,
    compare,
)
from unionplan.audit.models import record as audit
from unionplan.errors import UserInputError
from unionplan.funds import books
from unionplan.funds.models import BudgetAdjustment, BudgetApproval
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan
from unionplan.review import rules
from unionplan.review.services import actor

ONE_A_YEAR = gettext_lazy(
    "%(year)s年的预算已调整过一次（或有一次调整正在审批），每年只能调整一次。"
)


def record_approval(plan: Plan, user, day: dt.date) -> BudgetApproval:
    """Keep ``plan``'s budget by line as approved by ``user`` on ``day`` (a re-approval
    replaces it)."""
    amounts = {
        row.line.key: str(row.amount) for row in books.plan_budget(plan).expenses if row.amount
    }
    approval, _created = BudgetApproval.objects.update_or_create(
        plan=plan,
        defaults={
            "organization": plan.organization, "year": plan.year, "amounts": amounts,
            "approved_by": user, "approved_on": day,
        },
    )  # fmt: skip
    return approval  # the review's own audit entry (plan.approve) records the step


def on_plan_approved(sender, *, plan: Plan, step, **_kwargs) -> None:
    """The review approved ``plan``: its budget is approved with it, by the same person."""
    record_approval(plan, step.user, timezone.localdate(step.at))


def approval_of(org: Organization, year: int) -> BudgetApproval | None:
    return (
        BudgetApproval.objects.filter(organization=org, year=year)
        .select_related("approved_by")
        .order_by("-approved_on", "-id")
        .first()
    )


def adjustment_of(approval: BudgetApproval | None) -> BudgetAdjustment | None:
    """The year's adjustment that counts: approved or under review (a returned one does not)."""
    if approval is None:
        return None
    return (
        BudgetAdjustment.objects.filter(
            organization=approval.organization, year=approval.year,
            state__in=["submitted", "approved"],
        )
        .select_related("proposed_by", "reviewed_by")
        .first()
    )  # fmt: skip


@dataclass
class BudgetInForce:
    approval: BudgetApproval
    adjustment: BudgetAdjustment | None  # approved or under review

    @property
    def approved(self) -> dict[str, Decimal]:
        return self.approval.line_amounts()

    @property
    def adjusted(self) -> dict[str, Decimal] | None:
        """The adjusted budget once its adjustment is approved; None before."""
        if self.adjustment is None or self.adjustment.state != "approved":
            return None
        return adjusted(self.approved, self.adjustment.line_changes())

    @property
    def amounts(self) -> dict[str, Decimal]:
        """What spending is checked against: adjusted if approved, else approved."""
        return self.adjusted if self.adjusted is not None else self.approved

    def comparison(self) -> list[ComparedLine]:
        """Approved and adjusted side by side; a pending adjustment shows its proposal."""
        if self.adjustment is None:
            return compare(self.approved, None)
        return compare(self.approved, adjusted(self.approved, self.adjustment.line_changes()))


def in_force(org: Organization, year: int) -> BudgetInForce | None:
    """The year's approved budget with its adjustment, or None before the plan's approval."""
    approval = approval_of(org, year)
    if approval is None:
        return None
    return BudgetInForce(approval, adjustment_of(approval))


def adjustment_differences(org: Organization, year: int) -> dict[str, Decimal]:
    """By line, what the approved adjustments of ``org`` and the unions below it add to (or
    take from) their approved budgets in ``year`` — the 决算's adjusted column (one query)."""
    found = BudgetAdjustment.objects.filter(
        organization__path__startswith=org.path, year=year, state="approved"
    ).select_related("approval")
    differences: dict[str, Decimal] = {}
    for adjustment in found:
        approved = adjustment.approval.line_amounts()
        for key, amount in adjustment.line_changes().items():
            change = amount - approved.get(key, Decimal("0.00"))
            differences[key] = differences.get(key, Decimal("0.00")) + change
    return differences


def subtree_budget(org: Organization, year: int) -> dict[str, Decimal] | None:
    """By line, the budgets in force of ``org`` and the unions below it in ``year``: each
    union's latest approved budget with its approved adjustment (two queries); None when no
    union of the subtree has an approved budget."""
    latest: dict[int, BudgetApproval] = {}
    for approval in BudgetApproval.objects.filter(
        organization__path__startswith=org.path, year=year
    ).order_by("organization_id", "-approved_on", "-id"):
        latest.setdefault(approval.organization_id, approval)
    if not latest:
        return None
    amounts: dict[str, Decimal] = {}
    for approval in latest.values():
        for key, amount in approval.line_amounts().items():
            amounts[key] = amounts.get(key, Decimal("0.00")) + amount
    for key, change in adjustment_differences(org, year).items():
        amounts[key] = amounts.get(key, Decimal("0.00")) + change
    return amounts


def line_figures(org: Organization, year: int) -> list[LineFigures]:
    """Plan vs budget vs actual by account line for ``org`` and its subtree (7 queries)."""
    rows = books.org_accounts(org, year).by_line
    return plan_budget_actual(rows, subtree_budget(org, year))


def propose(
    org: Organization, year: int, user, amounts: dict[str, object], reason: str
) -> BudgetAdjustment:
    """The chair proposes the year's one adjustment; nothing is recorded on bad input."""
    changes = clean_amounts(amounts)
    with transaction.atomic():
        approval = approval_of(org, year)
        if approval is None:
            raise UserInputError(_("%(year)s年的预算尚未随计划批准，不能调整。") % {"year": year})
        refusal = rules.may_submit(actor(user), _facts(org, "draft", None))
        if refusal:
            raise UserInputError(_("预算调整：%(refusal)s") % {"refusal": refusal})
        if BudgetAdjustment.objects.filter(
            organization=org, year=year, state__in=["submitted", "approved"]
        ).exists():
            raise UserInputError(ONE_A_YEAR % {"year": year})
        current = approval.line_amounts()
        changes = {k: v for k, v in changes.items() if v != current.get(k, Decimal("0.00"))}
        if not changes:
            raise UserInputError(_("调整后的预算与批准的预算相同，没有需要调整的科目。"))
        reason = clean_reason(reason)
        try:
            with transaction.atomic():
                adjustment = BudgetAdjustment.objects.create(
                    approval=approval, organization=org, year=year, reason=reason,
                    changes={k: str(v) for k, v in changes.items()}, state="submitted",
                    proposed_by=user,
                )  # fmt: skip
        except IntegrityError:  # another adjustment was proposed at the same moment
            raise UserInputError(ONE_A_YEAR % {"year": year}) from None
        _audit(adjustment, user, "funds.adjust.submit")
    return adjustment


def review(
    adjustment: BudgetAdjustment, user, *, approve: bool, comment: str = "",
    meeting_date: dt.date | None = None,
) -> BudgetAdjustment:  # fmt: skip
    """Approve or return a proposed adjustment, with the plan's review rules."""
    comment = (comment or "").strip()
    with transaction.atomic():
        adjustment = (
            BudgetAdjustment.objects.select_for_update()
            .select_related("organization")
            .get(pk=adjustment.pk)
        )
        org = adjustment.organization
        facts = _facts(org, adjustment.state, adjustment.proposed_by_id)
        for refusal in (
            rules.may_review(actor(user), facts),
            rules.check_comment(comment, required=not approve),
            rules.check_meeting_date(facts, approve, meeting_date, timezone.localdate()),
        ):
            if refusal:
                raise UserInputError(_("预算调整：%(refusal)s") % {"refusal": refusal})
        adjustment.state = "approved" if approve else "returned"
        adjustment.reviewed_by, adjustment.reviewed_on = user, timezone.localdate()
        adjustment.comment = comment
        adjustment.meeting_date = meeting_date if facts.top_level and approve else None
        adjustment.save()
        _audit(adjustment, user, "funds.adjust.approve" if approve else "funds.adjust.return")
    return adjustment


def may_propose(user, org: Organization) -> bool:
    """Whether the page offers ``user`` to propose an adjustment (``propose`` decides)."""
    return rules.may_submit(actor(user), _facts(org, "draft", None)) is None


def may_review(user, adjustment: BudgetAdjustment) -> bool:
    facts = _facts(adjustment.organization, adjustment.state, adjustment.proposed_by_id)
    return rules.may_review(actor(user), facts) is None


def _facts(org: Organization, state: str, proposed_by: int | None) -> rules.PlanFacts:
    """An adjustment as the review rules see a plan: submitted by its proposer."""
    return rules.PlanFacts(
        organization_path=org.path, top_level=org.parent_id is None, status=state,
        item_count=1, submitted_by=proposed_by,
    )  # fmt: skip


def _audit(adjustment: BudgetAdjustment, user, action: str) -> None:
    audit(
        adjustment.organization, user, action,
        f"{adjustment.year}年度经费预算调整（调整{adjustment.pk}）",
        {
            "adjustment": adjustment.pk, "state": adjustment.state, "reason": adjustment.reason,
            "changes": adjustment.changes, "comment": adjustment.comment,
        },
    )  # fmt: skip
