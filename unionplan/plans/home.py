"""The home page: the organizations a person works in, their latest plans, and what is coming up.

"What is coming up" is one query whatever the number of activities or organizations: activities
of the person's organizations (and those below them) that start, or end, in the next
``COMING_UP_DAYS`` days, with their owner (负责人), capped at ``COMING_UP_LIMIT`` rows.
"""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from unionplan.orgs.access import visible_organizations
from unionplan.plans.models import Plan, ScheduleItem

COMING_UP_DAYS = 14
COMING_UP_LIMIT = 50


@login_required
@require_safe
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
    today = timezone.localdate()
    due = coming_up(request.user, today)
    return render(
        request,
        "plans/home.html",
        {
            "roots": roots,
            "due": due[:COMING_UP_LIMIT],
            "due_more": len(due) > COMING_UP_LIMIT,
            "due_until": today + dt.timedelta(days=COMING_UP_DAYS - 1),
            "due_days": COMING_UP_DAYS,
            "today": today,
        },
    )


def coming_up(user, today: dt.date) -> list[ScheduleItem]:
    """Open activities starting or ending within ``COMING_UP_DAYS`` days, soonest first (1 query)."""
    until = today + dt.timedelta(days=COMING_UP_DAYS - 1)
    starts = Q(date__range=(today, until))
    ends = Q(date__lt=today, end_date__range=(today, until))
    query = (
        ScheduleItem.objects.filter(starts | ends)
        .filter(
            plan__organization__in=visible_organizations(user),
            status__in=["planned", "postponed"],
        )
        .exclude(plan__status="archived")
        .select_related("plan__organization")
        .order_by("date", "id")
    )
    return list(query[: COMING_UP_LIMIT + 1])
