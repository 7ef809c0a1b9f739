"""Who takes part in an activity: its 参加范围 resolved against the registry.

Whose members: those of the plan's organization and of every union below it (a federation's
“慰问全市劳模” reaches its grassroots unions; a grassroots union has no unions below it). A
scope of unions (各基层工会, target "unions") counts and lists the grassroots unions below.

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

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from unionplan.members.models import Child, Member
from unionplan.members.scope_query import children_age_q, parents_q, scope_q, unions_q
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.scope import ScopeFilter, ScopeResult, parse_scope
from unionplan.scope.filter import CURRENT_MONTH


@dataclass(frozen=True)
class Participants:
    """The people of a scope. For “14岁以下职工子女” (target "children") the participants are
    the children: ``children`` lists them and ``count`` counts them; ``members`` are always
    the members the (understood part of the) scope selects."""

    scope: ScopeResult
    on_date: date
    members: QuerySet  # Member rows
    parents: QuerySet  # for a children scope: members whose children within bounds take part

    @property
    def complete(self) -> bool:
        """True when every word of the scope was understood."""
        return self.scope.resolved

    @property
    def for_children(self) -> bool:
        return self.scope.filter.target == "children"

    @property
    def for_unions(self) -> bool:
        return self.scope.filter.target == "unions"

    @property
    def names_hardship(self) -> bool:
        """True when the list says who has a hardship file (困难职工): personal data."""
        return self.scope.filter.names_hardship()

    per_member: bool = True
    org: Organization | None = None  # whose children: their org_key range (see children_of)

    @property
    def children(self) -> QuerySet:
        return children_of(self.parents, self.scope.filter, self.on_date, self.per_member, self.org)

    @property
    def unions(self) -> QuerySet:
        """For a scope of unions: the grassroots unions below, in the tree's order."""
        if not self.for_unions or self.org is None:
            return Organization.objects.none()
        return Organization.objects.filter(unions_q(self.scope.filter, self.org))

    def count(self) -> int:
        if self.for_unions:
            return self.unions.count()
        return (self.children if self.for_children else self.members).count()


def resolve(org: Organization, scope_text: str, on_date: date) -> Participants:
    """The members of ``org`` (and below) within ``scope_text`` on ``on_date``."""
    scope = parse_scope(scope_text)
    base, per_member = members_of(org)
    return Participants(
        scope=scope,
        on_date=on_date,
        members=base.filter(scope_q(scope.filter, on_date, per_member, org)),
        parents=base.filter(parents_q(scope.filter, on_date, per_member, org)),
        per_member=per_member,
        org=org,
    )


def members_of(org: Organization) -> tuple[QuerySet, bool]:
    """(the members of ``org`` and below, whether to probe tags/children per member).

    Both are an ``org_key`` range (the covering index ``member_key_cover``). A union without
    unions below it — most of them, a few hundred members — is best probed member by member
    for tags and children; a federation's tags and children are best read from their own
    indexes (see ``scope_query``). Finding out which costs one small query.
    """
    per_member = not Organization.objects.filter(parent=org).exists()
    return Member.objects.under(org), per_member


def children_of(
    members: QuerySet,
    scope: ScopeFilter,
    on_date: date,
    per_member: bool = True,
    org: Organization | None = None,
) -> QuerySet:
    """The children of ``members`` within the scope's children age bounds.

    With ``org`` (``members`` being its members, filtered by the scope's conditions on the
    parents) the children are read from their own org_key range, and the parents are checked
    only when the scope says something about them (“女职工的子女”): “14岁以下职工子女” over a
    federation is then one index range instead of a parent lookup per child. Checking a
    parent is by primary key per child for a federation, and through the union's few hundred
    member ids for one union (collecting a million member ids took a second).
    """
    bounds = children_age_q(scope.children_age_min, scope.children_age_max, on_date)
    if org is None:
        return Child.objects.filter(bounds).filter(_of_members(members, per_member))
    children = Child.objects.under(org).filter(bounds)
    if parents_q(scope, on_date, per_member, org):
        children = children.filter(_of_members(members, per_member))
    return children


def _of_members(members: QuerySet, per_member: bool) -> Q:
    if per_member:
        return Q(member__in=members.values("pk"))
    return Q(Exists(members.filter(pk=OuterRef("member_id"))))


