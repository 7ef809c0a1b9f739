"""``unionplan plan export``: the file it writes, and one line with exit 2 for bad input."""

import os
import subprocess
import sys

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.plans.conftest import fill_plan


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unionplan.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    """A migrated, empty SQLite database for the real console command."""
    var = tmp_path_factory.mktemp("var")
    env = {"DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}", "UNIONPLAN_VAR_DIR": str(var)}
    result = run_cli("migrate", "--noinput", "-v", "0", env=env)
    assert result.returncode == 0, result.stderr
    return env


def assert_one_line_exit_2(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("错误")
    assert words in result.stderr


def test_missing_plan_is_one_line_exit_2(empty_database, tmp_path):
    result = run_cli(
        "plan",
        "export",
        "424242",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "a.docx"),
        env=empty_database,
    )
    assert_one_line_exit_2(result, "编号为424242的计划不存在")
    assert not (tmp_path / "a.docx").exists()


def test_plan_id_not_a_number(empty_database, tmp_path):
    result = run_cli(
        "plan",
        "export",
        "abc",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "a.docx"),
        env=empty_database,
    )
    assert_one_line_exit_2(result, "计划编号应为整数")


def test_bad_format_is_one_line_exit_2(empty_database, tmp_path):
    result = run_cli(
        "plan", "export", "1", "--format", "pdf", "-o", str(tmp_path / "a.pdf"), env=empty_database
    )
    assert_one_line_exit_2(result, "不支持的导出格式“pdf”")


def test_missing_output_option_is_one_line_exit_2(empty_database):
    result = run_cli("plan", "export", "1", "--format", "docx", env=empty_database)
    assert_one_line_exit_2(result, "参数有误")


@pytest.mark.django_db
def test_export_writes_a_word_file(plan, tmp_path, capsys):
    fill_plan(plan, 12)
    out = tmp_path / "计划.docx"
    call_command("plan_export", str(plan.pk), "--format", "docx", "-o", str(out))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "2027年工会工作计划" in text
    assert "已导出" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["missing-dir/a.docx", "."])
def test_unwritable_path_is_a_user_error(plan, tmp_path, where):
    target = tmp_path / where
    with pytest.raises(CommandError, match=r"无法写入|是一个目录"):
        call_command("plan_export", str(plan.pk), "--format", "docx", "-o", str(target))
    assert not (tmp_path / "missing-dir").exists()
