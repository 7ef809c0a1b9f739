"""A ``ScopeFilter`` (unionplan.scope.filter) as an ORM condition on ``Member``.

``unionplan.scope.filter.matches`` is the reference meaning; this module says the same thing
in SQL so that a million members are counted by the database, with its indexes, instead of
being loaded. Tests compare both on a varied generated population. Choices for speed:

- an age bound becomes a birth_date range (``age_bounds_to_birth_dates``): indexable, and
  NULL birth dates drop out by themselves, as in ``matches``;
- ``birthday_month`` reads the stored ``birth_month`` column, not a date function;
- tags and children are ``id IN (SELECT member_id …)`` subqueries on tables indexed by
  (tag, member) and (birth_date, member): the database starts from the few tagged members or
  young children instead of probing once per member (a correlated EXISTS over a million
  members took seconds), and a member with three tags is still counted once;
- ``posts`` uses ``StrIndex`` (INSTR / STRPOS): case-sensitive like Python's ``in``, which
  LIKE on SQLite is not.
"""

from __future__ import annotations

import operator
from datetime import date
from functools import reduce

from django.db.models import Q, Value
from django.db.models.functions import StrIndex
from django.db.models.lookups import GreaterThan

from unionplan.members.models import Child, MemberTag
from unionplan.scope.filter import CURRENT_MONTH, ScopeFilter, age_bounds_to_birth_dates


def scope_q(scope: ScopeFilter, on_date: date) -> Q:
    """The condition of ``scope`` on ``on_date``; ``Q()`` (everyone) for an empty filter."""
    condition = _clause_q(scope, on_date)
    if scope.target == "children":
        condition &= _children_q(scope.children_age_min, scope.children_age_max, on_date)
    clauses = [_clause_q(clause, on_date) for clause in scope.any_of]
    # An empty Q means "everyone" but Q() | Q(x) is Q(x) in Django: an any_of with an
    # unrestricted clause restricts nothing.
    if clauses and all(clauses):
        condition &= reduce(operator.or_, clauses)
    return condition


def _clause_q(scope: ScopeFilter, on_date: date) -> Q:
    parts = [_age_q("birth_date", scope.age_min, scope.age_max, on_date)]
    if scope.gender:
        parts.append(Q(gender=scope.gender))
    if scope.status:
        parts.append(Q(status__in=scope.status))
    if scope.tags:
        tagged = MemberTag.objects.filter(tag__name__in=scope.tags).values("member_id")
        parts.append(Q(pk__in=tagged))
    if scope.posts:
        parts.append(reduce(operator.or_, (_contains("post", word) for word in scope.posts)))
    if scope.departments:
        parts.append(Q(department__in=scope.departments))
    month = on_date.month if scope.birthday_month == CURRENT_MONTH else scope.birthday_month
    if month is not None:
        parts.append(Q(birth_month=month))
    if scope.children_age_min is not None or scope.children_age_max is not None:
        parts.append(_children_q(scope.children_age_min, scope.children_age_max, on_date))
    return reduce(operator.and_, parts)


def _age_q(field: str, age_min: int | None, age_max: int | None, on_date: date) -> Q:
    earliest, latest = age_bounds_to_birth_dates(age_min, age_max, on_date)
    condition = Q()
    if earliest is not None:
        condition &= Q(**{f"{field}__gte": earliest})
    if latest is not None:
        condition &= Q(**{f"{field}__lte": latest})
    return condition


def _children_q(age_min: int | None, age_max: int | None, on_date: date) -> Q:
    """Members with at least one child within the bounds (any child when unbounded)."""
    children = Child.objects.filter(children_age_q(age_min, age_max, on_date))
    return Q(pk__in=children.values("member_id"))


def children_age_q(age_min: int | None, age_max: int | None, on_date: date) -> Q:
    """The condition on ``Child`` rows for children's age bounds."""
    return _age_q("birth_date", age_min, age_max, on_date)


def _contains(field: str, word: str) -> Q:
    return Q(GreaterThan(StrIndex(field, Value(word)), 0))
