"""The filter a 参加范围 becomes, and a pure evaluator of it over one member.

The Django layer translates a ``ScopeFilter`` into an ORM query; ``matches`` is the reference
semantics both must agree on (tests compare them), so every rule is spelled out here:

- fields that are set are AND-ed; an unset field (None / empty list) does not restrict;
- list fields are any-of: ``status`` (member's status in the list), ``tags`` (member has at
  least one of them), ``posts`` (member's post *contains* one of the words: 语文教师 matches
  教师), ``departments`` (member's department *equals* one of them);
- ages are 周岁 (completed years) on the reference date, bounds inclusive; a member without a
  birth date never matches an age bound;
- ``birthday_month`` is 1-12 or "current" (the month of the reference date);
- ``target == "children"`` means the participants are the members' children: a member matches
  when the member fields match and at least one child is within the children age bounds
  (any child when no bound is given). Children bounds without that target mean "members who
  have such a child";
- ``any_of`` (one level, no nested ``any_of``, ``target`` only at the top): when non-empty the
  member must also match at least one of these clauses. It appears for phrases joining
  different kinds of people, e.g. 职工代表与部门负责人;
- ``new_hire`` (新入职): the member was hired (``hired_on``, or when the roster gives no hire
  date the day of joining the union, ``joined_on``) within the twelve months up to the
  reference date or later in the reference date's year — "the plan year or the last 12
  months"; a member with neither date does not match;
- ``union_level`` says whose members: "own" (the organization the scope is applied to
  itself, as in 总工会机关干部 or 总工会委员) or "grassroots" (members of grassroots unions: the
  union itself when it is one, the grassroots unions below a federation, as in 基层工会主席);
- ``sectors``: the member's union is of one of these sectors (企业职工 → "enterprise");
- ``hardship`` (困难职工, 特困职工): the member has an approved, not exited hardship file
  (困难职工档案) of the reference date's year, of any recognised class ("any") or of that
  class ("deep": 深度困难); the records, not the roster, say it (``MemberRecord.hardship``);
- ``target == "unions"`` (各基层工会): the participants are the grassroots unions below the
  organization, not people; only ``sectors`` applies to them (``union_matches``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from typing import Any

from unionplan.vocab import MEMBER_STATUSES

STATUSES = MEMBER_STATUSES  # the vocabulary's, named as the scope language's other lists
TARGETS = [("members", "会员本人"), ("children", "会员子女"), ("unions", "基层工会")]
UNION_LEVELS = [("own", "本级工会"), ("grassroots", "基层工会")]
CURRENT_MONTH = "current"
LIST_FIELDS = ("status", "tags", "posts", "departments", "sectors")


@dataclass(slots=True)
class ScopeFilter:
    """Who takes part, as data: JSON-serialisable through ``to_dict`` / ``from_dict``."""

    target: str = "members"
    age_min: int | None = None
    age_max: int | None = None
    gender: str | None = None
    status: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    birthday_month: int | str | None = None
    children_age_min: int | None = None
    children_age_max: int | None = None
    new_hire: bool = False
    union_level: str | None = None
    sectors: list[str] = field(default_factory=list)
    hardship: str | None = None
    any_of: list[ScopeFilter] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Every key, always (null / [] when unset), so consumers see one fixed shape."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["status"] = list(self.status)
        data["tags"] = list(self.tags)
        data["posts"] = list(self.posts)
        data["departments"] = list(self.departments)
        data["sectors"] = list(self.sectors)
        data["any_of"] = [clause.to_dict() for clause in self.any_of]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScopeFilter:
        """The inverse of ``to_dict``; missing keys take their defaults."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["any_of"] = [cls.from_dict(c) for c in data.get("any_of") or []]
        for name in LIST_FIELDS:
            values[name] = list(values.get(name) or [])
        return cls(**values)

    def names_hardship(self) -> bool:
        """True when it says who has a hardship file (困难职工), here or in an alternative:
        a list of such people is personal data."""
        return bool(self.hardship) or any(clause.hardship for clause in self.any_of)

    def is_everyone(self) -> bool:
        """True when the filter restricts nothing (all members of the organisation)."""
        return self == ScopeFilter()


@dataclass(slots=True)
class MemberRecord:
    """The few member facts a scope can talk about (the Django model has more)."""

    birth_date: date | None = None
    gender: str | None = None
    status: str = "active"
    tags: frozenset[str] | tuple[str, ...] = ()
    department: str = ""
    post: str = ""
    children_birth_dates: tuple[date, ...] = ()
    name: str = ""
    hired_on: date | None = None
    joined_on: date | None = None
    # Where the member is, seen from the organization the scope is applied to: in that
    # organization itself (``own``), in a grassroots union (``grassroots``), in which sector.
    own: bool = True
    grassroots: bool = True
    sector: str = ""
    # The classes of the member's approved, not exited hardship files of the year.
    hardship: frozenset[str] | tuple[str, ...] = ()


