"""The job page: progress while it runs (htmx polling), the outcome and file when done,
the reason and a retry button when it failed; nobody else's job is reachable."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PlanFactory, RoleFactory
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job
from unionplan.records import tasks

pytestmark = pytest.mark.django_db


def make_job(org, user, **fields) -> Job:
    values = {"task_path": tasks.year_summary.module_path, "title": "2027年度工作总结"}
    return Job.objects.create(organization=org, user=user, **{**values, **fields})


def test_a_running_job_shows_its_step_and_is_polled(chair_client, org, chair):
    job = make_job(org, chair, status=Job.RUNNING, phase="生成 Word 文档和图表", step=1, steps=2,
                   worker=lifecycle.worker_name(), heartbeat_at=timezone.now())  # fmt: skip
    text = chair_client.get(reverse("jobs:detail", args=[job.pk])).text
    assert "2027年度工作总结" in text
    assert "生成 Word 文档和图表……（第 1 步，共 2 步）" in text
    assert 'value="25"' in text  # step 1 of 2 under way
    assert f'hx-get="{reverse("jobs:status", args=[job.pk])}"' in text
    assert 'hx-trigger="every 1s"' in text


def test_a_finished_job_stops_the_polling_and_offers_its_file(chair_client, org, chair):
    job = make_job(org, chair, status=Job.DONE, message="总结已生成。", result=b"PK\x03\x04",
                   result_name="2027年度工作总结.docx", result_type="application/x-test")  # fmt: skip
    fragment = chair_client.get(reverse("jobs:status", args=[job.pk])).text
    assert "hx-trigger" not in fragment
    assert "总结已生成。" in fragment and "下载“2027年度工作总结.docx”" in fragment
    download = chair_client.get(reverse("jobs:download", args=[job.pk]))
    assert download.content == b"PK\x03\x04"
    assert "2027%E5%B9%B4" in download["Content-Disposition"]


def test_a_failed_job_says_why_and_offers_a_retry(chair_client, org, chair):
    job = make_job(org, chair, status=Job.FAILED, message="名册里没有“姓名”列。")
    text = chair_client.get(reverse("jobs:detail", args=[job.pk])).text
    assert "没有完成" in text and "名册里没有“姓名”列。" in text
    assert reverse("jobs:retry", args=[job.pk]) in text
    assert "every 1s" not in text  # a finished job's status box stops polling


def test_the_page_declares_a_job_lost_when_its_worker_died(chair_client, org, chair):
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    job = make_job(org, chair, status=Job.RUNNING, heartbeat_at=timezone.now(),
                   worker=f"{lifecycle.socket.gethostname()}:{process.pid}")  # fmt: skip
    fragment = chair_client.get(reverse("jobs:status", args=[job.pk])).text
    assert "意外中止" in fragment and "重试" in fragment


def test_a_job_queued_for_long_points_to_the_worker(chair_client, org, chair):
    job = make_job(org, chair)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    text = chair_client.get(reverse("jobs:detail", args=[job.pk])).text
    assert "排队中" in text and "unionplan worker" in text


def test_retry_runs_the_job_again(chair_client, org, chair):
    plan = PlanFactory(organization=org, year=2027)
    job = make_job(org, chair, status=Job.FAILED, message=lifecycle.LOST,
                   params={"plan": plan.pk})  # fmt: skip
    response = chair_client.post(reverse("jobs:retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == Job.DONE and job.result_name.endswith("年度工作总结.docx")


def test_another_users_job_answers_404(client, org, chair):
    job = make_job(org, chair, status=Job.DONE, result=b"x", result_name="a.docx")
    client.force_login(RoleFactory(organization=org, role="chair").user)
    for name in ("jobs:detail", "jobs:status", "jobs:download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert client.post(reverse("jobs:retry", args=[job.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, org, chair):
    job = make_job(org, chair)
    response = client.get(reverse("jobs:detail", args=[job.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]
