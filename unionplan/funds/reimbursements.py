"""Reimbursements (报销): saving a claim with its items and receipts, and moving it along.

草稿 → 已提交 → 已批准 or 已退回 (with the approver's comment; the applicant's side edits it
and submits again) → 已支付. Only the union's chair approves, and not a claim they entered
themselves; the approval passes the same budget check as every other expense
(``core.spending``), so a claim past its line's budget is approved only with the chair's
reason. Approved and paid claims count as spending on their lines (``ledger``). Every step
is written to the audit log; a refusal is a Chinese UserInputError and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unionplan.accounting.lines import expense_line
from unionplan.audit.models import record as audit
from unionplan.calendar.years import check_year
from unionplan.core import spending
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.funds.models import Reimbursement, ReimbursementItem, ReimbursementReceipt
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization
from unionplan.plan.money import money
from unionplan.records.services import check_files

EDITABLE = ("draft", "returned")
CHANGED = gettext_lazy("这张报销单在您打开后已被他人修改，请刷新页面后再试。")


@dataclass
class ItemInput:
    description: str
    amount: Decimal
    line: str  # an expense line key: 职工活动支出/文体活动, 维权支出


@dataclass
class ClaimInput:
    """What a person typed for one claim, already cleaned by the form."""

    applicant: str
    title: str
    date: dt.date
    items: list[ItemInput] = field(default_factory=list)
    files: list[UploadedFile] = field(default_factory=list)


def check_input(data: ClaimInput) -> list[uploads.FileKind]:
    """Every rule before anything is written; the receipts' kinds."""
    if not data.applicant.strip():
        raise UserInputError(_("请填写申请人。"))
    if not data.title.strip():
        raise UserInputError(_("请填写报销事由。"))
    check_year(data.date.year)
    if not data.items:
        raise UserInputError(_("报销单至少要有一项明细。"))
    for item in data.items:
        expense_line(item.line)
        if not item.description.strip():
            raise UserInputError(_("每项明细都要写明内容。"))
        if item.amount is None or item.amount <= 0:
            raise UserInputError(_("报销金额须大于0元。"))
    return check_files(data.files)


def save(
    org: Organization, data: ClaimInput, user, claim: Reimbursement | None = None,
    seen_version: int | None = None,
) -> Reimbursement:  # fmt: skip
    """Create ``claim`` or replace its fields and items (receipts are added); all or nothing."""
    kinds = check_input(data)
    stored: list[ReimbursementReceipt] = []
    try:
        with transaction.atomic():
            claim = _write(org, data, user, claim, seen_version)
            for upload, kind in zip(data.files, kinds, strict=True):
                stored.append(_attach(claim, upload, kind, user))
            _audit(claim, user, "funds.reimburse.save")
    except Exception:
        for receipt in stored:
            receipt.file.storage.delete(receipt.file.name)
        raise
    return claim


def _write(org, data: ClaimInput, user, claim: Reimbursement | None, seen_version) -> Reimbursement:
    fields = {
        "applicant": data.applicant.strip()[:50], "title": data.title.strip()[:200],
        "date": data.date, "year": data.date.year,
    }  # fmt: skip
    if claim is None:
        claim = Reimbursement.objects.create(organization=org, created_by=user, **fields)
    else:
        current = _locked(claim)
        if current.state not in EDITABLE:
            raise UserInputError(
                _("报销单状态为“%(state)s”，不能修改。") % {"state": current.get_state_display()}
            )
        if seen_version is not None and current.version != seen_version:
            raise UserInputError(str(CHANGED))
        Reimbursement.objects.filter(pk=claim.pk).update(version=F("version") + 1, **fields)
        claim = _locked(claim)
        claim.items.all().delete()
    ReimbursementItem.objects.bulk_create(
        ReimbursementItem(
            claim=claim,
            description=i.description.strip()[:200],
            amount=i.amount,
            line=expense_line(i.line).key,
        )
        for i in data.items
    )
    return claim


def _attach(claim, upload: UploadedFile, kind: uploads.FileKind, user) -> ReimbursementReceipt:
    return ReimbursementReceipt.store(upload, kind, user, claim=claim)


def _locked(claim: Reimbursement) -> Reimbursement:
    return Reimbursement.objects.select_for_update().select_related("organization").get(pk=claim.pk)


def total(claim: Reimbursement) -> Decimal:
    return sum((i.amount for i in claim.items.all()), Decimal("0.00"))


def submit(claim: Reimbursement, user) -> Reimbursement:
    """Send a draft (or a returned claim, edited) to the chair for approval."""
    with transaction.atomic():
        claim = _locked(claim)
        if claim.state not in EDITABLE:
            raise UserInputError(
                _("报销单状态为“%(state)s”，不能提交。") % {"state": claim.get_state_display()}
            )
        if not claim.items.exists():
            raise UserInputError(_("报销单至少要有一项明细才能提交。"))
        _move(claim, "submitted")
        _audit(claim, user, "funds.reimburse.submit")
    return claim


def decide(
    claim: Reimbursement, user, *, approve: bool, comment: str = "", reason: str = ""
) -> Reimbursement:
    """The chair approves (through the budget check) or returns (with a comment) a claim."""
    comment = (comment or "").strip()
    with transaction.atomic():
        claim = _locked(claim)
        if claim.state != "submitted":
            raise UserInputError(
                _("报销单状态为“%(state)s”，不在待审批状态。")
                % {"state": claim.get_state_display()}
            )
        if role_in(user, claim.organization) != "chair":
            raise UserInputError(_("只有工会主席可以审批报销。"))
        if claim.created_by_id == user.pk:
            raise UserInputError(_("不能审批自己登记的报销单。"))
        if not approve and not comment:
            raise UserInputError(_("退回报销单必须填写意见。"))
        if len(comment) > 500:
            raise UserInputError(_("意见不能超过500字。"))
        if approve:
            spending.check(_as_spending(claim, user, reason))
        claim.approver, claim.decided_at, claim.comment = user, timezone.now(), comment
        claim.save(update_fields=["approver", "decided_at", "comment"])
        _move(claim, "approved" if approve else "returned")
        _audit(claim, user, "funds.reimburse.approve" if approve else "funds.reimburse.return")
    return claim


def pay(claim: Reimbursement, user) -> Reimbursement:
    """Record that an approved claim was paid out."""
    with transaction.atomic():
        claim = _locked(claim)
        if claim.state != "approved":
            raise UserInputError(
                _("报销单状态为“%(state)s”，批准后才能支付。")
                % {"state": claim.get_state_display()}
            )
        claim.paid_at = timezone.now()
        claim.save(update_fields=["paid_at"])
        _move(claim, "paid")
        _audit(claim, user, "funds.reimburse.pay")
    return claim


def _as_spending(claim: Reimbursement, user, reason: str) -> spending.Spending:
    return spending.Spending(
        organization=claim.organization, year=claim.year, date=claim.date,
        expenses=[spending.Expense("", "", i.amount, line=i.line) for i in claim.items.all()],
        user=user, reason=reason or "", description=f"报销“{claim.title}”（{claim.applicant}）",
    )  # fmt: skip


def _move(claim: Reimbursement, state: str) -> None:
    Reimbursement.objects.filter(pk=claim.pk).update(state=state, version=F("version") + 1)
    claim.state = state
    claim.version += 1


def _audit(claim: Reimbursement, user, action: str) -> None:
    audit(
        claim.organization, user, action,
        f"报销“{claim.title}”（{claim.applicant}，{money(total(claim))}元，报销{claim.pk}）",
        {"claim": claim.pk, "state": claim.state, "comment": claim.comment},
    )  # fmt: skip
