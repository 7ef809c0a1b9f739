"""``unionplan worker`` on the command line: --once, and a clear refusal where no worker
is needed or the queue cannot be reached."""

import pytest

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from tests.jobs.test_worker import members, start_import

pytestmark = pytest.mark.real_queue


def test_worker_once_runs_the_waiting_jobs_and_exits(installation):
    first = start_import(installation, 50)
    assert installation.job(first)[0] == "queued"
    installation.cli("worker", "--once")
    assert installation.job(first)[0] == "done"
    assert members(installation) == 50


def test_worker_is_refused_when_jobs_run_in_the_request(tmp_path):
    env = migrated_database_env(tmp_path)
    result = run_cli("worker", env={**env, "UNIONPLAN_TASKS": "immediate"})
    assert_one_line_exit_2(result, "不需要 worker")


def test_the_worker_is_listed_in_the_help():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "worker" in result.stdout and "后台任务" in result.stdout
