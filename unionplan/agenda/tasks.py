"""Background job of the calendar: one round of reminders (see ``reminders``).

Queued once a day by the worker when ``UNIONPLAN_REMIND_AT`` is set (every union), or by
an editor's button on the union's page (that union and the unions below it); ``unionplan
remind`` from cron does the same round in its own process. The sent-log makes any number
of rounds mail each person once per activity.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from unionplan.agenda import reminders
from unionplan.jobs.lifecycle import Finished, background
from unionplan.jobs.models import Job
from unionplan.jobs.progress import Progress


def round_message(round_: reminders.Round, sent: int) -> str:
    return _(
        "%(start)s至%(end)s共%(items)s项活动，已发送%(sent)s封提醒邮件，%(skipped)s项此前已提醒过。"
    ) % {
        "start": round_.start,
        "end": round_.end,
        "items": len(round_.items),
        "sent": sent,
        "skipped": round_.already_sent,
    }


@background(steps=2)
def send_reminders(job: Job, progress: Progress) -> Finished:
    progress.step(_("查找需要提醒的活动和负责人"))
    start = dt.date.fromisoformat(job.params["start"])
    round_ = reminders.collect(start, job.params["days"], job.organization)
    progress.step(_("发送提醒邮件（%(n)s 封）") % {"n": len(round_.digests)})
    sent = reminders.send(round_)
    message = round_message(round_, sent)
    if round_.problems:
        message += " " + " ".join(round_.problems)
    return Finished(message)
