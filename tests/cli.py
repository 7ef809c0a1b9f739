"""Running the real ``unionplan`` console command, as a user or a script would.

The command-line contract (DESIGN.md §5): bad input gives one clear line in Chinese on
stderr and exit status 2, never a traceback. These helpers are shared by every app's
command tests.
"""

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``unionplan ARGS`` in a fresh process (the real argument parsing and exit codes)."""
    return subprocess.run(
        [sys.executable, "-m", "unionplan.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**outside_environment(), **(env or {})},
    )


def outside_environment() -> dict:
    """This process's environment as an operator's shell would have it: without the flag the
    browser tests set for Playwright's event loop (``check --deploy`` rightly refuses it)."""
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def migrated_database_env(folder) -> dict:
    """Environment for ``run_cli`` with an empty, migrated SQLite database in ``folder``.

    The first call in a test process migrates a database of its own (the real command, in
    a fresh process); later calls copy it (SQLite's backup API), since migrating again
    would give the same file and costs several seconds each time.
    """
    env = {"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "UNIONPLAN_VAR_DIR": str(folder)}
    copy_migrated_sqlite(folder / "db.sqlite3")
    return env


def copy_migrated_sqlite(path: Path) -> None:
    """Write an empty, migrated SQLite database at ``path``: a copy of this test process's
    one migrated file (see ``migrated_database_env``)."""
    with sqlite3.connect(_migrated_template()) as source, sqlite3.connect(path) as copy:
        source.backup(copy)


_TEMPLATE: list[Path] = []


def _migrated_template() -> Path:
    if not _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="unionplan-migrated-"))
        env = {
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "UNIONPLAN_VAR_DIR": str(folder),
        }
        result = run_cli("migrate", "--noinput", "-v", "0", env=env)
        assert result.returncode == 0, result.stderr
        _TEMPLATE.append(folder / "db.sqlite3")
    return _TEMPLATE[0]


def assert_one_line_exit_2(result: subprocess.CompletedProcess, words: str = "") -> None:
    """The contract for bad input: exit 2, one line starting with 错误, no traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert result.stderr.startswith("错误"), result.stderr
    assert words in result.stderr


class _KeepConnections:
    """``run_from_argv`` closes every connection when it ends; in a test that would close the
    test's own transaction on PostgreSQL (SQLite's in-memory test database ignores it)."""

    def close_all(self) -> None:
        pass


def in_process_runner(app: str, capsys, monkeypatch):
    """Run ``app``'s commands in this process (so they see the test database) the way the
    console runs them: ``run(name, *args)`` gives (exit status, stdout, stderr)."""
    from django.core.management import load_command_class  # after pytest-django set Django up

    monkeypatch.setattr("unionplan.core.management.base.connections", _KeepConnections())

    def run(name: str, *args: str) -> tuple[int, str, str]:
        command = load_command_class(app, name)
        try:
            command.run_from_argv(["unionplan", name, *args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
