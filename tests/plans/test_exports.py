"""Downloads of a plan as Word, Excel and iCal, opened with each format's own library."""

import datetime as dt
import io
from decimal import Decimal
from urllib.parse import quote

import docx
import icalendar
import openpyxl
import pytest
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from unionplan.plans.exporting import filename
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported_plan(plan):
    top = SectionFactory(plan=plan, title="组织建设", body="夯实基础，强化工会组织建设。")
    TargetFactory(plan=plan, section=top, text="全年不少于4次集中培训")
    ScheduleItemFactory(
        plan=plan,
        month=3,
        date=dt.date(2027, 3, 8),
        text="庆祝三八妇女节，慰问女教工",
        scope="女教职工",
        owner="女工委员",
        budget=Decimal("1500"),
    )
    ScheduleItemFactory(plan=plan, month=10, text="重阳节老教师慰问活动", budget=Decimal("2000"))
    return plan


def download(client, plan, fmt):
    response = client.get(reverse("plans:export", args=[plan.pk, fmt]))
    assert response.status_code == 200
    return response, response.content


def test_word_download(chair_client, exported_plan):
    response, content = download(chair_client, exported_plan, "docx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.word")
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "2027年工会工作计划" in text
    assert "组织建设" in text
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "庆祝三八妇女节，慰问女教工" in cells
    assert "月份" in cells and "经费（元）" in cells


def test_word_download_is_signed_on_the_day_the_plan_was_written(chair_client, exported_plan):
    written = dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)  # 21 November in Beijing
    Plan.objects.filter(pk=exported_plan.pk).update(created_at=written)
    _response, content = download(chair_client, exported_plan, "docx")
    document = docx.Document(io.BytesIO(content))
    assert [p.text for p in document.paragraphs][-1] == "2026年11月21日"
    properties = document.core_properties
    assert (properties.title, properties.author) == (
        exported_plan.title,
        exported_plan.organization.name,
    )


def test_excel_download(chair_client, exported_plan):
    response, content = download(chair_client, exported_plan, "xlsx")
    assert "spreadsheetml" in response["Content-Type"]
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    values = [c for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row]
    assert "重阳节老教师慰问活动" in values
    assert "女教职工" in values


def test_ical_download_has_one_event_per_dated_item(chair_client, exported_plan):
    response, content = download(chair_client, exported_plan, "ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert "三八妇女节" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == dt.date(2027, 3, 8)
    item = exported_plan.items.get(month=3)
    assert str(event["UID"]) == f"item-{item.pk}@unionplan.local"


def test_file_is_named_after_the_chinese_title(chair_client, exported_plan):
    response, _content = download(chair_client, exported_plan, "docx")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('2027年工会工作计划.docx')}" in disposition
    assert 'filename="download.docx"' in disposition  # for a browser without RFC 6266


def test_unknown_format_is_404(chair_client, plan):
    assert chair_client.get(reverse("plans:export", args=[plan.pk, "pdf"])).status_code == 404


def test_plan_page_has_the_three_export_buttons(viewer_client, plan):
    html = viewer_client.get(reverse("plans:detail", args=[plan.pk])).text
    for fmt in ["docx", "xlsx", "ics"]:
        assert reverse("plans:export", args=[plan.pk, fmt]) in html
    assert "日历(iCal)" in html


def test_filenames_are_safe_everywhere():
    assert filename("2027年工会工作计划", "docx") == "2027年工会工作计划.docx"
    assert filename('计划/草稿: "一"', "xlsx") == "计划_草稿_ _一.xlsx"
    assert filename("...", "ics") == "plan.ics"
    assert len(filename("长" * 300, "docx")) == 105
