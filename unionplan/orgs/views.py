"""An organization's page: its plans by year and the unions under it."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from unionplan.orgs.access import can_edit, get_organization_or_404
from unionplan.orgs.models import Organization


@login_required
@require_safe
def detail(request, pk: int):
    org = get_organization_or_404(request.user, pk)
    # Through the reverse relation of the plans app's foreign key: orgs stands below plans
    # and does not import it (the layers contract in pyproject.toml).
    plans = org.plans.order_by("-year", "title")
    children = Paginator(Organization.objects.filter(parent=org).order_by("name"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "orgs/detail.html",
        {
            "org": org,
            "plans": plans,
            "children": children,
            "ancestors": org.ancestors(),
            "can_edit": can_edit(request.user, org),
        },
    )
