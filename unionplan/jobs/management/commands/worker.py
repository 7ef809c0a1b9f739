"""``unionplan worker``: run the background jobs (imports, exports, summaries, reminders).

With the database queue (the default, ``UNIONPLAN_TASKS=database``) it is django-tasks-db's
worker loop; with ``UNIONPLAN_TASKS=rq`` an RQ worker on the Redis server of
``UNIONPLAN_REDIS_URL``. Beside it a thread does the housekeeping of
``unionplan.jobs.housekeeping``. Several workers, on one host or many, may run at once.
"""

from django.conf import settings

from unionplan.core.management.base import UnionplanCommand
from unionplan.errors import UserInputError
from unionplan.jobs.housekeeping import Housekeeper, sweep
from unionplan.jobs.lifecycle import worker_name


class Command(UnionplanCommand):
    help = "运行后台任务（名册导入、导出、年度总结、提醒）；与网页服务同时运行"

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="把排队中的任务做完就退出（供计划任务调用）"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="没有任务时每隔几秒查看一次（默认1）"
        )

    def run(self, *args, once: bool, interval: float, verbosity: int, **options):
        kind = settings.TASKS_KIND
        if kind == "immediate":
            raise UserInputError(
                "UNIONPLAN_TASKS=immediate：任务在网页请求中直接运行，不需要 worker。"
            )
        if once:
            sweep()
        else:
            Housekeeper().start()
        where = "Redis 队列 " + settings.REDIS_URL if kind == "rq" else "数据库队列"
        if verbosity:
            self.stdout.write(f"unionplan 后台任务进程已启动（{where}）。按 Ctrl+C 停止。")
        if kind == "rq":
            _work_rq(once)
        else:
            _work_database(once, interval)


def _work_database(once: bool, interval: float) -> None:
    # Only the queue in use is imported (django-rq needs Redis's client, the other not).
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=once,
        backend_name="default",
        startup_delay=not once,
        max_tasks=None,
        worker_id=worker_name()[:64],
        excluded_queue_names=[],
    )
    worker.configure_signals()
    worker.run()


def _work_rq(once: bool) -> None:
    # Only the queue in use is imported (django-rq needs Redis's client).
    from django_rq.utils import reset_db_connections
    from django_rq.workers import get_worker
    from redis.exceptions import ConnectionError as RedisConnectionError

    try:
        worker = get_worker("default", job_class="django_tasks_rq.Job")
        reset_db_connections()  # RQ forks a process per job: no connection may cross it
        worker.work(burst=once, logging_level="WARNING")
    except RedisConnectionError:
        raise UserInputError(
            f"连接不上 Redis（{settings.REDIS_URL}）：请确认 redis-server 在运行，"
            "或检查 UNIONPLAN_REDIS_URL。"
        ) from None
