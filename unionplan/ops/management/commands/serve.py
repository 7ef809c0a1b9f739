"""``unionplan serve``: the web server for an office PC and for a real server alike.

On Linux and macOS it runs gunicorn: one process per core and one spare, each serving one
request at a time. Python runs one thread at a time per process, so processes — not
threads — are what make a second core useful; and threads made it worse: on 2 cores, 16
clients got 44–103 requests/s from 2–3 processes × 2–4 threads, erratically (median 66 over
12 runs), but 75–105 from plain processes (median 94 over 11 runs; ``bench/bench_serve.py``).
A profile showed the threads' time in page rendering, so most likely they lose it taking the
interpreter lock back from each other after every database call and socket write. The spare
process keeps a core busy while another one waits on the database or on a slow request.
``--threads`` still gives each process threads (gunicorn's gthread worker) for a deployment
that wants keep-alive without a proxy. Windows has no fork(); there it stays on waitress
(one process, threads).

It refuses to start on a database that has not been migrated (every page would fail; the
check every command makes, in ``UnionplanCommand``) and on a port outside 1–65535.
"""

from __future__ import annotations

import os
import sys

from django.db import connections

from unionplan.core.management.base import UnionplanCommand, port_number
from unionplan.errors import UserInputError

WINDOWS = sys.platform == "win32"


class Command(UnionplanCommand):
    help = "启动网页服务（默认 http://127.0.0.1:8000）"

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="监听地址")
        parser.add_argument("--port", type=port_number, default=8000, help="端口（1–65535）")
        parser.add_argument(
            "--workers",
            type=int,
            default=usable_cores() + 1,
            help="进程数（默认 CPU 核数加一；Windows 上只用一个进程）",
        )
        parser.add_argument(
            "--threads", type=int, default=None, help="每个进程的线程数（默认 1，Windows 8）"
        )

    def run(self, *args, host: str, port: int, workers: int, threads: int | None, **options):
        if workers < 1 or (threads is not None and threads < 1):
            raise UserInputError("进程数和线程数至少为 1")
        connections.close_all()  # no connection may be shared with the forked workers
        if WINDOWS:
            self._waitress(host, port, threads or 8)
        else:
            self._gunicorn(host, port, workers, threads or 1)

    def _waitress(self, host: str, port: int, threads: int) -> None:
        # Only the server asked for is imported (gunicorn does not even import on Windows).
        from waitress import serve

        from unionplan.wsgi import application

        self.stdout.write(
            f"unionplan 已启动：http://{host}:{port}/  （{threads} 个线程，按 Ctrl+C 停止）"
        )
        serve(application, host=host, port=port, threads=threads, ident="unionplan")

    def _gunicorn(self, host: str, port: int, workers: int, threads: int) -> None:
        # Only the server asked for is imported (gunicorn does not even import on Windows).
        from unionplan.ops.gunicorn import GunicornServer

        each = f" × {threads} 个线程" if threads > 1 else ""
        self.stdout.write(
            f"unionplan 已启动：http://{host}:{port}/  （{workers} 个进程{each}，按 Ctrl+C 停止）"
        )
        self.stdout.flush()
        GunicornServer(bind=_bind(host, port), workers=workers, threads=threads).run()


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the
    machine has; ``os.cpu_count`` would count them all)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
