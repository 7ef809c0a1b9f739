"""``unionplan serve``: real processes answering real HTTP on the loopback address."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli import assert_one_line_exit_2, in_process_runner, migrated_database_env, run_cli

PORT = 8151


def children(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_for(url: str, seconds: float = 40) -> tuple[int, bytes]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wait_for_children(pid: int, count: int, seconds: float = 40) -> list[int]:
    """The server's workers once ``count`` are up: gunicorn starts them one after another,
    so the first can answer before the last exists (a busy machine shows the gap)."""
    deadline = time.monotonic() + seconds
    while len(found := children(pid)) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="counts worker processes in /proc")
def test_serve_runs_one_process_per_worker_and_answers_healthz(tmp_path):
    env = {**os.environ, **migrated_database_env(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "unionplan.cli", "serve", "--port", str(PORT), "--workers", "2",
         "--threads", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        status, body = wait_for(f"http://127.0.0.1:{PORT}/healthz")
        assert status == 200
        assert b'"database": "ok"' in body
        assert len(wait_for_children(server.pid, 2)) == 2
        login, _ = wait_for(f"http://127.0.0.1:{PORT}/accounts/login/")
        assert login == 200
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert "2 个进程 × 2 个线程" in out
    assert "gthread" in err


@pytest.mark.skipif(sys.platform != "linux", reason="counts worker processes in /proc")
def test_serve_by_default_runs_a_process_per_core_and_one_more_without_threads(tmp_path):
    env = {**os.environ, **migrated_database_env(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "unionplan.cli", "serve", "--port", str(PORT)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    expected = len(os.sched_getaffinity(0)) + 1
    try:
        status, _ = wait_for(f"http://127.0.0.1:{PORT}/healthz")
        assert status == 200
        assert len(wait_for_children(server.pid, expected)) == expected
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert f"（{expected} 个进程，按 Ctrl+C 停止）" in out
    assert "Using worker: sync" in err


def test_serve_refuses_a_database_that_was_never_migrated(tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
        "UNIONPLAN_VAR_DIR": str(tmp_path),
    }
    assert_one_line_exit_2(run_cli("serve", "--port", str(PORT), env=env), "unionplan migrate")


def test_serve_refuses_port_0_in_a_real_process(tmp_path):
    env = migrated_database_env(tmp_path)
    assert_one_line_exit_2(run_cli("serve", "--port", "0", env=env), "65535")


@pytest.mark.parametrize("port", ["65536", "-1"])
def test_serve_refuses_a_port_outside_1_to_65535(capsys, monkeypatch, port):
    # The same argument parsing in this process: a fresh one costs seconds and proves no more.
    # Were the port let through, the test fails here instead of serving forever.
    monkeypatch.setattr(
        "unionplan.ops.management.commands.serve.Command.run",
        lambda *args, **options: pytest.fail("serve started"),
    )
    run = in_process_runner("unionplan.ops", capsys, monkeypatch)
    code, _out, err = run("serve", "--port", port)
    assert_one_line_exit_2(subprocess.CompletedProcess([], code, "", err), "65535")


def test_the_windows_branch_serves_with_waitress(tmp_path):
    # Windows has no fork(); the same command runs waitress there. Forced here on Linux.
    env = {**os.environ, **migrated_database_env(tmp_path)}
    script = (
        "import sys; import unionplan.ops.management.commands.serve as serve; "
        "serve.WINDOWS = True; from unionplan.cli import main; "
        f"sys.exit(main(['serve', '--port', '{PORT + 1}']))"
    )
    server = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        status, _body = wait_for(f"http://127.0.0.1:{PORT + 1}/healthz")
        assert status == 200
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=60)
    assert "8 个线程" in out
    assert "gunicorn" not in err.lower()
