"""Who takes part in an activity: its 参加范围 resolved against the registry.

Whose members: those of the plan's organization and of every union below it (a federation's
“慰问全市劳模” reaches its grassroots unions; a grassroots union has no unions below it).

The reference date of an item is its date, or the first day of its month in the plan's year:
“70周岁以上” is counted on the day of the visit, not on the day the plan is printed.

A scope with unresolved words (``ScopeResult.resolved`` is False) is never applied as if it
were understood: ``counts_for_items`` gives None for it, and the participant page lists the
members of the understood part under a warning that names the words it could not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from unionplan.members.models import Child, Member
from unionplan.members.scope_query import children_age_q, scope_q
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.scope import ScopeFilter, ScopeResult, parse_scope


@dataclass(frozen=True)
class Participants:
    """The people of a scope. For “14岁以下职工子女” (target "children") the participants are
    the children: ``children`` lists them and ``count`` counts them; ``members`` are always
    the members the (understood part of the) scope selects."""

    scope: ScopeResult
    on_date: date
    members: QuerySet  # Member rows

    @property
    def complete(self) -> bool:
        """True when every word of the scope was understood."""
        return self.scope.resolved

    @property
    def for_children(self) -> bool:
        return self.scope.filter.target == "children"

    @property
    def children(self) -> QuerySet:
        return children_of(self.members, self.scope.filter, self.on_date)

    def count(self) -> int:
        return (self.children if self.for_children else self.members).count()


def resolve(org: Organization, scope_text: str, on_date: date) -> Participants:
    """The members of ``org`` (and below) within ``scope_text`` on ``on_date``."""
    scope = parse_scope(scope_text)
    members = Member.objects.in_tree_of(org).filter(scope_q(scope.filter, on_date))
    return Participants(scope=scope, on_date=on_date, members=members)


def children_of(members: QuerySet, scope: ScopeFilter, on_date: date) -> QuerySet:
    """The children of ``members`` within the scope's children age bounds."""
    return Child.objects.filter(member__in=members.values("pk")).filter(
        children_age_q(scope.children_age_min, scope.children_age_max, on_date)
    )


def item_date(item: ScheduleItem, plan: Plan | None = None) -> date:
    """The day an item's ages are counted on: its date, else the 1st of its month."""
    return item.date or date((plan or item.plan).year, item.month, 1)


def resolve_item(item: ScheduleItem) -> Participants:
    return resolve(item.plan.organization, item.scope, item_date(item))


def counts_for_items(plan: Plan, items: Iterable[ScheduleItem]) -> dict[int, int | None]:
    """{item id: number of participants}, None where the scope is not fully understood.

    At most three queries whatever the number of items (one to see whether the union has
    unions below it, see ``MemberQuerySet.in_tree_of``): each distinct (scope, date) becomes a
    filtered COUNT in a single aggregate over the organization's members (and one over their
    children for scopes about children), so the database reads the rows once and no member
    data comes to Python — a federation has a million members, too many to load and match
    in Python, while a COUNT per item would grow with the plan.
    """
    items = list(items)
    parsed = {text: parse_scope(text) for text in {item.scope for item in items}}
    keys: dict[tuple[str, date], str] = {}
    for item in items:
        if parsed[item.scope].resolved:
            keys.setdefault((item.scope, item_date(item, plan)), f"c{len(keys)}")
    totals = _aggregate_counts(plan.organization, keys, parsed) if keys else {}
    result: dict[int, int | None] = {}
    for item in items:
        alias = keys.get((item.scope, item_date(item, plan)))
        result[item.pk] = totals.get(alias) if alias else None
    return result


def _aggregate_counts(
    org: Organization, keys: dict[tuple[str, date], str], parsed: dict[str, ScopeResult]
) -> dict[str, int]:
    members = Member.objects.in_tree_of(org)
    of_members, of_children = {}, {}
    for (text, on_date), alias in keys.items():
        scope = parsed[text].filter
        condition = scope_q(scope, on_date)
        if scope.target == "children":
            condition = Q(member__in=members.filter(condition).values("pk"))
            condition &= children_age_q(scope.children_age_min, scope.children_age_max, on_date)
            of_children[alias] = Count("pk", filter=condition)
        else:
            of_members[alias] = Count("pk", filter=condition) if condition else Count("pk")
    totals = members.aggregate(**of_members) if of_members else {}
    if of_children:
        children = Child.objects.filter(member__in=members.values("pk"))
        totals |= children.aggregate(**of_children)
    return totals


def attach_counts(plan: Plan, items: Iterable[ScheduleItem]) -> list[ScheduleItem]:
    """``items`` with ``participant_count`` set on each (for templates, which cannot index
    a dict by a variable); render it with ``members/_item_participants.html``."""
    items = list(items)
    counts = counts_for_items(plan, items)
    for item in items:
        item.participant_count = counts[item.pk]
    return items
