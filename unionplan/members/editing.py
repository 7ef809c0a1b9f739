"""One member at a time: add, change (a retirement is a change of 状态), remove, transfer.

The same checks as the roster import: a valid ID number (check digit, 15 digits upgraded),
birth date and gender agreeing with it (and filled from it), a phone that is a phone, an ID
number registered once per organization tree. Every change is written to the log of
changes (Django's ``LogEntry``) with the names of the fields changed, never their values:
the log must not become a second copy of ID numbers and phones.

A change of 会籍 is kept as a ``MembershipChange`` and written to the audit log. A member
another union has marked 转出 is taken over, history and all, by the union that adds the
same ID number (一次入会、动态接转), and a cadre who may change both unions can transfer a
member directly: either way both unions' audit logs record it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import transaction
from django.utils import timezone

from unionplan import vocab
from unionplan.audit.models import record as audit
from unionplan.errors import UserInputError
from unionplan.members import importing
from unionplan.members.importing import OTHER_UNION
from unionplan.members.models import Member, MembershipChange, MemberTag, Tag, tree_root_of
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
    standing: str = "normal"
    standing_since: object = None
    dues_paid_through: object = None
    in_fund_base: bool | None = None
    secondment: str = ""
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

    Saving unchanged values writes nothing, not even a log entry. Adding the ID number of
    a member another union has marked 转出 takes that member over (``transfer``).
    """
    if member is None and (leaving := transferred_out(data.id_number)) is not None:
        return transfer(leaving, org, user, data=data)
    check_unique(org, data.id_number, member)
    is_new = member is None
    before = member.standing if member else None
    changed = [*STORED_FIELDS, "tags"] if is_new else changed_fields(member, data)
    if not changed:
        return member, []
    member = member or Member(organization=org)
    for name in STORED_FIELDS:
        setattr(member, name, getattr(data, name))
    standing_moved = member.standing != (before or "normal")
    if standing_moved and member.standing_since is None:
        member.standing_since = timezone.localdate()
        changed = [*changed, "standing_since"] if "standing_since" not in changed else changed
    member.save()
    if "tags" in changed:
        _set_tags(member, data.tags)
    if standing_moved:
        _standing_changed(org, member, before or "normal", user)
    _log(user, member, ADDITION if is_new else CHANGE, [] if is_new else changed)
    return member, changed


def transferred_out(id_number: str) -> Member | None:
    """The member with this ID number that a union has marked 转出, if any (any tree)."""
    return (
        Member.objects.filter(id_number=id_number, standing="transferred_out")
        .select_related("organization")
        .first()
    )


@transaction.atomic
def transfer(
    member: Member, to_org: Organization, user, *, day: dt.date | None = None,
    data: MemberInput | None = None,
) -> tuple[Member, list[str]]:  # fmt: skip
    """Move ``member`` into ``to_org`` in good standing, keeping its history and children.

    ``data`` are the receiving union's own entries for the person (its add form), written
    over what the old union had. Both unions' audit logs record the move.
    """
    from_org = member.organization
    if from_org.pk == to_org.pk:
        raise UserInputError(f"{member.name}已是{to_org.name}的会员，无需转入")
    check_unique(to_org, member.id_number, member)
    day = day or (data.standing_since if data and data.standing_since else None)
    day = day or timezone.localdate()
    if data is not None:
        for name in STORED_FIELDS:
            setattr(member, name, getattr(data, name))
    member.organization = to_org
    member.standing, member.standing_since = "normal", day
    member.save()
    if data is not None:
        _set_tags(member, data.tags)
    MembershipChange.objects.create(
        member=member, organization=to_org, standing="normal", date=day,
        from_organization=from_org, to_organization=to_org, user=_user(user),
    )  # fmt: skip
    detail = {"member": member.pk, "from": from_org.pk, "to": to_org.pk, "date": day.isoformat()}
    audit(from_org, user, "member.transfer_out", f"{member.name} 转至{to_org.name}", detail)
    audit(to_org, user, "member.transfer_in", f"{member.name} 自{from_org.name}转入", detail)
    _log(user, member, CHANGE, ["organization", "standing", "standing_since"])
    return member, ["organization", "standing", "standing_since"]


def _standing_changed(org: Organization, member: Member, before: str, user) -> None:
    """Keep the change of 会籍 and tell the audit log, in the caller's transaction."""
    MembershipChange.objects.create(
        member=member, organization=org, standing=member.standing,
        date=member.standing_since, user=_user(user),
    )  # fmt: skip
    names = dict(vocab.MEMBERSHIP_STANDINGS)
    audit(
        org, user, "member.standing",
        f"{member.name} 会籍：{names[before]}→{names[member.standing]}"
        f"（{member.standing_since.isoformat()}）",
        {"member": member.pk, "from": before, "to": member.standing,
         "date": member.standing_since.isoformat()},
    )  # fmt: skip


def _user(user):
    return user if user is not None and user.is_authenticated else None


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
