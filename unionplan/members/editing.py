"""One member at a time: add, change (a retirement is a change of 状态), remove.

The same checks as the roster import: a valid ID number (check digit, 15 digits upgraded),
birth date and gender agreeing with it (and filled from it), a phone that is a phone, an ID
number registered once per organization tree. Every change is written to the log of
changes (Django's ``LogEntry``) with the names of the fields changed, never their values:
the log must not become a second copy of ID numbers and phones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import transaction

from unionplan.errors import UserInputError
from unionplan.members import importing
from unionplan.members.importing import OTHER_UNION
from unionplan.members.models import Member, MemberTag, Tag, tree_root_of
from unionplan.orgs.models import Organization


@dataclass
class MemberInput:
    """A member's fields as a person typed them, already checked and normalised."""

    name: str
    id_number: str
    gender: str = ""
    birth_date: object = None
    phone: str = ""
    department: str = ""
    post: str = ""
    status: str = "active"
    joined_at: object = None
    hired_on: object = None
    note: str = ""
    tags: tuple[str, ...] = ()


STORED_FIELDS = [f.name for f in fields(MemberInput) if f.name != "tags"]


def input_of(member: Member) -> MemberInput:
    """What is stored, in the shape of a form's input (to compare and to fill a form)."""
    values = {name: getattr(member, name) for name in STORED_FIELDS}
    tags = tuple(link.tag.name for link in member.member_tags.select_related("tag"))
    return MemberInput(**values, tags=tags)


def check_unique(org: Organization, id_number: str, member: Member | None) -> None:
    """One ID number once per organization tree, as the import requires."""
    other = (
        Member.objects.filter(tree_root=tree_root_of(org), id_number=id_number)
        .exclude(pk=member.pk if member else None)
        .select_related("organization")
        .first()
    )
    if other is None:
        return
    if other.organization_id == org.pk:
        raise UserInputError(
            f"该身份证号已登记为本工会会员“{other.name}”，请修改该会员而不要重复添加"
        )
    raise UserInputError(OTHER_UNION)


def changed_fields(member: Member, data: MemberInput) -> list[str]:
    """Names of the fields ``data`` would change on ``member`` (tags included)."""
    stored = input_of(member)
    names = [name for name in STORED_FIELDS if getattr(stored, name) != getattr(data, name)]
    if sorted(stored.tags) != sorted(data.tags):
        names.append("tags")
    return names


@transaction.atomic
def save_member(
    org: Organization, data: MemberInput, user, member: Member | None = None
) -> tuple[Member, list[str]]:
    """Add a member to ``org`` (or change ``member``); returns it and the fields changed.

    Saving unchanged values writes nothing, not even a log entry.
    """
    check_unique(org, data.id_number, member)
    is_new = member is None
    changed = [*STORED_FIELDS, "tags"] if is_new else changed_fields(member, data)
    if not changed:
        return member, []
    member = member or Member(organization=org)
    for name in STORED_FIELDS:
        setattr(member, name, getattr(data, name))
    member.save()
    if "tags" in changed:
        _set_tags(member, data.tags)
    _log(user, member, ADDITION if is_new else CHANGE, [] if is_new else changed)
    return member, changed


def _set_tags(member: Member, names: tuple[str, ...]) -> None:
    MemberTag.objects.filter(member=member).delete()
    tags = [Tag.objects.get_or_create(name=name)[0] for name in dict.fromkeys(names)]
    MemberTag.objects.bulk_create(MemberTag(member=member, tag=tag) for tag in tags)


@transaction.atomic
def remove_member(member: Member, user) -> None:
    """Delete ``member`` (with children and tags); the log keeps who removed whom."""
    _log(user, member, DELETION, [])
    member.delete()


def _log(user, member: Member, action: int, changed: list[str]) -> None:
    labels = [str(Member._meta.get_field(name).verbose_name) for name in changed]
    message = json.dumps([{"changed": {"fields": labels}}] if labels else [{"added": {}}])
    if action == DELETION:
        message = json.dumps([{"deleted": {"name": str(Member._meta.verbose_name)}}])
    LogEntry.objects.log_actions(
        user.pk, [member], action, change_message=message, single_object=True
    )


def looks_retired(data: MemberInput) -> bool:
    """The import's hint, for one member typed in the form."""
    return importing.looks_retired(data.status, data.department, data.post)
