"""A data folder that was never migrated: every command says so in one line, exit 2.

Before, ten commands printed a 60-line traceback ("no such table") and ``serve`` started and
answered 500 to every page.
"""

import pytest

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from unionplan.core.management.base import NOT_MIGRATED

COMMANDS_USING_THE_DATABASE = [
    ["calendar", "2027"],
    ["calendar", "load", "holidays.toml"],
    ["scope", "resolve", "女职工", "--org", "1"],
    ["plan", "export", "1", "--format", "docx", "-o", "plan.docx"],
    ["plan", "summary", "1", "-o", "summary.docx"],
    ["plan", "new", "--org", "1", "--year", "2027"],
    ["plan", "import", "plan.txt", "--org", "1"],
    ["members", "import", "roster.csv", "--org", "1"],
    ["remind"],
    ["demo"],
    ["serve", "--port", "8179"],
]


@pytest.fixture
def empty_folder(tmp_path):
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "UNIONPLAN_VAR_DIR": str(tmp_path),
    }


@pytest.mark.parametrize("argv", COMMANDS_USING_THE_DATABASE, ids=" ".join)
def test_a_command_in_a_folder_never_migrated_says_run_migrate(argv, empty_folder):
    assert_one_line_exit_2(run_cli(*argv, env=empty_folder), NOT_MIGRATED)


def test_commands_without_the_database_still_work_there(empty_folder):
    result = run_cli("scope", "parse", "70周岁以上退休职工", env=empty_folder)
    assert result.returncode == 0, result.stderr
    assert "retired" in result.stdout


def test_a_migrated_folder_passes_the_check(tmp_path):
    env = migrated_database_env(tmp_path)
    result = run_cli("calendar", "2027", env=env)
    assert result.returncode == 0, result.stderr
    assert "春节" in result.stdout


def test_serve_refuses_port_99999_before_touching_anything():
    """It used to listen on 34463 (99999 mod 65536); the argument itself is refused now."""
    assert_one_line_exit_2(run_cli("serve", "--port", "99999"), "1–65535")
