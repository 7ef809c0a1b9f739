"""调整 pages: open one on an approved plan (POST), and the comparison of a revision with
the plan as approved, which the union and the reviewers above it both read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from unionplan.errors import UserInputError
from unionplan.plan.compare import COLUMNS, PARTS, SAME, cells, changed_columns
from unionplan.plans.views import get_plan_or_404
from unionplan.review import notify, revisions, services
from unionplan.review.forms import AdjustForm
from unionplan.review.models import PlanRevision

PART_TITLES = {
    "sections": gettext_lazy("章节"),
    "targets": gettext_lazy("工作目标"),
    "items": gettext_lazy("活动安排"),
}


@login_required
@require_POST
def adjust(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_or_404(request.user, pk)
    form = AdjustForm(request.POST)
    try:
        if not form.is_valid():
            raise UserInputError(next(iter(form.errors.values()))[0])
        revision = services.adjust(
            plan, request.user, form.cleaned_data["reason"], site=notify.site_of(request)
        )
    except UserInputError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("已开始第%(n)d次调整：计划回到草稿，修改后请重新提交上级工会审批。")
            % {"n": revision.number},
        )
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_safe
def revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The approved plan and the revision side by side: what was added, removed, changed."""
    plan = get_plan_or_404(request.user, pk)
    found = PlanRevision.objects.filter(plan=plan, number=number).select_related(
        "opened_by", "approved_step"
    )
    current = found.first()
    if current is None:
        raise Http404
    comparison = revisions.comparison(current)
    parts = [_part(part, comparison.parts[part]) for part in PARTS]
    return render(
        request,
        "review/revision.html",
        {
            "plan": plan,
            "revision": current,
            "comparison": comparison,
            "counts": comparison.counts(),
            "parts": parts,
            "all_revisions": plan.revisions.order_by("number"),
        },
    )


def _part(part: str, changes) -> dict:
    """One part of the comparison as the template draws it: the changed rows with each side's
    cells (the altered ones marked), and how many rows stayed the same."""
    rows = []
    for change in changes:
        if change.kind == SAME:
            continue
        altered = changed_columns(part, change)
        before, after = cells(part, change.before), cells(part, change.after)
        rows.append(
            {
                "change": change,
                "cells": [
                    (_(heading), before.get(key, ""), after.get(key, ""), key in altered)
                    for key, heading, _fields in COLUMNS[part]
                ],
            }
        )
    return {
        "key": part,
        "title": PART_TITLES[part],
        "rows": rows,
        "same": sum(1 for change in changes if change.kind == SAME),
    }
