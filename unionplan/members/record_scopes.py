"""Who is a hardship worker, answered by the welfare app for the scope queries of members.

困难职工 in a 参加范围 means the members with an approved, not exited hardship file of the
year (``ScopeFilter.hardship``). Those files live in ``welfare``, which stands on
``members``: ``members`` must not import it. So the welfare app registers, when Django starts
it (``AppConfig.ready``), the query of such members and who may see them by name; the scope
query and the participant list call whatever is registered.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from unionplan.orgs.models import Organization

# (hardship: "any" or a class, year) -> a query of member ids
HardshipMembers = Callable[[str, int], QuerySet]
# (user, organization) -> whether the user may see the hardship files of the organization
HardshipReader = Callable[[object, Organization], bool]

_sources: dict[str, Callable] = {}


def register(members: HardshipMembers, may_see: HardshipReader) -> None:
    """Have ``members`` answer 困难职工 and ``may_see`` say who may list them by name."""
    _sources["members"] = members
    _sources["may_see"] = may_see


def hardship_member_ids(hardship: str, year: int) -> QuerySet:
    """The ids of the members with such a file of ``year``; without the welfare app, an
    error: guessing nobody would make a plan's headcount silently wrong."""
    if "members" not in _sources:
        raise LookupError("no hardship files are registered for 困难职工")
    return _sources["members"](hardship, year)


def may_list_hardship(user, org: Organization) -> bool:
    """Whether ``user`` may see the members of a 困难职工 scope by name (not their number)."""
    may_see = _sources.get("may_see")
    return bool(may_see and may_see(user, org))
