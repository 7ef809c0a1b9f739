"""The plan page's participant counts, which the members app composes for the plans app.

Over a federation's members the counts take a noticeable time, so the plan page draws
without them and asks this view for all of them at once after it has loaded (htmx swaps
each count into its row). ``plans`` must not import ``members``; the page only names this
view's URL.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from unionplan.members.participants import counts_for_items, items_of_unions
from unionplan.plans.figures import url_maker
from unionplan.plans.outline import build_outline
from unionplan.plans.views import get_plan_or_404


@login_required
def plan_participant_counts(request: HttpRequest, pk: int) -> HttpResponse:
    """Every item's number of participants (None: its 参加范围 is unclear), one request;
    ``participants_are_unions`` marks a count of unions (各基层工会)."""
    plan = get_plan_or_404(request.user, pk)
    if request.method != "GET":  # looked up first: a stranger gets 404 whatever the method
        return HttpResponseNotAllowed(["GET"])
    items = [item for item in build_outline(plan).items if item.scope]
    counts = counts_for_items(plan, items)
    of_unions = items_of_unions(items)
    participants_url = url_maker("members:participants")
    for item in items:
        item.participants = counts.get(item.pk)
        item.participants_are_unions = item.pk in of_unions
        item.participants_url = participants_url(item.pk)
    return render(request, "members/plan_participant_counts.html", {"items": items})
