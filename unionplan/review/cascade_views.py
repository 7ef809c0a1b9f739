"""The federation's page to split a target of its plan among its child unions (目标分解).

GET shows each child union with its members, its plan's state and its share now; POST
splits (equally, by members, or as typed) through ``review.cascade`` and comes back here
with the outcome, or with the reason nothing was stored and what was typed kept.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from unionplan.errors import UserInputError
from unionplan.plan.cascade import EQUAL, METHODS
from unionplan.plan.wording import number
from unionplan.plans.models import Target
from unionplan.plans.views import get_plan_or_404
from unionplan.review import cascade, notify
from unionplan.review.models import TargetCascade
from unionplan.review.views import refused


@login_required
def split(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Target.objects.select_related("plan__organization"), pk=pk)
    get_plan_or_404(request.user, target.plan_id)
    try:
        cascade.may_split(request.user, target)
    except UserInputError as error:
        return refused(request, error.message)
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    rows = cascade.rows(target)
    kept = TargetCascade.objects.filter(target=target).first()
    method = kept.method if kept else EQUAL
    typed: dict = {}
    if request.method == "POST":
        method = request.POST.get("method", "")
        try:
            typed = cascade.parse_typed(request.POST, rows)
            changed = cascade.split(
                target, request.user, method, typed, site=notify.site_of(request)
            )
        except UserInputError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("目标已分解，%(n)d个工会的份额有变化。") % {"n": changed})
            return redirect("review:cascade", pk=target.pk)
    for row in rows:
        shown = number(row.share.value) if row.share else ""
        row.typed = request.POST.get(f"share-{row.union.pk}", shown) if request.POST else shown
    return render(
        request,
        "review/cascade.html",
        {
            "target": target,
            "plan": target.plan,
            "rows": rows,
            "methods": [(code, _(label)) for code, label in METHODS],
            "method": method,
            "total_shares": sum((row.share.value for row in rows if row.share), Decimal(0)),
        },
    )
