"""Every edit form of a plan, opened in a Chinese browser and saved untouched, changes nothing.

This is the test that would have caught the dates wiped in Chinese: chromium shows a date it
cannot read as empty and posts it back empty (issue 9).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    SectionFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

BOOKKEEPING = {"version", "updated_at"}


def stored(row) -> dict:
    row.refresh_from_db()
    return {k: v for k, v in model_to_dict(row).items() if k not in BOOKKEEPING}


@pytest.fixture
def plan(db):
    org = OrganizationFactory(name="实验小学工会", sector="school")
    plan = PlanFactory(
        organization=org, year=2027, title="2027年学校工会工作计划",
        guiding_ideas="坚持以职工为中心。\n全面履行工会职能。", goals="争创模范教工之家",
    )  # fmt: skip
    top = SectionFactory(plan=plan, title="组织建设", body="夯实基础\n健全组织", order=0)
    SectionFactory(plan=plan, parent=top, title="加强培训", order=0)
    TargetFactory(
        plan=plan, section=top, text="组织1—2期业务培训", comparator="range",
        value=Decimal(1), value_high=Decimal(2), unit="期",
    )  # fmt: skip
    ScheduleItemFactory(
        plan=plan, month=6, date=dt.date(2027, 6, 4), end_date=dt.date(2027, 6, 6),
        text="端午节慰问", scope="全体教职工", owner="工会主席", budget=Decimal("12000.50"),
        category="welfare", status="done",
    )  # fmt: skip
    ScheduleItemFactory(plan=plan, month=7, end_month=8, text="暑期疗休养")
    return plan


def open_and_save(page, opener: str, form: str, gone: str) -> None:
    page.click(opener)
    page.wait_for_selector(form)
    page.locator(form).locator("button[type=submit]").click()
    page.wait_for_selector(gone, state="detached")
    assert page.locator(".has-error, .alert.error").count() == 0


def edit_buttons(plan):
    section = plan.sections.get(title="组织建设")
    target = plan.targets.get()
    dated = plan.items.get(text="端午节慰问")
    span = plan.items.get(text="暑期疗休养")
    return [
        (plan, "#header a:has-text('修改计划信息')", "#header-form", "#header-form"),
        (section, f"#section-{section.pk} a:has-text('编辑')", f"#sections-{section.pk}-form",
         f"#sections-{section.pk}-form"),
        (target, f"#target-{target.pk} a:has-text('编辑')", f"#targets-{target.pk}-form",
         f"#targets-{target.pk}-form"),
        (dated, f"#item-{dated.pk} a:has-text('编辑')", f"#items-{dated.pk}-form",
         f"#items-{dated.pk}-form"),
        (span, f"#item-{span.pk} a:has-text('编辑')", f"#items-{span.pk}-form",
         f"#items-{span.pk}-form"),
    ]  # fmt: skip


def test_plan_forms_saved_unchanged_in_chinese_change_nothing(page, plan):
    user = RoleFactory(organization=plan.organization, role="chair").user
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    for row, opener, form, gone in edit_buttons(plan):
        before = stored(row)
        open_and_save(page, opener, form, gone)
        assert stored(row) == before, opener


def test_the_item_form_shows_the_stored_dates_in_chinese_and_english(page, english_page, plan):
    user = RoleFactory(organization=plan.organization, role="chair").user
    item = plan.items.get(text="端午节慰问")
    for browser_page in (page, english_page):
        login(browser_page, user.username, PASSWORD)
        browser_page.goto(f"{browser_page.base_url}/plans/{plan.pk}/")
        browser_page.click(f"#item-{item.pk} a[href$='items/{item.pk}/edit/']")
        form = browser_page.locator(f"#items-{item.pk}-form")
        assert form.locator("input[name=date]").input_value() == "2027-06-04"
        assert form.locator("input[name=end_date]").input_value() == "2027-06-06"
    assert english_page.locator("html").get_attribute("lang") == "en"
    # only the text changed, in Chinese: the dates stay
    form = page.locator(f"#items-{item.pk}-form")
    form.locator("input[name=text]").fill("端午节慰问全体教职工")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f"#item-{item.pk} td:has-text('端午节慰问全体教职工')")
    item.refresh_from_db()
    assert (item.date, item.end_date) == (dt.date(2027, 6, 4), dt.date(2027, 6, 6))


IMPORTED = (
    "学校工会工作计划\n一、指导思想\n团结动员全体教职工。\n二、工作目标\n全年不少于4次集中培训。\n"
    "三、主要活动安排\n三月份：\n1、3月8日庆祝三八妇女节，慰问女教工。\n七、八月份：\n"
    "1、组织工会委员参加工会工作培训\n"
)


def test_the_import_confirmed_unchanged_saves_what_the_preview_showed(page, tmp_path):
    from unionplan.imports.saving import default_year
    from unionplan.plans.convert import plan_to_data
    from unionplan.plans.models import Plan
    from unionplan.text import parse_bytes

    org = OrganizationFactory(name="实验小学工会")
    user = RoleFactory(organization=org, role="chair").user
    source = tmp_path / "计划.txt"
    source.write_bytes(IMPORTED.encode("gb18030"))
    result = parse_bytes(source.read_bytes(), source.name)
    year = default_year(result)
    expected = result.plan_data(0, year=year)
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/imports/{org.pk}/")
    page.set_input_files("#id_file", str(source))
    page.click("text=上传并预览")
    page.wait_for_selector(".plan-preview")
    assert page.input_value("#id_year") == str(year)
    page.click("button:has-text('确认导入')")
    page.wait_for_url(f"{page.base_url}/plans/**")
    saved = plan_to_data(Plan.objects.get(organization=org))
    assert (saved.title, saved.year, saved.guiding_ideas) == (
        expected.title, year, expected.guiding_ideas
    )  # fmt: skip
    assert saved.sections == expected.sections
    assert saved.targets == expected.targets
    fields = ("month", "end_month", "date", "end_date", "text", "scope", "owner", "budget")
    assert [[getattr(i, f) for f in fields] for i in saved.items] == [
        [getattr(i, f) for f in fields] for i in expected.items
    ]
    assert saved.items[0].date == dt.date(year, 3, 8)


def test_a_record_form_starts_with_the_planned_date_and_saves_untouched(page, plan):
    from unionplan.records.models import ActivityRecord

    item = plan.items.get(text="端午节慰问")
    user = RoleFactory(organization=plan.organization, role="chair").user
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/records/item/{item.pk}/new/")
    assert page.input_value("#id_date") == "2027-06-04"
    page.click("form.record-form button:has-text('保存')")
    page.wait_for_selector("text=活动记录已保存")
    assert ActivityRecord.objects.get(item=item).date == dt.date(2027, 6, 4)
