"""Weekly reminders: each owner (负责人) gets one mail listing their activities of the week.

负责人 is free text in a plan, so it is matched to people by this rule, within the roles of
the activity's own organization (roles on a federation above do not count):

1. The text is split at 、，,/; and spaces: "工会主席、女工委员" names two owners.
2. A part equal to a user's username, or to their name written either way round
   (last + first as Chinese write it, "张三", or Django's "first last"), is that user.
3. A part equal to a role's name (工会主席 / 工会委员 / 工作人员) is every user holding that
   role in the organization.
4. An activity none of whose parts matches anyone goes to the organization's chair(s),
   listed apart as "负责人未对应到用户" so that they can assign it.

Only active users with an e-mail address get mail; the others are reported by the command.
Activities count when they start within the window, are planned or postponed, and belong
to a plan that is not archived.

Every mail sent is written to the sent-log (``ReminderSent``, one row per activity and
person) right after it leaves; a later round leaves out what the log has, so a second run
sends nothing twice, and a round that stopped halfway sends only what is still missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from unionplan import vocab
from unionplan.agenda.models import ReminderSent
from unionplan.calendar.layout import when_with_weekday
from unionplan.core.people import person_name
from unionplan.orgs.models import Organization, Role
from unionplan.plan import states
from unionplan.plan.money import money
from unionplan.plans.models import ScheduleItem

_SEPARATORS = re.compile(r"[、，,/／;；\s]+")
_ROLE_BY_LABEL = {label: code for code, label in vocab.ROLES}


@dataclass
class Digest:
    """What one person is reminded of."""

    user: object
    assigned: list[ScheduleItem] = field(default_factory=list)
    unassigned: list[ScheduleItem] = field(default_factory=list)  # as the chair

    @property
    def count(self) -> int:
        return len(self.assigned) + len(self.unassigned)


@dataclass
class Round:
    """One run of ``remind``: the digests to send and what could not be delivered."""

    start: dt.date
    end: dt.date
    items: list[ScheduleItem]
    digests: list[Digest]
    problems: list[str]
    already_sent: int = 0  # (activity, person) pairs left out: the sent-log has them


def starting_between(
    start: dt.date, end: dt.date, org: Organization | None = None
) -> list[ScheduleItem]:
    """The activities to remind of: open ones whose date falls in ``start``..``end``; with
    ``org``, only those of it and the unions below it. (Not "due": an activity is due on the
    last day it can still take place, ``unionplan.plan.states.due_date``.)"""
    items = ScheduleItem.objects.filter(
        date__range=(start, end), status__in=states.OPEN_STATUSES
    ).exclude(plan__status="archived")
    if org is not None:
        items = items.filter(plan__organization__path__startswith=org.path)
    return list(items.select_related("plan__organization").order_by("date", "id"))


def collect(start: dt.date, days: int, org: Organization | None = None) -> Round:
    """Who gets which activities starting in ``days`` days from ``start`` (three queries)."""
    end = start + dt.timedelta(days=days - 1)
    items = starting_between(start, end, org)
    roles = _roles_by_org({item.plan.organization_id for item in items})
    sent = _sent_pairs(items)
    digests: dict[int, Digest] = {}
    problems: list[str] = []
    already_sent = 0
    for item in items:
        org_roles = roles.get(item.plan.organization_id, [])
        owners = owners_of(item.owner, org_roles)
        unassigned = not owners
        if unassigned:
            owners = [role.user for role in org_roles if role.role == "chair"]
        if not owners:
            problems.append(
                f"{item.plan.organization.name}没有工会主席账号，“{item.text}”无人可提醒。"
            )
        for user in owners:
            if (item.pk, user.pk) in sent:
                already_sent += 1
                continue
            digest = digests.setdefault(user.pk, Digest(user))
            (digest.unassigned if unassigned else digest.assigned).append(item)
    ready = []
    for digest in digests.values():
        if digest.user.email:
            ready.append(digest)
        else:
            problems.append(
                f"用户{digest.user.get_username()}没有填写邮箱，{digest.count}项活动未能提醒。"
            )
    return Round(start, end, items, ready, problems, already_sent)


def _sent_pairs(items: list[ScheduleItem]) -> set[tuple[int, int]]:
    """(item id, user id) of the reminders already sent for ``items`` (one query)."""
    if not items:
        return set()
    log = ReminderSent.objects.filter(item__in=[item.pk for item in items])
    return set(log.values_list("item_id", "user_id"))


def _roles_by_org(org_ids: set[int]) -> dict[int, list[Role]]:
    found: dict[int, list[Role]] = defaultdict(list)
    roles = Role.objects.filter(organization_id__in=org_ids, user__is_active=True)
    for role in roles.select_related("user").order_by("user_id"):
        found[role.organization_id].append(role)
    return found


def owners_of(owner_text: str, roles: list[Role]) -> list:
    """The users ``owner_text`` names among ``roles`` (rules 1–3 of the module docstring)."""
    found: dict[int, object] = {}
    for part in filter(None, _SEPARATORS.split(owner_text or "")):
        role_code = _ROLE_BY_LABEL.get(part)
        for role in roles:
            if part in names_of(role.user) or role.role == role_code:
                found.setdefault(role.user.pk, role.user)
    return list(found.values())


def names_of(user) -> set[str]:
    """The ways a 负责人 cell may name ``user``."""
    first, last = user.first_name.strip(), user.last_name.strip()
    names = {user.get_username(), f"{last}{first}", f"{first}{last}", user.get_full_name()}
    return {name.strip() for name in names if name.strip()}


def send(round_: Round) -> int:
    """Mail every digest through Django's mail settings, logging each mail as it leaves;
    the number of mails sent. A mail that fails stops the round: what was sent is logged,
    the rest goes out with the next round."""
    if not round_.digests:
        return 0
    sent = 0
    with get_connection() as mail:
        for digest in round_.digests:
            message = EmailMessage(
                subject(round_, digest), body(round_, digest), None, [digest.user.email]
            )
            sent += mail.send_messages([message]) or 0
            _log_sent(digest)
    return sent


def _log_sent(digest: Digest) -> None:
    rows = [ReminderSent(item=item, user=digest.user) for item in digest.assigned]
    rows += [ReminderSent(item=item, user=digest.user) for item in digest.unassigned]
    ReminderSent.objects.bulk_create(rows, ignore_conflicts=True)


def _span(round_: Round) -> str:
    return f"{round_.start.month}月{round_.start.day}日至{round_.end.month}月{round_.end.day}日"


def subject(round_: Round, digest: Digest) -> str:
    return f"【工会工作提醒】{_span(round_)}的{digest.count}项活动"


def body(round_: Round, digest: Digest) -> str:
    user = digest.user
    name = person_name(user)
    lines = [f"{name}，您好：", ""]
    if digest.assigned:
        lines += [f"{_span(round_)}，以下活动由您负责：", ""]
        lines += [line for item in digest.assigned for line in _item_lines(item)]
    if digest.unassigned:
        lines += [
            "以下活动的负责人未能对应到系统中的用户，请您作为工会主席安排落实：",
            "",
        ]
        lines += [line for item in digest.unassigned for line in _item_lines(item, owner=True)]
    lines += [
        "—— unionplan 工会年度工作计划系统",
        f"（本邮件由系统自动发送，发件地址 {settings.DEFAULT_FROM_EMAIL}。）",
    ]
    return "\n".join(lines)


def _item_lines(item: ScheduleItem, *, owner: bool = False) -> list[str]:
    details = [f"工会：{item.plan.organization.name}", f"计划：{item.plan.title}"]
    if item.scope:
        details.append(f"参加范围：{item.scope}")
    if owner:
        details.append(f"负责人：{item.owner or '未填写'}")
    if item.budget is not None:
        details.append(f"经费：{money(item.budget)}元")
    return [f"· {when_with_weekday(item)}　{item.text}", f"  {'　'.join(details)}", ""]
