"""The worker's housekeeping: stale uploads (full ID numbers) purged, old results dropped,
reminders queued once a day at UNIONPLAN_REMIND_AT."""

import datetime as dt
import os
import time

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import PlanFactory, RoleFactory, UserFactory, dated_item
from tests.members.rosters import person, xlsx
from unionplan.core import uploads
from unionplan.jobs import housekeeping
from unionplan.jobs.models import Job
from unionplan.members import tasks as member_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def age(token: str, folder, seconds: float) -> None:
    then = time.time() - seconds
    for path in (folder / "member-uploads").glob(f"{token}.*"):
        os.utime(path, (then, then))


def test_uploads_nobody_confirmed_are_purged_after_a_day(org, chair, var_dir):
    old = uploads.rosters().store(xlsx([person(1)]), "旧.xlsx", org_id=org.pk, user_id=chair.pk)
    fresh = uploads.rosters().store(xlsx([person(2)]), "新.xlsx", org_id=org.pk, user_id=chair.pk)
    age(old, var_dir, 25 * 3600)
    assert housekeeping.sweep().inputs == 1
    assert uploads.rosters().load(old, org_id=org.pk, user_id=chair.pk) is None
    assert uploads.rosters().load(fresh, org_id=org.pk, user_id=chair.pk) is not None
    assert not list((var_dir / "member-uploads").glob(f"{old}.*"))


def test_the_input_of_a_failed_job_is_purged_after_a_day(org, chair):
    def failed_job(created_ago: dt.timedelta) -> Job:
        job = Job.objects.create(task_path=member_tasks.import_roster.module_path, title="导入",
                                 user=chair, organization=org, status=Job.FAILED,
                                 payload=b"ID numbers")  # fmt: skip
        Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - created_ago)
        return job

    old, recent = failed_job(dt.timedelta(hours=25)), failed_job(dt.timedelta(hours=2))
    assert housekeeping.purge_stale_uploads() == 1
    assert Job.objects.get(pk=old.pk).payload is None
    assert bytes(Job.objects.get(pk=recent.pk).payload) == b"ID numbers"


def test_files_of_finished_jobs_go_after_a_week_and_jobs_after_a_month(org, chair):
    now = timezone.now()
    week_old = Job.objects.create(title="签到表", task_path="x", user=chair, status=Job.DONE,
                                  result=b"xlsx", result_name="签到表.xlsx",
                                  finished_at=now - dt.timedelta(days=8))  # fmt: skip
    month_old = Job.objects.create(title="旧", task_path="x", user=chair, status=Job.DONE)
    Job.objects.filter(pk=month_old.pk).update(created_at=now - dt.timedelta(days=31))
    DBTaskResult.objects.create(  # left running by a killed worker
        args_kwargs={"args": [str(month_old.pk)], "kwargs": {}}, task_path="x", status="RUNNING",
        backend_name="default", run_after=now, worker_ids=["killed"],
    )  # fmt: skip
    waiting = DBTaskResult.objects.create(args_kwargs={"args": [], "kwargs": {}}, task_path="x",
                                          backend_name="default", run_after=now)  # fmt: skip
    DBTaskResult.objects.update(enqueued_at=now - dt.timedelta(days=31))
    assert housekeeping.sweep().results == 1
    week_old.refresh_from_db()
    assert week_old.result is None and week_old.result_name == ""
    assert not Job.objects.filter(pk=month_old.pk).exists()
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [waiting.pk]


def test_reminders_are_queued_once_a_day_at_the_set_time(org, settings):
    settings.REMIND_AT = "08:00"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    owner = UserFactory(username="liuli", email="liu@example.org", last_name="刘", first_name="丽")
    RoleFactory(user=owner, organization=org, role="committee")
    today = timezone.localdate()
    plan = PlanFactory(organization=org, year=today.year)
    dated_item(plan, today + dt.timedelta(days=1), text="读书会", owner="刘丽")
    zone = timezone.get_current_timezone()
    early = dt.datetime.combine(today, dt.time(7, 59), tzinfo=zone)
    assert not housekeeping.sweep(early).reminders_queued
    on_time = dt.datetime.combine(today, dt.time(8, 0, 30), tzinfo=zone)
    assert housekeeping.sweep(on_time).reminders_queued
    assert not housekeeping.sweep(on_time + dt.timedelta(hours=3)).reminders_queued
    job = Job.objects.get()
    assert job.status == Job.DONE and "已发送1封提醒邮件" in job.message
    assert len(mail.outbox) == 1 and "读书会" in mail.outbox[0].body
