"""Pages of income received (实际收入): the year's list with the form to add one (editors),
read by everyone who sees the union (the auditor among them), and an entry's edit page.

Thin views over ``funds.income``, which refuses bad input and a signed year in Chinese.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from unionplan.errors import UserInputError
from unionplan.funds import income
from unionplan.funds.forms import IncomeForm, income_initial
from unionplan.funds.models import IncomeEntry
from unionplan.funds.views import year_or_404
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def income_list(request, pk: int, year: int):
    """The year's income received by line, and (for editors) the form to add one."""
    org = get_organization_or_404(request.user, pk)
    year = year_or_404(year)
    editor = can_edit(request.user, org)
    if request.method == "POST":
        require_editor(request.user, org)
    form = IncomeForm(request.POST or None, org=org, year=year)
    if request.method == "POST" and _save_income(request, form, org, year, None):
        return redirect("funds:income", pk=org.pk, year=year)
    entries = IncomeEntry.objects.filter(organization=org, year=year).select_related("created_by")
    return render(
        request, "funds/income.html",
        {"org": org, "year": year, "entries": entries, "form": form, "can_edit": editor,
         "total": entries.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def income_edit(request, pk: int):
    entry = get_visible_or_404(IncomeEntry.objects, request.user, pk, via="organization")
    org, year = entry.organization, entry.year
    require_editor(request.user, org)
    form = IncomeForm(request.POST or None, org=org, year=year, initial=income_initial(entry))
    if request.method == "POST" and _save_income(request, form, org, year, entry):
        return redirect("funds:income", pk=org.pk, year=year)
    return render(
        request, "funds/income_edit.html", {"org": org, "year": year, "entry": entry, "form": form}
    )


def _save_income(request, form: IncomeForm, org, year: int, entry) -> bool:
    """Save a valid form; a refusal (a signed year) becomes the form's error. Saved: True."""
    if not form.is_valid():
        return False
    try:
        income.save(org, year, form.cleaned_data["input"], request.user, entry)
    except UserInputError as error:
        form.add_error(None, error.message)
        return False
    messages.success(request, _("收入已保存。"))
    return True
