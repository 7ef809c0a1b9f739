"""Helpers for the members tests: run a unionplan command in this process (so it sees the
test database) the way the console runs it, exit status included."""

import pytest
from django.core.management import load_command_class


@pytest.fixture
def run_command(capsys):
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
