"""Starting, running, retrying and declaring lost the jobs of ``unionplan.jobs.models``.

A job's work is a function ``work(job, progress) -> Finished`` in the app it belongs to,
made a task with ``@background(steps=…)``. The task takes only the job's id: everything
else (parameters, the uploaded file) is in the job's row, so the same job can be run
again after a failure. The work must write all of its changes in one transaction: when it
fails, or its worker is killed, nothing of it is stored.

- ``UserInputError`` from the work: the job fails with that message (Chinese, for the user).
- any other exception: the job fails with a general message; the error goes to the log.
- a worker killed mid-work: its job is declared lost by ``mark_lost`` — at once when the
  worker ran on this host and its process is gone, otherwise when its heartbeat is older
  than ``LOST_AFTER`` — and shows as failed, with a retry button.
"""

from __future__ import annotations

import functools
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

from unionplan.errors import UserInputError
from unionplan.jobs.models import Job
from unionplan.jobs.progress import Heartbeat, Progress

LOST_AFTER = timedelta(seconds=60)
WAITING_LONG = timedelta(seconds=30)
UNEXPECTED = "任务出错，没有保存任何数据。请稍后重试；如果一再出错，请联系系统管理员查看日志。"
LOST = (
    "后台处理进程意外中止（可能被关闭或重启），任务没有完成，没有保存任何数据。"
    "可以点“重试”重新运行。"
)
QUEUE_DOWN = "无法把任务交给后台处理（任务队列连接不上），没有保存任何数据。请联系系统管理员。"
INPUT_GONE = "上传的文件已过期并已删除，请重新上传。"
logger = logging.getLogger(__name__)


@dataclass
class Finished:
    """What a job's work gives back: the outcome in a sentence, and the file it made."""

    message: str
    file: bytes | None = None
    filename: str = ""
    content_type: str = ""
    details: dict | None = None  # JSON kept in the job's params for the page that follows


Work = Callable[[Job, Progress], Finished]


def background(steps: int) -> Callable[[Work], object]:
    """Make ``work`` a task of the queue that runs the job whose id it is given."""

    def wrap(work: Work):
        @functools.wraps(work)
        def run_job(job_id: str) -> str:
            return run(work, job_id, steps)

        return task()(run_job)

    return wrap


def start(
    job_task,
    *,
    title: str,
    user,
    organization=None,
    params: dict | None = None,
    payload: bytes | None = None,
    next_url: str | Callable[[Job], str] = "",
) -> Job:
    """Record a job and hand it to the queue; call it outside any transaction.

    ``next_url`` is where the finished job's page leads; a function of the job when that
    address names the job itself."""
    job = Job.objects.create(
        task_path=job_task.module_path,
        title=title[:300],
        user=user,
        organization=organization,
        params=params or {},
        payload=payload,
    )
    job.next_url = next_url(job) if callable(next_url) else next_url
    job.save(update_fields=["next_url"])
    _enqueue(job)
    job.refresh_from_db()
    return job


def retry(job: Job) -> None:
    """Run a failed job again from the start (its input is still in the row)."""
    if job.status != Job.FAILED:
        return
    if job.params.get("needs_payload") and job.payload is None:
        raise UserInputError(INPUT_GONE)
    Job.objects.filter(pk=job.pk, status=Job.FAILED).update(
        status=Job.QUEUED, phase="", step=0, message="", finished_at=None, worker=""
    )
    _enqueue(job)


def _enqueue(job: Job) -> None:
    try:
        import_string(job.task_path).enqueue(str(job.pk))
    except Exception:  # the queue (Redis) is down or misconfigured: the job cannot start
        logger.exception("job %s could not be queued", job.pk)
        _fail(job.pk, QUEUE_DOWN)


def worker_name() -> str:
    """host:pid of this process, as kept in a running job's row."""
    return f"{socket.gethostname()}:{os.getpid()}"


def run(work: Work, job_id: str, steps: int) -> str:
    """Run ``work`` for the job ``job_id`` if it is still queued; its final status."""
    job = _claim(job_id)
    if job is None:
        return "skipped"
    immediate = isinstance(import_string(job.task_path).get_backend(), ImmediateBackend)
    progress = Progress(job.pk, steps, write_now=immediate)
    heartbeat = None if immediate else Heartbeat(progress)
    if heartbeat:
        heartbeat.start()
    try:
        finished = work(job, progress)
    except UserInputError as error:
        _fail(job.pk, error.message)
        return Job.FAILED
    except Exception:
        _fail(job.pk, UNEXPECTED)
        raise
    finally:
        if heartbeat:
            heartbeat.stop()
    _finish(job, finished, steps)
    return Job.DONE


def _claim(job_id: str) -> Job | None:
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, status=Job.QUEUED).update(
        status=Job.RUNNING,
        worker=worker_name(),
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        phase="",
        step=0,
    )
    return Job.objects.filter(pk=job_id).first() if claimed else None


def _finish(job: Job, finished: Finished, steps: int) -> None:
    """Done, whatever the row says meanwhile: the work's transaction has committed."""
    Job.objects.filter(pk=job.pk).update(
        status=Job.DONE,
        params={**job.params, **(finished.details or {})},
        message=finished.message,
        result=finished.file,
        result_name=finished.filename,
        result_type=finished.content_type,
        payload=None,
        phase="",
        step=steps,
        steps=steps,
        finished_at=timezone.now(),
    )


def _fail(job_id, message: str) -> None:
    Job.objects.filter(pk=job_id).update(
        status=Job.FAILED, message=message, finished_at=timezone.now()
    )


def mark_lost() -> int:
    """Declare failed the running jobs whose worker is gone; how many."""
    cutoff = timezone.now() - LOST_AFTER
    lost = [
        job.pk
        for job in Job.objects.filter(status=Job.RUNNING).only("worker", "heartbeat_at")
        if job.heartbeat_at is None or job.heartbeat_at < cutoff or _gone_here(job.worker)
    ]
    if not lost:
        return 0
    return Job.objects.filter(pk__in=lost, status=Job.RUNNING).update(
        status=Job.FAILED, message=LOST, finished_at=timezone.now()
    )


def _gone_here(worker: str) -> bool:
    """True when ``worker`` (host:pid) ran on this host and its process no longer exists."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def waiting_long(job: Job) -> bool:
    """Queued for a while: probably no worker is running."""
    return job.status == Job.QUEUED and job.created_at < timezone.now() - WAITING_LONG
