"""The command-line contract: one clear line and exit 2 for bad input, never a traceback."""

import subprocess
import sys

import pytest

from unionplan.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unionplan.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_our_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "serve" in out
    assert "用法" in out


def test_unknown_command_is_one_line_and_exit_2():
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "未知命令" in result.stderr


def test_bad_argument_to_our_command_is_one_line_and_exit_2():
    result = run_cli("serve", "--port", "notanumber")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("错误")
    assert result.stderr.strip().count("\n") == 0


@pytest.mark.parametrize("argv", [["plan"], ["plan", "nonsense"]])
def test_unknown_subcommand(argv):
    result = run_cli(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
