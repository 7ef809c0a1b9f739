"""Telling people of a step of the review: in their inbox (the bell) and by mail.

``tell`` writes one ``Notification`` per person, in the step's transaction; once that
transaction has committed, ``deliver`` mails those of them who have an e-mail address,
with a link to the page. Mail goes after the commit so that a step undone sends nothing,
and a mail that fails (the server down, an address refused) is written on its
notification (``mail_error``) and never undoes the step: the person still has it in the
inbox. The notifications are thus also the log of what was sent, to whom and when.

Links are absolute: ``UNIONPLAN_PUBLIC_URL`` when the operator set it, else the address
of the request that took the step (``site_of``); from the command line without either,
the mail gives the page's path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from unionplan.review.models import Notification, PlanStep

logger = logging.getLogger(__name__)
SIGNATURE = "—— unionplan 工会年度工作计划系统"


def site_of(request: HttpRequest) -> str:
    """The address people reach this system at, for links in mail sent from a page."""
    return settings.PUBLIC_URL or request.build_absolute_uri("/").rstrip("/")


def absolute(link: str, site: str = "") -> str:
    return f"{settings.PUBLIC_URL or site}{link}"


def addressed_name(user) -> str:
    """How a mail greets its reader: their name, else their user name."""
    return f"{user.last_name}{user.first_name}".strip() or user.get_username()


def body(user, lines: Iterable[str], url: str) -> str:
    """A mail's text: greeting, ``lines``, the link, and who sent it."""
    return "\n".join(
        [
            f"{addressed_name(user)}，您好：",
            "",
            *lines,
            f"请登录系统查看：{url}",
            "",
            SIGNATURE,
            f"（本邮件由系统自动发送，发件地址 {settings.DEFAULT_FROM_EMAIL}。）",
        ]
    )


def tell(
    users: Iterable[int],
    text: str,
    link: str,
    subject: str,
    *,
    step: PlanStep | None = None,
    site: str = "",
) -> list[Notification]:
    """Put ``text`` in the inbox of each of ``users`` and mail it once the step is stored."""
    notes = Notification.objects.bulk_create(
        Notification(user_id=user_id, step=step, link=link, text=text[:300]) for user_id in users
    )
    if notes:
        ids = [note.pk for note in notes]
        transaction.on_commit(partial(deliver, ids, subject[:200], site), robust=True)
    return notes


def deliver(ids: list[int], subject: str, site: str = "") -> int:
    """Mail the notifications ``ids`` to those with an address; the number sent."""
    notes = Notification.objects.filter(pk__in=ids, mailed_at__isnull=True).exclude(user__email="")
    sent = 0
    for note in notes.select_related("user").order_by("id"):
        sent += _mail(note, subject, site)
    return sent


def _mail(note: Notification, subject: str, site: str) -> int:
    note.mail_to, note.mail_subject = note.user.email, subject
    text = body(note.user, [note.text], absolute(note.link, site))
    try:
        sent = EmailMessage(subject, text, None, [note.mail_to]).send() or 0
    except Exception as error:  # any failure of the mail leaves the step as it is
        logger.warning("mail to %s failed: %s", note.mail_to, error)
        note.mail_error = f"{type(error).__name__}: {error}"[:300]
        sent = 0
    else:
        note.mailed_at = timezone.now()
    note.save(update_fields=["mail_to", "mail_subject", "mailed_at", "mail_error"])
    return sent
