"""What the worker does between jobs, on a schedule: nothing here waits for a user.

- jobs whose worker died are declared failed (``lifecycle.mark_lost``);
- uploads waiting for a confirmation that never came are purged after a day: a roster
  holds full ID numbers and must not lie around (the pending-upload folders and the input
  kept in failed jobs); files that finished jobs made are dropped after a week and the
  jobs themselves, with the queue's rows of them, after a month;
- with ``UNIONPLAN_REMIND_AT`` (HH:MM) set, the week's reminders are queued once a day at
  that time (the reminders' sent-log makes a second round harmless).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from unionplan.core import uploads
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job

PERIOD_SECONDS = 30
INPUT_MAX_AGE = dt.timedelta(days=1)
RESULT_MAX_AGE = dt.timedelta(days=7)
JOB_MAX_AGE = dt.timedelta(days=30)
logger = logging.getLogger(__name__)


@dataclass
class Sweep:
    lost: int = 0
    inputs: int = 0
    results: int = 0
    reminders_queued: bool = False


def sweep(now: dt.datetime | None = None) -> Sweep:
    """One round of housekeeping (each part in its own short statement)."""
    now = now or timezone.now()
    done = Sweep(lost=lifecycle.mark_lost())
    done.inputs = purge_stale_uploads(now)
    done.results = _purge_old_results(now)
    done.reminders_queued = _queue_reminders_if_due(now)
    return done


def purge_stale_uploads(now: dt.datetime | None = None) -> int:
    """Remove uploads older than a day that nobody confirmed; how many were removed."""
    now = now or timezone.now()
    removed = uploads.purge_old(max_age=INPUT_MAX_AGE.total_seconds(), now=now.timestamp())
    removed += Job.objects.filter(payload__isnull=False, created_at__lt=now - INPUT_MAX_AGE).update(
        payload=None
    )
    return removed


def _purge_old_results(now: dt.datetime) -> int:
    """Drop week-old files and month-old jobs, with the database queue's rows of them
    (including those a killed worker left "running": the job's row is what counts)."""
    # The database queue's model: importable only once its app is loaded (the clock runs then).
    from django_tasks_db.models import DBTaskResult

    Job.objects.filter(created_at__lt=now - JOB_MAX_AGE).delete()
    DBTaskResult.objects.filter(enqueued_at__lt=now - JOB_MAX_AGE).exclude(status="READY").delete()
    return Job.objects.filter(result__isnull=False, finished_at__lt=now - RESULT_MAX_AGE).update(
        result=None, result_name=""
    )


def _queue_reminders_if_due(now: dt.datetime) -> bool:
    at = _remind_time()
    local = timezone.localtime(now)
    if at is None or local.time() < at:
        return False
    # Imported here: agenda stands on jobs, so jobs names its one scheduled task only when
    # the time has come (the ignored import of the app-layers contract, pyproject.toml).
    from unionplan.agenda.tasks import send_reminders

    today = local.date().isoformat()
    queued = Job.objects.filter(
        task_path=send_reminders.module_path, user=None, params__start=today
    ).exists()
    if queued:
        return False
    lifecycle.start(
        send_reminders,
        title=f"{local:%Y年%m月%d日}的活动提醒",
        user=None,
        params={"start": today, "days": 7},
    )
    return True


def _remind_time() -> dt.time | None:
    text = getattr(settings, "REMIND_AT", "")
    try:
        return dt.time.fromisoformat(text) if text else None
    except ValueError:
        logger.warning("UNIONPLAN_REMIND_AT=%r is not HH:MM: no scheduled reminders", text)
        return None


class Housekeeper(threading.Thread):
    """Runs ``sweep`` now and every ``period`` seconds, beside the worker's main loop."""

    def __init__(self, period: float = PERIOD_SECONDS) -> None:
        super().__init__(name="housekeeping", daemon=True)
        self.period = period
        self._stop_event = threading.Event()

    def run(self) -> None:
        while True:
            try:
                sweep()
            except DatabaseError:
                logger.warning("housekeeping: the database did not answer; trying again later")
            finally:
                connection.close()
            if self._stop_event.wait(self.period):
                return

    def stop(self) -> None:
        self._stop_event.set()
