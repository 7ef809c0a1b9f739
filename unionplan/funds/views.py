"""Pages of the union's money: a plan's budget, a year's finance settings, the accounts.

Thin views: the figures come from ``books`` (queries) and ``unionplan.accounting`` (rules).
Everything is reached through the viewer's organizations, so another union answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from unionplan.accounting.lines import STATUS
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.errors import UserInputError
from unionplan.funds import books, budgeting
from unionplan.funds.forms import AdjustmentForm, AdjustmentReviewForm, FinanceForm, initial_of
from unionplan.funds.models import BudgetAdjustment, FinanceYear
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)
from unionplan.plans.views import get_plan_or_404


def _year(year: int) -> int:
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
    year = _year(year)
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
    year = _year(year)
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
    year = _year(year)
    found = books.org_accounts(org, year)
    return render(
        request,
        "funds/accounts.html",
        {
            "org": org,
            "year": year,
            "accounts": found,
            "status": STATUS,
            "subtree": org.kind == "federation",
            "can_edit": can_edit(request.user, org),
        },
    )
