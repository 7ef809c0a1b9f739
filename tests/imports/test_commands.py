"""`unionplan plan parse` and `plan import` through the real console command."""

import json
from pathlib import Path

import pytest

from tests.cli import assert_one_line_exit_2, run_cli
from tests.factories import OrganizationFactory
from unionplan.plans.models import Plan

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def test_parse_prints_design_json(tmp_path):
    source = tmp_path / "计划.txt"
    source.write_text("2027年工会工作计划\n一、指导思想\n坚持服务职工。\n", encoding="gb18030")
    result = run_cli("plan", "parse", str(source))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) >= {"source", "plans", "warnings"}
    assert document["plans"][0]["year"] == 2027


@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the checkout")
def test_parse_seed_gives_three_plans_in_simplified():
    result = run_cli("plan", "parse", str(CORPUS / "seed.txt"), "--simplified")
    assert result.returncode == 0, result.stderr
    plans = json.loads(result.stdout)["plans"]
    assert len(plans) == 3
    assert "發" not in result.stdout


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02\xff" * 100, b"PK\x03\x04truncated"],
    ids=["empty", "binary", "docx"],
)
def test_parse_bad_file_is_one_line_exit_2(tmp_path, content):
    source = tmp_path / ("x.docx" if content.startswith(b"PK") else "x.txt")
    source.write_bytes(content)
    assert_one_line_exit_2(run_cli("plan", "parse", str(source)))


def test_parse_missing_file_is_exit_2(tmp_path):
    assert_one_line_exit_2(run_cli("plan", "parse", str(tmp_path / "nope.txt")), "找不到")


def import_text(tmp_path, text: str, year: int) -> Plan:
    """Run `plan import` on ``text`` for a new organization; the plan it saved."""
    from django.core.management import call_command

    org = OrganizationFactory()
    source = tmp_path / "计划.txt"
    source.write_text(text, encoding="utf-8")
    call_command("plan_import", str(source), org=org.pk, year=year)
    return Plan.objects.get(organization=org)


@pytest.mark.django_db
def test_import_saves_a_plan(tmp_path):
    plan = import_text(
        tmp_path,
        "2026年学校工会工作计划\n一、指导思想\n服务教职工。\n二、主要活动安排\n三月份：\n1、庆祝三八妇女节，慰问女教工。\n",
        2027,
    )
    assert plan.year == 2027
    assert plan.items.filter(month=3).exists()


@pytest.mark.django_db
def test_import_dates_a_plan_without_a_year_in_the_year_given(tmp_path):
    import datetime as dt

    text = "学校工会工作计划\n一、主要活动安排\n三月份：\n1、3月8日庆祝三八妇女节，慰问女教工。\n"
    plan = import_text(tmp_path, text, 2028)
    assert plan.year == 2028
    assert plan.items.get().date == dt.date(2028, 3, 8)


@pytest.mark.django_db
def test_import_unknown_org_writes_nothing(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    source = tmp_path / "计划.txt"
    source.write_text("一、指导思想\n服务职工。\n", encoding="utf-8")
    with pytest.raises(CommandError, match="不存在"):
        call_command("plan_import", str(source), org=999999)
    assert not Plan.objects.exists()