@dataclass(slots=True)
class UnionRecord:
    """A union below the organization, for scopes whose participants are unions."""

    kind: str = "grassroots"
    sector: str = ""


def age_on(birth_date: date, on_date: date) -> int:
    """周岁 on ``on_date``: completed years (someone born on 29 Feb turns older on 1 Mar)."""
    before_birthday = (on_date.month, on_date.day) < (birth_date.month, birth_date.day)
    return on_date.year - birth_date.year - before_birthday


def _years_before(day: date, years: int) -> date:
    year = day.year - years
    try:
        return day.replace(year=year)
    except ValueError:  # 29 Feb in a common year
        return date(year, 2, 28)


def age_bounds_to_birth_dates(
    age_min: int | None, age_max: int | None, on_date: date
) -> tuple[date | None, date | None]:
    """Inclusive (earliest_birth, latest_birth) so an age bound is a range on birth_date.

    ``age_on(b, on_date) >= age_min``  ⇔  ``b <= latest_birth``;
    ``age_on(b, on_date) <= age_max``  ⇔  ``b >= earliest_birth``. None means unbounded. This
    lets the database use an index on birth_date instead of computing ages row by row.
    """
    latest = _years_before(on_date, age_min) if age_min is not None else None
    earliest = None
    if age_max is not None:
        earliest = _years_before(on_date, age_max + 1) + timedelta(days=1)
    return earliest, latest


def _age_within(birth: date | None, low: int | None, high: int | None, on_date: date) -> bool:
    if low is None and high is None:
        return True
    if birth is None:
        return False
    age = age_on(birth, on_date)
    return (low is None or age >= low) and (high is None or age <= high)


def new_hire_window(on_date: date) -> tuple[date, date]:
    """(first, last) hire date, inclusive, of a 新入职 member counted on ``on_date``: within the
    twelve months up to ``on_date``, or later in its year (the plan year)."""
    return _years_before(on_date, 1) + timedelta(days=1), date(on_date.year, 12, 31)


def _newly_hired(member: MemberRecord, on_date: date) -> bool:
    hired = member.hired_on or member.joined_on
    if hired is None:
        return False
    first, last = new_hire_window(on_date)
    return first <= hired <= last


def _union_level_matches(level: str | None, member: MemberRecord) -> bool:
    if level == "own":
        return member.own
    if level == "grassroots":
        return member.grassroots
    return True


def _any_child_within(children: Iterable[date], scope: ScopeFilter, on_date: date) -> bool:
    low, high = scope.children_age_min, scope.children_age_max
    return any(_age_within(child, low, high, on_date) for child in children)


def _birthday_month(scope: ScopeFilter, on_date: date) -> int | None:
    if scope.birthday_month == CURRENT_MONTH:
        return on_date.month
    return scope.birthday_month  # type: ignore[return-value]


def _clause_matches(scope: ScopeFilter, member: MemberRecord, on_date: date) -> bool:
    if not _age_within(member.birth_date, scope.age_min, scope.age_max, on_date):
        return False
    if scope.gender and member.gender != scope.gender:
        return False
    if scope.status and member.status not in scope.status:
        return False
    if scope.tags and not set(scope.tags).intersection(member.tags):
        return False
    if scope.posts and not any(word in member.post for word in scope.posts):
        return False
    if scope.departments and member.department not in scope.departments:
        return False
    if scope.new_hire and not _newly_hired(member, on_date):
        return False
    if not _union_level_matches(scope.union_level, member):
        return False
    if scope.sectors and member.sector not in scope.sectors:
        return False
    if scope.hardship and not _in_hardship(scope.hardship, member.hardship):
        return False
    month = _birthday_month(scope, on_date)
    if month is not None and (member.birth_date is None or member.birth_date.month != month):
        return False
    wants_children = scope.children_age_min is not None or scope.children_age_max is not None
    return not wants_children or _any_child_within(member.children_birth_dates, scope, on_date)


def _in_hardship(wanted: str, classes: Iterable[str]) -> bool:
    """ "any": a file of any recognised class; otherwise a file of that class."""
    classes = set(classes)
    return bool(classes) if wanted == "any" else wanted in classes


def matches(scope: ScopeFilter, member: MemberRecord, on_date: date) -> bool:
    """Whether ``member`` is in ``scope`` on ``on_date`` (the reference semantics).

    A scope of unions (``target == "unions"``) has no members: see ``union_matches``."""
    if scope.target == "unions":
        return False
    if not _clause_matches(scope, member, on_date):
        return False
    if scope.target == "children" and not _any_child_within(
        member.children_birth_dates, scope, on_date
    ):
        return False
    return not scope.any_of or any(_clause_matches(c, member, on_date) for c in scope.any_of)


def union_matches(scope: ScopeFilter, union: UnionRecord) -> bool:
    """Whether a union below the organization is one of the participants of ``scope``."""
    if scope.target != "unions" or union.kind != "grassroots":
        return False
    return not scope.sectors or union.sector in scope.sectors
