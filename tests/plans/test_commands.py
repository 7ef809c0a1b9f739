"""``unionplan plan export``: the file it writes, and one line with exit 2 for bad input."""

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli
from tests.plans.conftest import fill_plan


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory):
    return migrated_database_env(tmp_path_factory.mktemp("var"))


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
