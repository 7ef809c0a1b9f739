"""How a running job tells the page how far it is, while its work holds a transaction.

The work of a job writes in one transaction (all or nothing), so its progress cannot be
written on the same database connection: it would be invisible until the end and rolled
back with the work. ``Progress`` keeps the current step in memory and a ``Heartbeat``
thread, on a connection of its own, copies it to the job's row every second together
with the time (the heartbeat that tells a live worker from one that was killed). On
SQLite a write waits while the work's transaction holds the database; the heartbeat then
simply lands after it.
"""

from __future__ import annotations

import logging
import threading

from django.db import DatabaseError, connection
from django.utils import timezone

from unionplan.jobs.models import Job

HEARTBEAT_SECONDS = 1.0
logger = logging.getLogger(__name__)


class Progress:
    """The steps of one job: ``progress.step("写入数据库")`` as each one begins.

    A step that begins outside a transaction is written at once on the work's own
    connection (on SQLite the heartbeat could not write it once the work holds the
    database); inside one, the heartbeat carries it."""

    def __init__(self, job_id, steps: int, *, write_now: bool) -> None:
        self.job_id = job_id
        self.steps = max(steps, 1)
        self.number = 0
        self.label = ""
        self._write_now = write_now  # no heartbeat thread (the immediate backend)
        self._lock = threading.Lock()

    def step(self, label: str) -> None:
        with self._lock:
            self.number = min(self.number + 1, self.steps)
            self.label = label
        if self._write_now or not connection.in_atomic_block:
            self.write()  # between transactions: at once, so the page names the step

    def write(self) -> None:
        """Copy the current step to the job's row (and beat the heart)."""

        with self._lock:
            values = {"phase": self.label, "step": self.number, "steps": self.steps}
        Job.objects.filter(pk=self.job_id, status=Job.RUNNING).update(
            heartbeat_at=timezone.now(), **values
        )


class Heartbeat(threading.Thread):
    """Writes ``progress`` every second until stopped; a failed write is tried again."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(name=f"heartbeat-{progress.job_id}", daemon=True)
        self.progress = progress
        self._stop_event = threading.Event()

    def run(self) -> None:
        try:
            while not self._stop_event.wait(HEARTBEAT_SECONDS):
                try:
                    self.progress.write()
                except DatabaseError:
                    logger.warning("job %s: heartbeat not written", self.progress.job_id)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=30)
