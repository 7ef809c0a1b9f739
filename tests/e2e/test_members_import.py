"""The import preview in a real browser: upload a roster, see the bad rows, confirm, see the
members; screenshots of the preview and the member list go to UNIONPLAN_SCREENSHOTS (if set)."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, RoleFactory
from tests.members.rosters import person, xlsx
from unionplan.members.models import Member

pytestmark = pytest.mark.django_db(transaction=True)


def shot(page, name: str) -> None:
    folder = os.environ.get("UNIONPLAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_import_preview_then_confirm(page, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    org = OrganizationFactory(name="实验小学工会")
    user = RoleFactory(organization=org, role="chair").user
    rows = [
        person(1, 姓名="王芳", 部门="语文组", 标签="劳模"),
        person(2, 姓名="李强", 部门="数学组"),
        person(3, 姓名="张伟", 出生日期="1975-02-30"),
        person(4, 姓名="刘洋", 身份证号="110105194912310021"),
        person(5, 姓名="陈静", 部门="后勤处", 状态="退休"),
    ]
    roster = tmp_path / "教职工花名册.xlsx"
    roster.write_bytes(xlsx(rows))

    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/members/org/{org.pk}/")
    page.click("text=导入花名册")
    page.set_input_files("input[type=file]", str(roster))
    page.click("button:has-text('上传并检查')")

    page.wait_for_selector("text=花名册检查结果")
    problems = page.locator("table.problems tbody tr")
    assert problems.count() == 2
    assert "1975-02-30" in problems.nth(0).inner_text()
    assert "出生日期" in problems.nth(0).inner_text()
    assert "校验" in problems.nth(1).inner_text() or "身份证" in problems.nth(1).inner_text()
    assert "?token=" not in page.url
    assert Member.objects.count() == 0
    shot(page, "members-import-preview.png")

    page.click("button:has-text('导入这 3 行')")
    page.wait_for_selector("text=导入完成")
    table = page.locator("table.members tbody")
    for name in ("王芳", "李强", "陈静"):
        assert name in table.inner_text()
    assert "张伟" not in table.inner_text()
    assert Member.objects.count() == 3
    shot(page, "members-list.png")


def test_sign_in_sheet_prints_and_list_is_masked_for_a_committee_member(page):
    import datetime as dt

    from tests.factories import MemberFactory, PlanFactory, ScheduleItemFactory

    org = OrganizationFactory(name="实验小学工会")
    user = RoleFactory(organization=org, role="committee").user
    for n, (name, dept) in enumerate([("赵一", "语文组"), ("钱二", "数学组"), ("孙三", "后勤处")]):
        MemberFactory(organization=org, name=name, department=dept, status="retired",
                      birth_date=dt.date(1950, 1, 1 + n), phone="13812345678")  # fmt: skip
    MemberFactory(organization=org, name="年轻人", birth_date=dt.date(1995, 1, 1))
    plan = PlanFactory(organization=org, year=2027)
    item = ScheduleItemFactory(plan=plan, month=10, text="重阳节老教师慰问活动",
                               scope="70周岁以上退休老教师")  # fmt: skip

    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/members/org/{org.pk}/")
    listing = page.locator("table.members tbody").inner_text()
    assert "138****5678" in listing and "13812345678" not in listing
    shot(page, "members-list-masked.png")

    page.goto(f"{page.base_url}/members/item/{item.pk}/participants/")
    rows = page.locator("table.signin tbody tr")
    assert rows.count() == 3
    assert "年轻人" not in page.locator("table.signin").inner_text()
    shot(page, "members-participants.png")
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    shot(page, "members-participants-print.png")
