"""``unionplan worker`` with the database queue: real processes on a real database.

The roster import is the job with the most at stake: it writes tens of thousands of rows
in one transaction, so a worker killed in the middle must leave no row behind, and the job
must show as failed and run again to the end when retried.
"""

import csv
import datetime as dt
import io
import time

import pytest

from unionplan.idcard import generate_id_number

pytestmark = pytest.mark.real_queue

ROWS = 60_000  # enough for the write to take a good part of a second, even on PostgreSQL


def roster_csv(rows: int) -> bytes:
    """A roster as a union office exports it: UTF-8 CSV with a BOM, one member a row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["姓名", "性别", "出生日期", "身份证号", "手机", "部门"])
    start = dt.date(1962, 1, 1)
    for n in range(rows):
        born = start + dt.timedelta(days=n % 12_000)
        gender = "female" if n % 2 else "male"
        number = generate_id_number(born, gender, sequence=n // 12_000)
        writer.writerow([f"会员{n}", "女" if n % 2 else "男", born.isoformat(), number,
                         f"139{n:08d}", f"第{n % 40}车间"])  # fmt: skip
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def start_import(installation, rows: int) -> str:
    """A union, its chair and a queued import job of a roster of ``rows`` members."""
    path = installation.folder / "roster.csv"
    path.write_bytes(roster_csv(rows))
    return installation.python(f"""
from django.contrib.auth import get_user_model
from unionplan.jobs import lifecycle
from unionplan.members import tasks
from unionplan.orgs.models import Organization, Role
org = Organization.objects.create(name="机械厂工会", kind="grassroots", sector="enterprise")
user = get_user_model().objects.create_user("chair", password="x")
Role.objects.create(user=user, organization=org, role="chair")
job = lifecycle.start(tasks.import_roster, title="导入会员名册", user=user, organization=org,
                      params={{"filename": "roster.csv", "needs_payload": True}},
                      payload=open({str(path)!r}, "rb").read())
print(job.pk)
""")


def members(installation) -> int:
    return installation.sql("SELECT count(*) FROM members_member")[0][0]


def test_the_worker_runs_a_queued_import_to_the_end(installation):
    job_id = start_import(installation, 3000)
    assert installation.job(job_id)[0] == "queued"
    installation.start_worker()
    assert installation.wait_for(job_id, {"done", "failed"}) == "done"
    assert members(installation) == 3000
    message, payload = installation.sql("SELECT message, payload FROM jobs_job WHERE attempts = 1")[
        0
    ]
    assert message == "导入完成：新增 3000 人，更新 0 人，跳过有问题的 0 行。"
    assert payload is None  # the full ID numbers do not stay in the job


def test_a_worker_killed_mid_import_leaves_no_rows_and_the_job_can_be_retried(installation):
    job_id = start_import(installation, ROWS)
    worker = installation.start_worker()
    deadline = time.monotonic() + 120
    while not (installation.job(job_id)[1].startswith("写入数据库") and _writing(installation)):
        assert time.monotonic() < deadline, installation.job(job_id)
        assert installation.job(job_id)[0] != "done", "the import ended before the kill"
    installation.kill(worker)

    assert members(installation) == 0
    assert installation.job(job_id)[0] == "running"  # nobody has looked yet
    # the next worker's housekeeping sees the dead process on this host
    installation.start_worker()
    assert installation.wait_for(job_id, {"failed"}, timeout=60) == "failed"
    message = installation.sql("SELECT message FROM jobs_job")[0][0]
    assert "意外中止" in message and "没有保存任何数据" in message
    assert members(installation) == 0

    installation.python(f"""
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job
lifecycle.retry(Job.objects.get(pk={job_id!r}))
""")
    assert installation.wait_for(job_id, {"done", "failed"}) == "done"
    status, _phase, attempts = installation.job(job_id)
    assert (status, attempts) == ("done", 2)
    assert members(installation) == ROWS


def _writing(installation) -> bool:
    """The import's transaction is open: seen twice, 20 ms apart (a heartbeat's own write
    lasts a millisecond)."""
    if not installation.writing_members():
        return False
    time.sleep(0.02)
    return installation.writing_members()
