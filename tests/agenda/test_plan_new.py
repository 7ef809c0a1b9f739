"""``unionplan plan new``: a complete, dated draft for every sector; bad input changes nothing."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.cli import assert_one_line_exit_2, run_cli
from tests.factories import OrganizationFactory, PlanFactory
from unionplan import calendar as cal
from unionplan import vocab
from unionplan.agenda import holidays
from unionplan.generator import load_library
from unionplan.plans.models import Plan, ScheduleItem, Section, Target

pytestmark = pytest.mark.django_db


def plan_new(*args: str) -> str:
    out = StringIO()
    call_command("plan_new", *args, stdout=out)
    return out.getvalue()


def workday_rule_texts(sector: str, org_name: str, year: int) -> set[str]:
    """Texts of the library's activities whose rule moves them off days off."""
    library = load_library(sector)

    def fill(text: str) -> str:
        return text.replace("{year}", str(year)).replace("{organization}", org_name)

    return {fill(a.text) for a in library.activities if a.rule == "workday"}


@pytest.mark.parametrize("sector", vocab.codes(vocab.SECTORS))
@pytest.mark.parametrize("year", [2026, 2027])
def test_every_sector_gets_a_dated_complete_draft(sector, year):
    org = OrganizationFactory(name="测试工会", sector=sector)
    out = plan_new("--org", str(org.pk), "--year", str(year))
    plan = Plan.objects.get(organization=org)
    assert plan.title == f"{year}年测试工会工作计划"
    assert plan.year == year and plan.status == "draft"
    assert f"编号{plan.pk}" in out
    assert Section.objects.filter(plan=plan, parent=None).count() >= 3
    assert Target.objects.filter(plan=plan).count() >= 3
    items = list(ScheduleItem.objects.filter(plan=plan))
    assert len(items) >= 15
    assert all(item.date and item.date.year == year for item in items)
    assert all(item.month == item.date.month for item in items)
    assert {item.month for item in items} >= {1, 3, 9, 12}
    calendar = cal.HolidayCalendar()
    moved = workday_rule_texts(sector, org.name, year)
    checked = [item for item in items if item.text in moved]
    assert checked, "the library has activities that move to workdays"
    for item in checked:
        assert calendar.is_workday(item.date), (item.text, item.date)


def test_sector_option_overrides_the_orgs(db):
    org = OrganizationFactory(sector="enterprise")
    plan_new("--org", str(org.pk), "--year", "2027", "--sector", "school")
    texts = " ".join(ScheduleItem.objects.values_list("text", flat=True))
    assert "教师节" in texts


def test_school_2027_festival_visits_land_before_the_festivals(db):
    org = OrganizationFactory(sector="school")
    plan_new("--org", str(org.pk), "--year", "2027")
    items = {item.text: item.date for item in ScheduleItem.objects.all()}
    chongyang = [d for text, d in items.items() if "重阳" in text]
    assert chongyang and all(d <= dt.date(2027, 10, 8) for d in chongyang)
    spring = [d for text, d in items.items() if "春节前" in text]
    assert spring and all(d < dt.date(2027, 2, 6) for d in spring)


def test_loaded_schedule_moves_items_off_its_holidays(db, schedule_file):
    call_command("calendar_load", str(schedule_file), stdout=StringIO())
    org = OrganizationFactory(sector="school")
    out = plan_new("--org", str(org.pk), "--year", "2027")
    assert "尚未发布" not in out
    calendar = holidays.calendar()
    moved = workday_rule_texts("school", org.name, 2027)
    for item in ScheduleItem.objects.all():
        if item.text in moved:
            assert calendar.is_workday(item.date), (item.text, item.date)
            assert not dt.date(2027, 9, 15) <= item.date <= dt.date(2027, 9, 17)


def test_uncovered_year_says_dates_are_tentative(db):
    org = OrganizationFactory()
    assert "2027年的法定节假日安排尚未发布/载入" in plan_new("--org", str(org.pk), "--year", "2027")


def test_same_title_is_refused_with_a_suggestion(db):
    org = OrganizationFactory(name="实验中学工会")
    PlanFactory(organization=org, year=2027, title="2027年实验中学工会工作计划")
    with pytest.raises(CommandError, match=r"请换一个标题.*--title") as raised:
        plan_new("--org", str(org.pk), "--year", "2027")
    assert raised.value.returncode == 2
    assert Plan.objects.count() == 1
    plan_new("--org", str(org.pk), "--year", "2027", "--title", "2027年工作计划（草稿二）")
    assert Plan.objects.count() == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--year", "2027", "--sector", "bank"], "未知的行业类型“bank”"),
        (["--year", "1949"], "1950到2100"),
        (["--year", "明年"], "年份应为"),
    ],
)
def test_bad_input_changes_nothing(db, args, words):
    org = OrganizationFactory()
    with pytest.raises(CommandError, match=words):
        plan_new("--org", str(org.pk), *args)
    assert not Plan.objects.exists()
    assert not ScheduleItem.objects.exists()


def test_missing_org(db):
    with pytest.raises(CommandError, match="编号为424242的工会不存在"):
        plan_new("--org", "424242", "--year", "2027")


def test_cli_contract(cli_database):
    assert_one_line_exit_2(
        run_cli("plan", "new", "--org", "1", "--year", "2027", env=cli_database), "工会不存在"
    )
    assert_one_line_exit_2(
        run_cli("plan", "new", "--org", "x", "--year", "2027", env=cli_database), "工会编号应为整数"
    )
    assert_one_line_exit_2(run_cli("plan", "new", "--year", "2027", env=cli_database), "--org")