def item_date(item: ScheduleItem, plan: Plan | None = None) -> date:
    """The day an item's ages are counted on: its date, else the 1st of its month."""
    return item.date or date((plan or item.plan).year, item.month, 1)


def resolve_item(item: ScheduleItem) -> Participants:
    return resolve(item.plan.organization, item.scope, item_date(item))


def counts_for_items(plan: Plan, items: Iterable[ScheduleItem]) -> dict[int, int | None]:
    """{item id: number of participants}, None where the scope is not fully understood.

    At most four queries whatever the number of items (one to see whether the union has
    unions below it, see ``members_of``): each distinct (scope, date) becomes a
    filtered COUNT in a single aggregate over the organization's members (and one over their
    children for scopes about children, one over the unions below for scopes of unions such
    as 各基层工会), so the database reads the rows once and no member
    data comes to Python — a federation has a million members, too many to load and match
    in Python, while a COUNT per item would grow with the plan.
    """
    items = list(items)
    parsed = {text: parse_scope(text) for text in {item.scope for item in items}}
    keys: dict[tuple[str, date], str] = {}
    for item in items:
        if parsed[item.scope].resolved:
            keys.setdefault(_count_key(item, plan, parsed), f"c{len(keys)}")
    totals = _aggregate_counts(plan.organization, keys, parsed) if keys else {}
    result: dict[int, int | None] = {}
    for item in items:
        alias = keys.get(_count_key(item, plan, parsed))
        result[item.pk] = totals.get(alias) if alias else None
    return result


def _count_key(item: ScheduleItem, plan: Plan, parsed: dict[str, ScopeResult]) -> tuple:
    """(scope, date) of an item's count; one date for a scope whose count does not depend on
    it (全体会员, 困难职工 …): twelve monthly items then share one COUNT, and a federation's
    million rows are counted that many times fewer."""
    on_date = item_date(item, plan)
    if not _depends_on_date(parsed[item.scope].filter):
        on_date = date(plan.year, 1, 1)
    return item.scope, on_date


def _depends_on_date(scope: ScopeFilter) -> bool:
    """Whether ages or “当月” appear anywhere in the scope (these are counted on a date)."""
    bounds = (scope.age_min, scope.age_max, scope.children_age_min, scope.children_age_max)
    if any(bound is not None for bound in bounds) or scope.birthday_month == CURRENT_MONTH:
        return True
    if scope.new_hire:
        return True
    return any(_depends_on_date(clause) for clause in scope.any_of)


def _aggregate_counts(
    org: Organization, keys: dict[tuple[str, date], str], parsed: dict[str, ScopeResult]
) -> dict[str, int]:
    members, per_member = members_of(org)
    of_members, of_children, of_unions = {}, {}, {}
    for (text, on_date), alias in keys.items():
        scope = parsed[text].filter
        if scope.target == "unions":
            of_unions[alias] = Count("pk", filter=unions_q(scope, org))
        elif scope.target == "children":
            condition = children_age_q(scope.children_age_min, scope.children_age_max, on_date)
            on_parents = parents_q(scope, on_date, per_member, org)
            if on_parents:
                condition &= _of_members(members.filter(on_parents), per_member)
            of_children[alias] = Count("pk", filter=condition) if condition else Count("pk")
        else:
            condition = scope_q(scope, on_date, per_member, org)
            of_members[alias] = Count("pk", filter=condition) if condition else Count("pk")
    totals = members.aggregate(**of_members) if of_members else {}
    if of_children:
        totals |= Child.objects.under(org).aggregate(**of_children)
    if of_unions:
        totals |= Organization.objects.subtree_of(org).aggregate(**of_unions)
    return totals


def items_of_unions(items: Iterable[ScheduleItem]) -> set[int]:
    """The ids of the items whose participants are unions (各基层工会): their count is of
    unions, not people."""
    targets = {text: parse_scope(text).filter.target for text in {i.scope for i in items}}
    return {item.pk for item in items if targets[item.scope] == "unions"}


def attach_counts(plan: Plan, items: Iterable[ScheduleItem]) -> list[ScheduleItem]:
    """``items`` with ``participant_count`` set on each (for templates, which cannot index
    a dict by a variable); render it with ``members/_item_participants.html``."""
    items = list(items)
    counts = counts_for_items(plan, items)
    of_unions = items_of_unions(items)
    for item in items:
        item.participant_count = counts[item.pk]
        item.participants_are_unions = item.pk in of_unions
    return items
