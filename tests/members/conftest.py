"""Helpers for the members tests: run a unionplan command in this process (so it sees the
test database) the way the console runs it, exit status included."""

import pytest

from tests.cli import in_process_runner


@pytest.fixture
def run_command(capsys, monkeypatch):
    return in_process_runner("unionplan.members", capsys, monkeypatch)
