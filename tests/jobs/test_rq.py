"""The Redis/RQ queue for several hosts, against the real redis-server of the machine.

Where CI is set a missing Redis fails the run (CI installs and starts Debian's
redis-server); on a developer's machine without one these tests skip.
"""

import os

import pytest

from tests.jobs.test_worker import members, start_import

pytestmark = pytest.mark.real_queue

# A database number of this run's own: the queue is one Redis list, so two test runs on one
# machine sharing a database would run each other's jobs against the wrong installation.
REDIS_URL = os.environ.get(
    "UNIONPLAN_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{1 + os.getppid() % 15}"
)


@pytest.fixture
def redis_env():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"redis-server does not answer at {REDIS_URL} (CI=true: it must)")
        pytest.skip(f"redis-server does not answer at {REDIS_URL}")
    return {"UNIONPLAN_TASKS": "rq", "UNIONPLAN_REDIS_URL": REDIS_URL}


def test_an_import_queued_on_redis_is_run_by_an_rq_worker(installation, redis_env):
    installation.env.update(redis_env)
    job_id = start_import(installation, 2500)
    installation.start_worker()
    assert installation.wait_for(job_id, {"done", "failed"}) == "done"
    assert members(installation) == 2500
    message = installation.sql("SELECT message FROM jobs_job")[0][0]
    assert "新增 2500 人" in message


def test_the_worker_says_when_redis_does_not_answer(installation):
    installation.env.update(
        {"UNIONPLAN_TASKS": "rq", "UNIONPLAN_REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    worker = installation.start_worker()
    output, _ = worker.communicate(timeout=60)
    assert worker.returncode == 2
    assert "连接不上 Redis" in output and "Traceback" not in output


def test_a_job_that_cannot_be_queued_fails_with_a_message_and_stores_nothing(installation):
    """Redis down while a user starts an import: the page says so; nothing is imported."""
    installation.env.update(
        {"UNIONPLAN_TASKS": "rq", "UNIONPLAN_REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    job_id = start_import(installation, 10)
    status, _phase, attempts = installation.job(job_id)
    assert (status, attempts) == ("failed", 0)
    assert "任务队列连接不上" in installation.sql("SELECT message FROM jobs_job")[0][0]
    assert members(installation) == 0
