"""A plan's month grid and year list: items on their days, festivals and holidays marked."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import PlanFactory, ScheduleItemFactory, dated_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2026, title="2026年工会工作计划")


def grid(client, plan, month=None):
    query = {"month": month} if month is not None else {}
    return client.get(reverse("agenda:plan_grid", args=[plan.pk]), query)


def cell(response, day: dt.date) -> str:
    """The HTML of one day's cell."""
    text = response.text
    start = text.rindex("<td", 0, text.index(f'data-date="{day.isoformat()}"'))
    return text[start : text.index("</td>", start)]


def test_items_sit_on_their_days(chair_client, plan):
    dated_item(plan, dt.date(2026, 9, 10), text="教师节庆祝活动", owner="张老师")
    response = grid(chair_client, plan, 9)
    assert response.status_code == 200
    assert "教师节庆祝活动" in cell(response, dt.date(2026, 9, 10))
    assert "张老师" in cell(response, dt.date(2026, 9, 10))
    assert "教师节庆祝活动" not in cell(response, dt.date(2026, 9, 11))


def test_festivals_holidays_and_makeup_days_are_marked(chair_client, plan):
    response = grid(chair_client, plan, 10)
    national = cell(response, dt.date(2026, 10, 1))
    assert "国庆节" in national and "mark off" in national and "holiday" in national
    assert "mark work" in cell(response, dt.date(2026, 10, 10))  # 调休上班 Saturday
    assert "重阳节" in cell(response, dt.date(2026, 10, 18))
    assert "mark" not in cell(response, dt.date(2026, 10, 14))
    assert "尚未发布" not in response.text


def test_uncovered_year_says_so_and_marks_no_holidays(chair_client, org):
    plan = PlanFactory(organization=org, year=2027)
    response = grid(chair_client, plan, 10)
    assert "2027年的法定节假日安排尚未发布/载入" in response.text
    assert "mark off" not in cell(response, dt.date(2027, 10, 1))
    assert "国庆节" in cell(response, dt.date(2027, 10, 1))  # the festival itself is a fact


def test_loaded_schedule_marks_its_holidays(chair_client, org, schedule_file):
    call_command("calendar_load", str(schedule_file), stdout=StringIO())
    plan = PlanFactory(organization=org, year=2027)
    response = grid(chair_client, plan, 9)
    assert "尚未发布" not in response.text
    assert "mark off" in cell(response, dt.date(2027, 9, 16))
    assert "mark work" in cell(response, dt.date(2027, 9, 26))


def test_ongoing_and_undated_items_are_listed_under_the_grid(chair_client, plan):
    ScheduleItemFactory(
        plan=plan, month=3, end_month=6, date=dt.date(2026, 3, 3), end_date=dt.date(2026, 6, 30),
        text="每周健身活动",
    )  # fmt: skip
    ScheduleItemFactory(plan=plan, month=4, text="四月待定的活动")
    response = grid(chair_client, plan, 4)
    assert "本月持续进行的活动" in response.text and "每周健身活动" in response.text
    assert "本月未定具体日期的活动" in response.text and "四月待定的活动" in response.text
    assert "每周健身活动" in cell(grid(chair_client, plan, 3), dt.date(2026, 3, 3))


@pytest.mark.parametrize(
    ("month", "shown"), [("5", 5), ("2030-07", 7), ("13", 1), ("x", 1), (None, 1)]
)
def test_month_parameter(chair_client, org, month, shown):
    plan = PlanFactory(organization=org, year=2030)  # not this year: January by default
    assert grid(chair_client, plan, month).context["grid"].month == shown


def test_this_years_plan_opens_on_this_month(chair_client, org):
    from django.utils import timezone

    today = timezone.localdate()
    plan = PlanFactory(organization=org, year=today.year)
    assert grid(chair_client, plan).context["grid"].month == today.month


def test_year_list_orders_by_date_with_festival_and_undated_last(chair_client, plan):
    dated_item(plan, dt.date(2026, 10, 18), text="重阳慰问")
    dated_item(plan, dt.date(2026, 3, 6), text="三八活动")
    ScheduleItemFactory(plan=plan, month=1, text="一月某时")
    response = chair_client.get(reverse("agenda:plan_year", args=[plan.pk]))
    text = response.text
    assert text.index("三八活动") < text.index("重阳慰问") < text.index("一月某时")
    assert "10月18日（周日）" in text
    assert '<span class="festival">重阳节</span>' in text


def test_pages_are_printable(chair_client, plan):
    for name in ("agenda:plan_grid", "agenda:plan_year"):
        text = chair_client.get(reverse(name, args=[plan.pk])).text
        assert "data-print" in text  # the print button (app.js calls window.print)
        assert 'class="crumbs no-print"' in text


@pytest.mark.parametrize("name", ["agenda:plan_grid", "agenda:plan_year"])
def test_query_count_does_not_grow_with_items(chair_client, plan, name, django_assert_num_queries):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert chair_client.get(reverse(name, args=[plan.pk]), {"month": 3}).status_code == 200
        return len(captured)

    dated_item(plan, dt.date(2026, 3, 2))
    few = count()
    for day in range(3, 31):
        dated_item(plan, dt.date(2026, 3, day))
        ScheduleItemFactory(plan=plan, month=3)
    assert count() == few


def test_viewer_may_read_the_calendar(client, viewer, plan):
    client.force_login(viewer)
    assert grid(client, plan).status_code == 200
