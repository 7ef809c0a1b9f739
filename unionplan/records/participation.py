"""The list of people to tick on a record: the activity's 参加范围 resolved in the registry.

When the scope is fully understood the list is its members; when it has words the scope
language could not read, or no member matches, everyone of the union is offered instead (a
record says who came, and people outside the planned scope do come). Members already ticked
on the record are always offered, so editing never silently drops one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from unionplan.members.models import Member
from unionplan.members.participants import item_date, resolve
from unionplan.plans.models import ScheduleItem

MAX_LISTED = 500  # more than any activity's sign-in sheet; beyond it, count the others


@dataclass
class Candidates:
    members: list[Member]
    total: int  # members of the list before MAX_LISTED was applied
    from_scope: bool  # False when everyone of the union is offered
    unresolved: list[str] = field(default_factory=list)
    ticked: list[int] = field(default_factory=list)

    @property
    def truncated(self) -> bool:
        return self.total > len(self.members)


def candidates(item: ScheduleItem, record=None) -> Candidates:
    org = item.plan.organization
    ticked = list(record.attendees.values_list("pk", flat=True)) if record else []
    participants = resolve(org, item.scope, item_date(item)) if item.scope.strip() else None
    everyone = Member.objects.under(org)
    chosen, from_scope = everyone, False
    if participants is not None and participants.complete:
        chosen, from_scope = participants.members, True
    members = list(
        everyone.filter(Q(pk__in=chosen.values("pk")) | Q(pk__in=ticked)).order_by(
            "department", "name", "id"
        )[:MAX_LISTED]
    )
    if from_scope and not members:
        members = list(everyone.order_by("department", "name", "id")[:MAX_LISTED])
        from_scope = False
    total = len(members) if len(members) < MAX_LISTED else chosen.count()
    unresolved = list(participants.scope.unresolved) if participants else []
    return Candidates(members, total, from_scope, unresolved, ticked)
