"""Reminding the unions below a federation to submit their plans by the date it set.

A federation's chair or staff sets a date on its board (``SubmissionDeadline``). Each round
(``unionplan plan remind``, or the board's button for one federation) looks at every
deadline due within ``SOON_DAYS`` days or already past, and reminds the chair of every union
below that federation whose plan for the year is not submitted (no plan, a draft, or one
returned to it): a week before the date (stage "soon") and once after it has passed
("overdue"). Each reminder is a notification in the person's inbox (the bell) and, when they
have an e-mail address, a mail through Django's mail settings, as the activity reminders
(``unionplan.agenda.reminders``) send theirs.

Every reminder is claimed in the sent-log (``SubmissionReminder``) in the same transaction
as its notification and mail: a second round — or two at once — sends nothing twice; a mail
that fails undoes its own claim, and the next round sends it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from unionplan.orgs.models import Organization, Role
from unionplan.plans.models import Plan
from unionplan.review import notify
from unionplan.review.board import chosen_plans
from unionplan.review.models import Notification, SubmissionDeadline, SubmissionReminder
from unionplan.review.rules import STATUS_NAMES

SOON_DAYS = 7
# A plan in one of these states has been sent up: its union needs no reminder.
SENT_UP = frozenset({"submitted", "approved", "archived"})


@dataclass
class Reminder:
    deadline: SubmissionDeadline
    stage: str  # "soon" or "overdue"
    union: Organization
    user: object
    plan: dict | None  # the union's plan furthest along (id, status, title), if any

    @property
    def link(self) -> str:
        if self.plan:
            return reverse("plans:detail", args=[self.plan["id"]])
        return reverse("orgs:detail", args=[self.union.pk])

    @property
    def text(self) -> str:
        deadline, due = self.deadline, f"{self.deadline.due_date:%Y年%m月%d日}"
        year, federation = deadline.year, deadline.organization.name
        if self.stage == "soon":
            return f"{federation}要求于{due}前提交{year}年度工作计划，{self.union.name}尚未提交。"
        return f"{year}年度工作计划的报送截止日期（{due}）已过，{self.union.name}尚未提交，请尽快提交{federation}审批。"


@dataclass
class Round:
    today: dt.date
    reminders: list[Reminder] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    already_sent: int = 0


def stage_on(deadline: SubmissionDeadline, today: dt.date) -> str:
    return "soon" if today <= deadline.due_date else "overdue"


def collect(today: dt.date, federation: Organization | None = None) -> Round:
    """The reminders a round sends on ``today``: those of ``federation`` only, when given
    (four queries per deadline; a city has a handful of deadlines, not one per union)."""
    deadlines = SubmissionDeadline.objects.filter(
        due_date__lte=today + dt.timedelta(days=SOON_DAYS)
    ).select_related("organization")
    if federation is not None:
        deadlines = deadlines.filter(organization=federation)
    found = Round(today)
    seen: set[tuple[int, int]] = set()  # a union under two deadlines hears of the earlier
    for deadline in deadlines.order_by("due_date", "id"):
        _collect_deadline(found, deadline, seen)
    return found


def _collect_deadline(found: Round, deadline: SubmissionDeadline, seen: set) -> None:
    stage = stage_on(deadline, found.today)
    federation = deadline.organization
    unions = list(
        Organization.objects.filter(path__startswith=federation.path)
        .exclude(pk=federation.pk)
        .order_by("path")
    )
    plans = chosen_plans(
        Plan.objects.filter(
            organization__path__startswith=federation.path, year=deadline.year
        ).exclude(organization=federation)
    )
    waiting = [u for u in unions if plans.get(u.pk, {}).get("status") not in SENT_UP]
    chairs: dict[int, list] = {}
    roles = Role.objects.filter(
        organization__in=[u.pk for u in waiting], role="chair", user__is_active=True
    )
    for role in roles.select_related("user").order_by("user_id"):
        chairs.setdefault(role.organization_id, []).append(role.user)
    logged = set(
        SubmissionReminder.objects.filter(
            deadline=deadline, due_date=deadline.due_date, stage=stage
        ).values_list("union_id", "user_id")
    )
    for union in waiting:
        if not chairs.get(union.pk):
            found.problems.append(f"{union.name}没有工会主席账号，无人可提醒提交计划。")
        for user in chairs.get(union.pk, []):
            if (union.pk, user.pk) in logged:
                found.already_sent += 1
            elif (union.pk, user.pk) not in seen:
                seen.add((union.pk, user.pk))
                found.reminders.append(Reminder(deadline, stage, union, user, plans.get(union.pk)))


def send(round_: Round) -> tuple[int, int]:
    """Send every reminder of ``round_``: (notifications, mails) sent. Each is claimed in
    the sent-log first; one claimed meanwhile by another round is left out."""
    notified = mailed = 0
    for reminder in round_.reminders:
        try:
            with transaction.atomic():
                SubmissionReminder.objects.create(
                    deadline=reminder.deadline,
                    due_date=reminder.deadline.due_date,
                    stage=reminder.stage,
                    union=reminder.union,
                    user=reminder.user,
                    mailed=bool(reminder.user.email),
                )
                note = Notification.objects.create(
                    user=reminder.user, link=reminder.link, text=reminder.text[:300]
                )
                if reminder.user.email:
                    mailed += _mail(reminder, note)
        except IntegrityError:
            round_.already_sent += 1
            continue
        notified += 1
    return notified, mailed


def _mail(reminder: Reminder, note: Notification) -> int:
    """Mail the reminder and log it on its notification (a failure raises: the round's
    claim is undone with it, and the next round sends it)."""
    status = STATUS_NAMES.get(reminder.plan["status"], "") if reminder.plan else "尚未制定"
    lines = [
        reminder.text,
        f"计划状态：{status}" + (f"（《{reminder.plan['title']}》）" if reminder.plan else ""),
    ]
    subject = f"【计划报送提醒】{reminder.deadline.year}年度工作计划" + (
        "报送即将截止" if reminder.stage == "soon" else "报送已逾期"
    )
    text = notify.body(reminder.user, lines, notify.absolute(reminder.link))
    sent = EmailMessage(subject, text, None, [reminder.user.email]).send() or 0
    note.mail_to, note.mail_subject, note.mailed_at = reminder.user.email, subject, timezone.now()
    note.save(update_fields=["mail_to", "mail_subject", "mailed_at"])
    return sent


def message(round_: Round, notified: int, mailed: int) -> str:
    """The round's outcome in one line (the command prints it, the board shows it)."""
    text = f"已提醒{notified}人（其中{mailed}封邮件），{round_.already_sent}人此前已提醒过。"
    if round_.problems:
        text += " " + " ".join(round_.problems)
    return text
