"""The command-line contract: one clear line and exit 2 for bad input, never a traceback."""

import pytest

from tests.cli import assert_one_line_exit_2, run_cli
from unionplan.cli import main


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
    assert_one_line_exit_2(run_cli("serve", "--port", "notanumber"), "参数有误")


@pytest.mark.parametrize("argv", [["plan"], ["plan", "nonsense"]])
def test_unknown_subcommand(argv):
    result = run_cli(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_bench_refuses_an_unknown_benchmark():
    assert_one_line_exit_2(run_cli("bench", "bench_nope"), "bench_nope")


def test_help_lists_every_command_of_the_contract(capsys):
    main(["--help"])
    out = capsys.readouterr().out
    for command in [
        "plan parse", "plan import", "plan new", "plan export", "plan summary",
        "members import", "scope parse", "scope resolve", "calendar", "demo", "serve",
        "bench", "remind",
    ]:  # fmt: skip
        assert command in out, command
