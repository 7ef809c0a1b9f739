"""Who sees full ID numbers and phone numbers, and the log of every export of personal data.

The rule: only the union's chair (工会主席 — on this union or on a federation above it; a
superuser counts as one) sees full ID numbers and phones, in pages and in exports. Committee
members, staff and viewers see 110105********002X and 138****5678: they organise activities,
for which a name and a department are enough, and a masked number still tells two people of
the same name apart. Sign-in sheets carry no ID numbers or phones at all.
"""

from __future__ import annotations

from unionplan.members.models import ExportLog
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization

FULL_NUMBER_ROLES = frozenset({"chair"})


def sees_full_numbers(user, org: Organization) -> bool:
    return role_in(user, org) in FULL_NUMBER_ROLES


def log_export(user, org: Organization, what: str, rows: int, masked: bool) -> ExportLog:
    """Record an export; called before the file is sent, so a failed log means no file."""
    return ExportLog.objects.create(
        user=user, username=user.get_username(), organization=org, what=what[:300], rows=rows,
        masked=masked,
    )  # fmt: skip
