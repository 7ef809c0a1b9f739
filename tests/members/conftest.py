"""Helpers for the members tests: run a unionplan command in this process (so it sees the
test database) the way the console runs it, exit status included."""

import pytest
from django.core.management import load_command_class


class _KeepConnections:
    """``run_from_argv`` closes every connection when it ends; in a test that would close the
    test's own transaction on PostgreSQL (SQLite's in-memory test database ignores it)."""

    def close_all(self) -> None:
        pass


@pytest.fixture
def run_command(capsys, monkeypatch):
    monkeypatch.setattr("unionplan.core.management.base.connections", _KeepConnections())

    def run(name: str, *args: str) -> tuple[int, str, str]:
        command = load_command_class("unionplan.members", name)
        try:
            command.run_from_argv(["unionplan", name, *args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
