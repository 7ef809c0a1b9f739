"""Pages of the union's money: a plan's budget and its adjustment, a year's finance settings,
the accounts, reimbursements.

Thin views: the figures come from ``books`` (queries) and ``unionplan.accounting`` (rules).
Everything is reached through the viewer's organizations, so another union answers 404.
"""

from __future__ import annotations

import io
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from unionplan.accounting.lines import STATUS, expense_lines
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.core import stored_files
from unionplan.core.downloads import download
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.funds import books, budgeting, final_review
from unionplan.funds import reimbursements as reimbursement_services
from unionplan.funds.final import final_accounts
from unionplan.funds.forms import (
    AdjustmentForm,
    AdjustmentReviewForm,
    ClaimForm,
    ClaimItemFormSet,
    DecisionForm,
    FinalReviewForm,
    FinanceForm,
    WithdrawReviewForm,
    claim_items,
    initial_of,
)
from unionplan.funds.models import (
    BudgetAdjustment,
    FinalReview,
    FinanceYear,
    Reimbursement,
    ReimbursementReceipt,
)
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)
from unionplan.plans.views import get_plan_or_404


def year_or_404(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


@login_required
@require_safe
def plan_budget(request, pk: int):
    """The plan's budget by account line, the estimated income and the balance check."""
    plan = get_plan_or_404(request.user, pk)
    budget = books.plan_budget(plan)
    force = budgeting.in_force(plan.organization, plan.year)
    adjustment = force.adjustment if force else None
    return render(
        request,
        "funds/budget.html",
        {
            "plan": plan,
            "budget": budget,
            "expense_rows": [row for row in budget.expenses if row.amount],
            "status": STATUS,
            "can_edit": can_edit(request.user, plan.organization),
            "force": force,
            "comparison": force.comparison() if force else [],
            "can_adjust": force is not None
            and adjustment is None
            and budgeting.may_propose(request.user, plan.organization),
            "review_form": AdjustmentReviewForm()
            if adjustment and budgeting.may_review(request.user, adjustment)
            else None,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def adjust(request, pk: int, year: int):
    """The chair proposes the year's one adjustment; bad input keeps what was typed."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    require_editor(request.user, org)
    force = budgeting.in_force(org, year)
    if force is None:
        raise Http404
    form = AdjustmentForm(request.POST or None, approved=force.approved)
    if request.method == "POST" and form.is_valid():
        try:
            budgeting.propose(org, year, request.user, form.amounts(), form.cleaned_data["reason"])
        except UserInputError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("预算调整已提交，等待审批。"))
            return redirect("funds:plan_budget", pk=force.approval.plan_id)
    return render(
        request,
        "funds/adjust.html",
        {"org": org, "year": year, "form": form, "force": force},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def review_adjustment(request, pk: int):
    """Approve or return the adjustment, as a plan is reviewed; refusals are told, not stored."""
    adjustment = get_visible_or_404(
        BudgetAdjustment.objects.select_related("approval"), request.user, pk,
        via="organization",
    )  # fmt: skip
    form = AdjustmentReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise UserInputError(_("请选择审批结果，并检查会议日期。"))
        data = form.cleaned_data
        done = budgeting.review(
            adjustment, request.user, approve=data["decision"] == "approve",
            comment=data["comment"], meeting_date=data["meeting_date"],
        )  # fmt: skip
    except UserInputError as error:
        messages.error(request, error.message)
    else:
        word = _("预算调整已通过。") if done.state == "approved" else _("预算调整已退回。")
        messages.success(request, word)
    return redirect("funds:plan_budget", pk=adjustment.approval.plan_id)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def finance(request, pk: int, year: int):
    """A union's figures for the income estimate; editors change them, nothing on bad input."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    require_editor(request.user, org)
    current = books.finance_of(org, year)
    form = FinanceForm(request.POST or None, initial=initial_of(current))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        FinanceYear.objects.update_or_create(
            organization=org,
            year=year,
            defaults={
                "wage_base": data["wage_base"],
                "wage_bill": data["wage_bill"],
                "retained_percent": data["retained_percent"],
                "carried_over": data["carried_over"],
                "typed_income": data["typed_income"],
                "updated_by": request.user,
            },
        )
        messages.success(request, _("经费设置已保存。"))
        return redirect("funds:accounts", pk=org.pk, year=year)
    return render(request, "funds/finance.html", {"org": org, "year": year, "form": form})


@login_required
@require_safe
def accounts(request, pk: int, year: int):
    """Budget / spent / remaining / % by account line and by month; a federation's subtree."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    found = books.org_accounts(org, year)
    return render(
        request,
        "funds/accounts.html",
        {
            "org": org,
            "year": year,
            "accounts": found,
            "income": books.org_income(org, year, found.total.spent),
            "status": STATUS,
            "subtree": org.kind == "federation",
            "can_edit": can_edit(request.user, org),
            "review": final_review.current(org, year),
        },
    )


# --- the 决算 and its review by the 经费审查委员会 ----------------------------------------


@login_required
@require_safe
def final_download(request, pk: int, year: int):
    """The year's 决算 as .xlsx, with the sign-off (or 未经审查) at its foot."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    try:
        found = final_accounts(org, year)
    except UserInputError as error:
        messages.error(request, error.message)
        return redirect("funds:accounts", pk=org.pk, year=year)
    out = io.BytesIO()
    found.write(out)
    return download(out.getvalue(), found.filename)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def final_review_page(request, pk: int, year: int):
    """The 决算 beside its review history; the committee signs, returns or withdraws here.

    Everyone who sees the union sees the page; only its 经费审查委员会 gets the forms, and a
    POST from anyone else is refused with the service's message, nothing stored.
    """
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    sign_form, withdraw_form = _review_forms(request)
    if request.method == "POST":
        form = withdraw_form if request.POST.get("action") == "withdraw" else sign_form
        if form.is_valid():
            try:
                _act(request, org, year, form)
            except UserInputError as error:
                form.add_error(None, error.message)
            else:
                return redirect("funds:final_review", pk=org.pk, year=year)
    try:
        found, problem = final_accounts(org, year), ""
    except UserInputError as error:
        found, problem = None, error.message
    review = final_review.current(org, year)
    return render(
        request,
        "funds/final_review.html",
        {
            "org": org, "year": year, "final": found, "problem": problem, "review": review,
            "history": FinalReview.objects.filter(organization=org, year=year)
            .select_related("reviewer").order_by("-id"),
            "locking": final_review.locking(org, year),
            "may_review": final_review.may_review(request.user, org),
            "signed": review is not None and review.state == final_review.SIGNED,
            "sign_form": sign_form, "withdraw_form": withdraw_form,
        },
        status=400 if request.method == "POST" else 200,
    )  # fmt: skip


def _review_forms(request) -> tuple[FinalReviewForm, WithdrawReviewForm]:
    name = request.user.get_full_name() or request.user.get_username()
    if request.method != "POST":
        initial = {"name": name, "reviewed_on": timezone.localdate()}
        return FinalReviewForm(initial=initial), WithdrawReviewForm(initial={"name": name})
    withdrawing = request.POST.get("action") == "withdraw"
    return (
        FinalReviewForm(None if withdrawing else request.POST, initial={"name": name}),
        WithdrawReviewForm(request.POST if withdrawing else None, initial={"name": name}),
    )


def _act(request, org, year: int, form) -> None:
    data = form.cleaned_data
    state = data.get("decision", final_review.WITHDRAWN)
    final_review.act(
        org, year, request.user, state=state, name=data["name"], opinion=data["opinion"],
        on=data.get("reviewed_on"),
    )  # fmt: skip
    words = {
        final_review.SIGNED: _("决算已审查签署，本年度支出已锁定。"),
        final_review.RETURNED: _("决算审查未通过，已退回。"),
        final_review.WITHDRAWN: _("已撤回签署，本年度支出可以更正。"),
    }
    messages.success(request, words[state])


# --- reimbursements (报销) ---------------------------------------------------------------


def _claim_or_404(user, pk: int) -> Reimbursement:
    return get_visible_or_404(Reimbursement.objects, user, pk, via="organization")


@login_required
@require_safe
def reimbursements(request, pk: int, year: int):
    """A union's claims of the year with their totals and states (queries do not grow)."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    claims = (
        Reimbursement.objects.filter(organization=org, year=year)
        .select_related("approver")
        .annotate(total=Sum("items__amount"), receipt_count=Count("receipts", distinct=True))
        .order_by("-date", "-id")
    )
    return render(
        request,
        "funds/reimbursements.html",
        {"org": org, "year": year, "claims": claims, "can_edit": can_edit(request.user, org)},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reimbursement_new(request, pk: int):
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    return _claim_form(request, org, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def reimbursement_edit(request, pk: int):
    claim = _claim_or_404(request.user, pk)
    require_editor(request.user, claim.organization)
    if claim.state not in reimbursement_services.EDITABLE:
        messages.error(request, _("已提交的报销单不能修改。"))
        return redirect("funds:reimbursement", pk=claim.pk)
    return _claim_form(request, claim.organization, claim)


def _claim_form(request, org, claim: Reimbursement | None):
    """The claim with its items; on bad input everything typed stays (receipts excepted)."""
    if request.method == "POST":
        form = ClaimForm(request.POST, request.FILES)
        formset = ClaimItemFormSet(request.POST, prefix="items")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            typed = reimbursement_services.ClaimInput(
                data["applicant"], data["title"], data["date"], claim_items(formset),
                data["files"],
            )  # fmt: skip
            try:
                saved = reimbursement_services.save(
                    org, typed, request.user, claim, data["version"]
                )
            except UserInputError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("报销单已保存。"))
                return redirect("funds:reimbursement", pk=saved.pk)
    else:
        form = ClaimForm(initial=_claim_initial(claim))
        formset = ClaimItemFormSet(prefix="items", initial=_items_initial(claim))
    return render(
        request,
        "funds/reimbursement_form.html",
        {"org": org, "claim": claim, "form": form, "formset": formset,
         "max_mb": uploads.MAX_BYTES // 1024 // 1024,
         "year": claim.year if claim else timezone.localdate().year},
        status=400 if form.is_bound else 200,
    )  # fmt: skip


def _claim_initial(claim: Reimbursement | None) -> dict:
    if claim is None:
        return {"applicant": "", "date": timezone.localdate()}
    return {
        "applicant": claim.applicant, "title": claim.title, "date": claim.date,
        "version": claim.version,
    }  # fmt: skip


def _items_initial(claim: Reimbursement | None) -> list[dict]:
    if claim is None:
        return []
    return [
        {"description": i.description, "amount": i.amount, "line": i.line}
        for i in claim.items.all()
    ]


@login_required
@require_safe
def reimbursement(request, pk: int):
    """One claim: its items, receipts, state and the step the viewer may take."""
    claim = _claim_or_404(request.user, pk)
    items = list(claim.items.all())
    labels = {line.key: line.label for line in expense_lines()}
    return render(
        request,
        "funds/reimbursement.html",
        {
            "claim": claim,
            "org": claim.organization,
            "items": [(item, labels.get(item.line, item.line)) for item in items],
            "total": sum((i.amount for i in items), Decimal("0.00")),
            "receipts": claim.receipts.all(),
            "can_edit": can_edit(request.user, claim.organization),
            "decision_form": DecisionForm(),
            "editable": claim.state in reimbursement_services.EDITABLE,
        },
    )


@login_required
@require_POST
def reimbursement_step(request, pk: int, step: str):
    """Submit, approve or return, pay: the service decides; a refusal is shown, not stored."""
    claim = _claim_or_404(request.user, pk)
    require_editor(request.user, claim.organization)
    try:
        if step == "submit":
            reimbursement_services.submit(claim, request.user)
            messages.success(request, _("报销单已提交，等待工会主席审批。"))
        elif step == "decide":
            form = DecisionForm(request.POST)
            if not form.is_valid():
                raise UserInputError(_("请选择审批结果。"))
            data = form.cleaned_data
            done = reimbursement_services.decide(
                claim, request.user, approve=data["decision"] == "approve",
                comment=data["comment"], reason=data["override_reason"],
            )  # fmt: skip
            word = _("报销单已批准。") if done.state == "approved" else _("报销单已退回。")
            messages.success(request, word)
        elif step == "pay":
            reimbursement_services.pay(claim, request.user)
            messages.success(request, _("已登记支付。"))
        else:
            raise Http404
    except UserInputError as error:
        messages.error(request, error.message)
    return redirect("funds:reimbursement", pk=claim.pk)


@login_required
@require_safe
def receipt(request, pk: int):
    """A receipt, only for people who may see its union; served as records' attachments are."""
    found = get_visible_or_404(
        ReimbursementReceipt.objects, request.user, pk, via="claim__organization"
    )
    return stored_files.serve(request, found)
