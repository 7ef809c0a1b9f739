"""A ``ScopeFilter`` (unionplan.scope.filter) as an ORM condition on ``Member``.

``unionplan.scope.filter.matches`` is the reference meaning; this module says the same thing
in SQL so that a million members are counted by the database, with its indexes, instead of
being loaded. Tests compare both on a varied generated population. Choices for speed:

- an age bound becomes a birth_date range (``age_bounds_to_birth_dates``): indexable, and
  NULL birth dates drop out by themselves, as in ``matches``;
- ``birthday_month`` reads the stored ``birth_month`` column, not a date function;
- tags and children are subqueries on tables indexed by (tag, member), (member, birth_date)
  and (birth_date, member), in one of two shapes chosen by the caller: ``per_member=True``
  (one union: a correlated EXISTS probes the index once per member of the union, a few
  hundred probes) or ``per_member=False`` (a federation: ``id IN (SELECT member_id …)`` starts
  from the tagged members or the young children, where a million probes took seconds). A
  member with three tags is counted once either way;
- ``posts`` uses ``StrIndex`` (INSTR / STRPOS): case-sensitive like Python's ``in``, which
  LIKE on SQLite is not;
- ``new_hire`` is a range on the stored ``new_hire_date`` (``hired_on``, else ``joined_at``),
  in the covering index like ``birth_date``;
- ``union_level`` and ``sectors`` compare the member's organization: "own" is the
  organization the scope is applied to (``org``), "grassroots" and sectors are a subquery on
  the few organizations below it, so the member rows need no join;
- ``hardship`` (困难职工) is ``id IN`` the members of the year's approved hardship files, a
  query the welfare app registers (``record_scopes``): few rows, whatever the union's size.
"""

from __future__ import annotations

import operator
from dataclasses import replace
from datetime import date
from functools import reduce

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from unionplan.members.models import Child, MemberTag
from unionplan.members.record_scopes import hardship_member_ids
from unionplan.orgs.models import Organization
from unionplan.scope.filter import (
    CURRENT_MONTH,
    ScopeFilter,
    age_bounds_to_birth_dates,
    new_hire_window,
)


def scope_q(
    scope: ScopeFilter, on_date: date, per_member: bool = True, org: Organization | None = None
) -> Q:
    """The condition of ``scope`` on ``on_date``; ``Q()`` (everyone) for an empty filter.

    ``org`` is the organization the scope is applied to; it is needed for ``union_level``
    and ``sectors`` (a ValueError without it: guessing would widen the scope)."""
    if scope.target == "unions":
        return Q(pk__in=[])  # unions take part, no member does (see unions_q)
    condition = _clause_q(scope, on_date, per_member, org)
    if scope.target == "children":
        bounds = (scope.children_age_min, scope.children_age_max)
        condition &= _children_q(*bounds, on_date, per_member)
    clauses = [_clause_q(clause, on_date, per_member, org) for clause in scope.any_of]
    # An empty Q means "everyone" but Q() | Q(x) is Q(x) in Django: an any_of with an
    # unrestricted clause restricts nothing.
    if clauses and all(clauses):
        condition &= reduce(operator.or_, clauses)
    return condition


def parents_q(
    scope: ScopeFilter, on_date: date, per_member: bool = True, org: Organization | None = None
) -> Q:
    """The members whose children a children scope lists: the scope without its children
    bounds (the children query applies them; a child within them implies such a parent), so
    the database does not look the children up twice."""
    if scope.target != "children":
        return scope_q(scope, on_date, per_member, org)
    return scope_q(
        replace(scope, target="members", children_age_min=None, children_age_max=None),
        on_date,
        per_member,
        org,
    )


def unions_q(scope: ScopeFilter, org: Organization) -> Q:
    """The grassroots unions below ``org`` a scope of unions (各基层工会) names."""
    condition = Q(path__startswith=org.path, kind="grassroots") & ~Q(pk=org.pk)
    if scope.sectors:
        condition &= Q(sector__in=scope.sectors)
    return condition


def _clause_q(scope: ScopeFilter, on_date: date, per_member: bool, org: Organization | None) -> Q:
    parts = [_age_q("birth_date", scope.age_min, scope.age_max, on_date)]
    if scope.gender:
        parts.append(Q(gender=scope.gender))
    if scope.status:
        parts.append(Q(status__in=scope.status))
    if scope.tags:
        tagged = MemberTag.objects.filter(tag__name__in=scope.tags)
        parts.append(_having(tagged, per_member))
    if scope.posts:
        parts.append(reduce(operator.or_, (_contains("post", word) for word in scope.posts)))
    if scope.departments:
        parts.append(Q(department__in=scope.departments))
    month = on_date.month if scope.birthday_month == CURRENT_MONTH else scope.birthday_month
    if month is not None:
        parts.append(Q(birth_month=month))
    if scope.children_age_min is not None or scope.children_age_max is not None:
        bounds = (scope.children_age_min, scope.children_age_max)
        parts.append(_children_q(*bounds, on_date, per_member))
    if scope.new_hire:
        parts.append(_new_hire_q(on_date))
    if scope.union_level or scope.sectors:
        parts.append(_organization_q(scope, _required(org)))
    if scope.hardship:
        parts.append(Q(pk__in=hardship_member_ids(scope.hardship, on_date.year)))
    return reduce(operator.and_, parts)


def _new_hire_q(on_date: date) -> Q:
    first, last = new_hire_window(on_date)
    return Q(new_hire_date__gte=first, new_hire_date__lte=last)


def _organization_q(scope: ScopeFilter, org: Organization) -> Q:
    """The member's union: ``org`` itself ("own"), grassroots unions, unions of sectors."""
    condition = Q(organization_id=org.pk) if scope.union_level == "own" else Q()
    unions = Organization.objects.filter(path__startswith=org.path)
    if scope.union_level == "grassroots":
        unions = unions.filter(kind="grassroots")
    if scope.sectors:
        unions = unions.filter(sector__in=scope.sectors)
    if scope.union_level == "grassroots" or scope.sectors:
        condition &= Q(organization_id__in=unions.values("pk"))
    return condition


def _required(org: Organization | None) -> Organization:
    if org is None:
        raise ValueError("a scope about whose union a member is in needs the organization")
    return org


def _having(rows, per_member: bool) -> Q:
    """Members with at least one of ``rows`` (MemberTag or Child rows)."""
    if per_member:
        return Q(Exists(rows.filter(member=OuterRef("pk"))))
    return Q(pk__in=rows.values("member_id"))


def _age_q(field: str, age_min: int | None, age_max: int | None, on_date: date) -> Q:
    earliest, latest = age_bounds_to_birth_dates(age_min, age_max, on_date)
    condition = Q()
    if earliest is not None:
        condition &= Q(**{f"{field}__gte": earliest})
    if latest is not None:
        condition &= Q(**{f"{field}__lte": latest})
    return condition


def _children_q(age_min: int | None, age_max: int | None, on_date: date, per_member: bool) -> Q:
    """Members with at least one child within the bounds (any child when unbounded)."""
    return _having(Child.objects.filter(children_age_q(age_min, age_max, on_date)), per_member)


def children_age_q(age_min: int | None, age_max: int | None, on_date: date) -> Q:
    """The condition on ``Child`` rows for children's age bounds."""
    return _age_q("birth_date", age_min, age_max, on_date)


def _contains(field: str, word: str) -> Q:
    return Q(GreaterThan(StrIndex(field, Value(word)), 0))
