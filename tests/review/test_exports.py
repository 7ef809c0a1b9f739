"""Exports say which state and version of the plan they come from (issue 13 item 2): the line
under the Word title and the Excel sheet's second row, read back from the files."""

import io

import docx
import pytest
from django.utils import timezone
from python_calamine import CalamineWorkbook

from unionplan.plans import exporting
from unionplan.review import services


def _word_lines(plan) -> list[str]:
    content, _name, _type = exporting.export(plan, "docx")
    return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs][:4]


def _excel_second_row(plan) -> str:
    content, _name, _type = exporting.export(plan, "xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    return str(rows[1][0])


@pytest.mark.django_db
def test_each_state_is_said_with_its_version_and_the_approval_day(tree, school_plan):
    plan = school_plan
    assert "（草稿）" in _word_lines(plan) and _excel_second_row(plan).endswith("（草稿）")

    step = services.submit(plan, tree.school_chair)
    plan.refresh_from_db()
    submitted = f"（已提交，第{step.version}版）"
    assert submitted in _word_lines(plan) and _excel_second_row(plan).endswith(submitted)

    services.review(plan, tree.district_chair, approve=True)
    plan.refresh_from_db()
    today = timezone.localdate()
    approved = f"（已通过，第{step.version}版，{today.year}年{today.month}月{today.day}日批准）"
    assert approved in _word_lines(plan) and _excel_second_row(plan).endswith(approved)
