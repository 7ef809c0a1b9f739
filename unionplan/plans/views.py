"""Plan pages (placeholder until the plan editor lands)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from unionplan.orgs.access import visible_organizations
from unionplan.plans.models import Plan
from unionplan.plans.outline import build_outline


def get_plan_or_404(user, pk: int) -> Plan:
    """The plan ``pk`` if ``user`` may see its organization; 404 otherwise."""
    plan = (
        Plan.objects.select_related("organization")
        .filter(pk=pk, organization__in=visible_organizations(user))
        .first()
    )
    if plan is None:
        raise Http404
    return plan


@login_required
def detail(request, pk: int):
    plan = get_plan_or_404(request.user, pk)
    return render(request, "plans/detail.html", {"plan": plan, "outline": build_outline(plan)})


@login_required
def create(request, org_pk: int):
    raise Http404
