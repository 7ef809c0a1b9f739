"""The registry written back out as a roster file, the one the import reads back."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.db.models import Prefetch

from unionplan.core import uploads
from unionplan.members.models import Member, MemberTag
from unionplan.orgs.models import Organization
from unionplan.roster import MemberRow, write_roster_xlsx


def registry_xlsx(org: Organization, masked: bool) -> tuple[bytes, int]:
    """The registry of ``org`` as a roster .xlsx (by department and name); (content, rows)."""
    members = (
        Member.objects.filter(organization=org)
        .order_by("department", "name")
        .prefetch_related(
            Prefetch("member_tags", queryset=MemberTag.objects.select_related("tag")), "children"
        )
    )
    return members_xlsx(members, masked=masked)


def members_xlsx(members: Iterable[Member], masked: bool) -> tuple[bytes, int]:
    """The members as a roster .xlsx that ``read_roster`` reads back; (content, row count)."""
    rows = [_row_of(member, number) for number, member in enumerate(members, 2)]
    # The private folder of uploaded rosters: the file holds full ID numbers too.
    with tempfile.NamedTemporaryFile(dir=uploads.rosters().folder, suffix=".xlsx") as handle:
        write_roster_xlsx(rows, handle.name, masked=masked)
        return Path(handle.name).read_bytes(), len(rows)


def _row_of(member: Member, number: int) -> MemberRow:
    return MemberRow(
        row=number,
        name=member.name,
        gender=member.gender or None,
        birth_date=member.birth_date,
        id_number=member.id_number,
        phone=member.phone,
        department=member.department,
        post=member.post,
        status=member.status,
        joined_on=member.joined_at,
        hired_on=member.hired_on,
        tags=tuple(link.tag.name for link in member.member_tags.all()),
        children=tuple((child.name, child.birth_date) for child in member.children.all()),
        note=member.note,
        standing=member.standing,
        standing_since=member.standing_since,
        dues_paid_through=member.dues_paid_through,
        in_fund_base=member.in_fund_base,
        secondment=member.secondment,
    )
