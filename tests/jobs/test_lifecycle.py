"""Jobs in one process: what a job's row says after success, bad input, a bug, a lost worker.

django-tasks' immediate backend runs each job inside ``start`` (tests/conftest.py); the
dummy backend keeps it queued. Real workers are in test_worker.py.
"""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import MemberFactory
from tests.members.rosters import person, xlsx
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job
from unionplan.members import tasks
from unionplan.members.models import Member

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def import_job(org, user, data: bytes, filename: str = "名册.xlsx") -> Job:
    return lifecycle.start(
        tasks.import_roster,
        title="导入",
        user=user,
        organization=org,
        params={"filename": filename, "needs_payload": True},
        payload=data,
    )


def test_a_job_that_succeeds_says_what_it_did_and_drops_its_input(org, chair):
    job = import_job(org, chair, xlsx([person(1), person(2)]))
    assert job.status == Job.DONE and job.percent == 100
    assert job.message == "导入完成：新增 2 人，更新 0 人，跳过有问题的 0 行。"
    assert job.payload is None and job.attempts == 1
    assert Member.objects.filter(organization=org).count() == 2


def test_bad_input_fails_the_job_with_the_reason_in_chinese_and_changes_nothing(org, chair):
    MemberFactory(organization=org, name="老会员")
    job = import_job(org, chair, b"\x00\x01 not a roster", "名册.xlsx")
    assert job.status == Job.FAILED
    assert job.message and "Traceback" not in job.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in job.message)
    assert list(Member.objects.values_list("name", flat=True)) == ["老会员"]
    assert job.payload is not None  # kept for a retry until the housekeeping purges it


def test_a_bug_fails_the_job_with_a_general_message(org, chair, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("unionplan.members.importing.apply", broken)
    job = import_job(org, chair, xlsx([person(1)]))
    assert job.status == Job.FAILED and job.message == lifecycle.UNEXPECTED
    assert not Member.objects.exists()


def test_a_queued_job_waits_and_runs_once_however_often_it_is_delivered(org, chair, settings):
    settings.TASKS = DUMMY_TASKS
    job = import_job(org, chair, xlsx([person(1)]))
    assert job.status == Job.QUEUED and job.attempts == 0
    calls = []

    def work(job, progress):
        calls.append(job.pk)
        progress.step("唯一的一步")
        return lifecycle.Finished("做完了")

    assert lifecycle.run(work, str(job.pk), 1) == Job.DONE
    assert lifecycle.run(work, str(job.pk), 1) == "skipped"
    job.refresh_from_db()
    assert calls == [job.pk] and (job.status, job.message, job.attempts) == (Job.DONE, "做完了", 1)


def test_a_failed_job_runs_again_on_retry(org, chair):
    job = import_job(org, chair, b"not a roster")
    job.payload = xlsx([person(1)])
    job.save(update_fields=["payload"])
    lifecycle.retry(job)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.DONE, 2)
    assert Member.objects.count() == 1


def test_retry_without_the_input_asks_for_a_new_upload(org, chair):
    job = import_job(org, chair, b"not a roster")
    Job.objects.filter(pk=job.pk).update(payload=None)
    job.refresh_from_db()
    with pytest.raises(lifecycle.UserInputError, match="重新上传"):
        lifecycle.retry(job)


def running_job(org, user, worker: str, beat_ago: timedelta) -> Job:
    return Job.objects.create(
        task_path=tasks.import_roster.module_path,
        title="导入",
        user=user,
        organization=org,
        status=Job.RUNNING,
        worker=worker,
        heartbeat_at=timezone.now() - beat_ago,
    )


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_job_whose_worker_process_is_gone_is_declared_lost_at_once(org, chair):
    gone = running_job(org, chair, f"{lifecycle.socket.gethostname()}:{dead_pid()}", timedelta())
    alive = running_job(org, chair, lifecycle.worker_name(), timedelta())
    assert lifecycle.mark_lost() == 1
    gone.refresh_from_db()
    alive.refresh_from_db()
    assert gone.status == Job.FAILED and gone.message == lifecycle.LOST
    assert alive.status == Job.RUNNING


def test_a_job_on_another_host_is_lost_when_its_heartbeat_stops(org, chair):
    quiet = running_job(org, chair, "other-host:1", lifecycle.LOST_AFTER + timedelta(seconds=1))
    beating = running_job(org, chair, "other-host:2", timedelta(seconds=5))
    assert lifecycle.mark_lost() == 1
    assert Job.objects.get(pk=quiet.pk).status == Job.FAILED
    assert Job.objects.get(pk=beating.pk).status == Job.RUNNING
