"""``make run`` (the README's first command) serves the site and runs the worker beside it;
Ctrl+C stops both."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.jobs.installation import REPO

pytestmark = pytest.mark.real_queue


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def workers_of(session: int) -> list[int]:
    """Processes of ``session`` running ``unionplan worker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if b"worker" in argv and os.getsid(int(entry.name)) == session:
                found.append(int(entry.name))
        except (OSError, ProcessLookupError):
            continue
    return found


def wait_until_served(url: str, make: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert make.poll() is None, make.stdout.read()
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer in {timeout} s")


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads /proc to find the worker")
def test_make_run_starts_the_worker_with_the_server_and_ctrl_c_stops_both(tmp_path):
    port = free_port()
    env = {**os.environ, "UNIONPLAN_VAR_DIR": str(tmp_path), "UNIONPLAN_TASKS": "database",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}  # fmt: skip
    make = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}", "HOST=127.0.0.1"],
        cwd=REPO, env=env, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        wait_until_served(f"http://127.0.0.1:{port}/accounts/login/", make)
        workers = workers_of(make.pid)
        assert len(workers) == 1

        job_id = subprocess.run(
            [sys.executable, "-c", START_SUMMARY], env=env, cwd=REPO,
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        assert wait_for_job(tmp_path / "db.sqlite3", job_id) == "done"

        os.killpg(make.pid, signal.SIGINT)  # what Ctrl+C in the terminal does
        make.wait(timeout=60)
        time.sleep(0.5)
        assert not workers_of(make.pid)
        assert all(not Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()


START_SUMMARY = """
import django, os
os.environ['DJANGO_SETTINGS_MODULE'] = 'unionplan.settings'
django.setup()
from django.contrib.auth import get_user_model
from unionplan.jobs import lifecycle
from unionplan.plans.models import Plan
from unionplan.records import tasks
plan = Plan.objects.order_by('pk').first()
user = get_user_model().objects.get(username='demo')
job = lifecycle.start(tasks.year_summary, title='总结', user=user,
                      organization=plan.organization, params={'plan': plan.pk})
print(job.pk)
"""


def wait_for_job(database: Path, job_id: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sqlite3.connect(database, timeout=30) as conn:
            (status,) = conn.execute(
                "SELECT status FROM jobs_job WHERE id = ?", (uuid.UUID(job_id).hex,)
            ).fetchone()
        if status in ("done", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} is still {status}")
