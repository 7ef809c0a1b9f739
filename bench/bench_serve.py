"""`unionplan serve` under load: the plan page at 1 and at 16 concurrent clients.

Run: ``python bench/bench_serve.py``. Starts the real server as ``serve`` starts it by
default (gunicorn: cores + 1 processes, no threads) and, for comparison, with 2 threads per
process, on 127.0.0.1 against a throw-away SQLite database with a 50-activity plan, and
sends a fixed number of GET requests from N client threads with keep-alive. It prints
throughput and latency percentiles per step (1, 4, 16 clients), the ratio of 16 to 1
client, and the same 16-client load against waitress with 8 threads in one process (what
`serve` used to be), measured in the same run. Loopback only; every loop is bounded by a
request count and a time limit. Fails (exit 1) when 16 clients get less than 1.5× the
throughput of one, or the plan page's p99 reaches 1 s.
"""

from __future__ import annotations

import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8152
STEPS = (1, 4, 16)
REQUESTS_PER_CLIENT = {1: 120, 4: 45, 16: 15}
TIME_LIMIT = 90.0  # seconds per step, whatever happens

_tmp = tempfile.mkdtemp(prefix="unionplan-bench-serve-")
ENV = {
    **os.environ,
    "UNIONPLAN_VAR_DIR": _tmp,
    "DATABASE_URL": f"sqlite:///{_tmp}/bench.sqlite3",
    "UNIONPLAN_ALLOWED_HOSTS": "127.0.0.1",
}
os.environ.update(ENV)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def prepare() -> tuple[str, str]:
    """Migrate, build a plan, log a chair in; returns (plan page path, session cookie)."""
    import django

    from unionplan import startup

    startup.prepare()  # the var folder's secret key, which the servers read: the session must
    django.setup()  # be signed with it, or every request is sent to the login page (302)
    from bench_plan_page import build_plan
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from unionplan.orgs.models import Organization, Role

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    org = Organization.objects.create(name="基准测试工会")
    user = get_user_model().objects.create_user("bench-serve")
    Role.objects.create(user=user, organization=org, role="chair")
    plan = build_plan(org, 50)
    client = Client()
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    from django.db import connections

    connections.close_all()
    return f"/plans/{plan.pk}/", cookie


def start(command: list[str]) -> subprocess.Popen:
    server = subprocess.Popen(
        command, env=ENV, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("server did not start")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()


def load(path: str, cookie: str, clients: int) -> tuple[float, list[float]]:
    """(requests per second, latencies in ms) for ``clients`` threads with keep-alive."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        for _ in range(REQUESTS_PER_CLIENT[clients]):
            if time.monotonic() > deadline:
                break
            began = time.perf_counter()
            connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = connection.getresponse()
            body = response.read()
            took = (time.perf_counter() - began) * 1000
            with lock:
                if response.status != 200 or b"</html>" not in body:
                    failures.append(str(response.status))
                latencies.append(took)
        connection.close()

    for _ in range(2):  # warm every process
        load_one = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        load_one.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        load_one.getresponse().read()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise SystemExit(f"{len(failures)} requests failed: {failures[:5]}")
    return len(latencies) / elapsed, latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def report(name: str, clients: int, rate: float, latencies: list[float]) -> None:
    print(
        f"{name}, {clients:>2} clients: {rate:6.1f} req/s, median "
        f"{statistics.median(latencies):6.1f} ms, p99 {percentile(latencies, 99):6.1f} ms "
        f"({len(latencies)} requests)"
    )


def main() -> int:
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    path, cookie = prepare()
    cli = [sys.executable, "-m", "unionplan.cli", "serve", "--port", str(PORT)]
    results = {}
    from unionplan.ops.management.commands.serve import usable_cores

    workers = usable_cores() + 1  # what serve starts by default
    server = start(cli)
    try:
        for clients in STEPS:
            rate, latencies = load(path, cookie, clients)
            results[clients] = (rate, latencies)
            report(
                f"gunicorn {workers}×1 (default), plan page (50 items)", clients, rate, latencies
            )
    finally:
        stop(server)
    server = start([*cli, "--threads", "2"])
    try:
        t_rate, t_latencies = load(path, cookie, 16)
        report(f"gunicorn {workers}×2 threads, plan page", 16, t_rate, t_latencies)
    finally:
        stop(server)
    waitress = [sys.executable, "-m", "waitress", "--threads", "8", "--listen",
                f"127.0.0.1:{PORT}", "unionplan.wsgi:application"]  # fmt: skip
    server = start(waitress)
    try:
        w_rate, w_latencies = load(path, cookie, 16)
        report("waitress 1×8 (anchor), plan page", 16, w_rate, w_latencies)
    finally:
        stop(server)
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rate1, rate16 = results[1][0], results[16][0]
    p99 = max(percentile(lat, 99) for _, lat in results.values())
    print(
        f"scaling: 16 clients {rate16 / rate1:.2f}× the throughput of 1 (need ≥ 1.5×); "
        f"gunicorn at 16 clients {rate16 / w_rate:.2f}× waitress, {rate16 / t_rate:.2f}× "
        f"with 2 threads per process; worst p99 {p99:.0f} ms "
        f"(need < 1000); load average {load_before:.1f} before, {load_after:.1f} after "
        f"on {os.cpu_count()} cores"
    )
    return 0 if rate16 >= 1.5 * rate1 and p99 < 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
