"""The home page: the organizations a person works in and their latest plans."""

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import render

from unionplan.orgs.access import visible_organizations
from unionplan.plans.models import Plan


@login_required
def home(request):
    # The organizations a person holds a role on (their subtree is reached from there).
    held = {role.organization_id for role in request.user.union_roles.all()}
    roots = visible_organizations(request.user)
    if not request.user.is_superuser:
        roots = roots.filter(pk__in=held)
    else:
        roots = roots.filter(parent__isnull=True)
    roots = roots.prefetch_related(
        Prefetch("plans", queryset=Plan.objects.order_by("-year", "title"), to_attr="all_plans")
    )
    roots = list(roots[:50])
    for org in roots:
        org.recent_plans = org.all_plans[:5]
    return render(request, "core/home.html", {"roots": roots})
