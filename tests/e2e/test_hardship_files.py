"""A hardship file from intake to payment, in a Chinese browser: the chair records the
household, sees it classified, approves it; the federation's staff approves it; the chair sets
a 公示 period that has ended, prints the masked list and pays aid within the cap, which lands in
the welfare register. Each page is photographed at 1366 and 390 px, without sideways scroll."""

import datetime as dt
from decimal import Decimal as D

import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    DibaoStandardFactory,
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
)
from unionplan.welfare.hardship_models import HardshipFile
from unionplan.welfare.models import WelfareEntry

pytestmark = pytest.mark.django_db(transaction=True)


def shoot(page, shots, name: str) -> None:
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"hardship-{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
    page.set_viewport_size({"width": 1366, "height": 900})


def switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username, PASSWORD)


def test_a_hardship_file_from_intake_to_payment(page, shots):
    today = dt.date.today()
    DibaoStandardFactory(city="合肥市", year=today.year, monthly=D(800))
    school = OrganizationFactory(name="合肥一中工会", parent=FederationFactory(name="瑶海区总工会"))
    worker = MemberFactory(organization=school, name="张三丰", department="后勤处")
    chair = RoleFactory(organization=school, role="chair").user
    staff = RoleFactory(organization=school.parent, role="staff").user
    login(page, chair.username, PASSWORD)

    page.goto(f"{page.base_url}/orgs/{school.pk}/")
    page.click("text=困难职工档案")
    page.click("text=建立档案")
    page.fill("#id_id_number", worker.id_number)
    page.select_option("#id_city", "合肥市")
    page.fill("#id_situation", "配偶患尿毒症，长期透析")
    page.fill("#id_people-0-name", "张三丰")
    page.fill("#id_people-0-income", "三万")  # not a number: refused, nothing saved
    page.select_option("#id_people-1-relation", "配偶")
    page.fill("#id_people-1-costs", "6000")
    page.fill("#id_people-1-costs_note", "透析")
    page.click("button[value=save]")
    assert "年收入应为数字" in page.inner_text("form.hardship-form")
    assert not HardshipFile.objects.exists()
    page.fill("#id_people-0-income", "30,000")
    page.click("button[value=preview]")
    assert "相对困难" in page.inner_text("#classification")
    shoot(page, shots, "intake")
    page.click("button[value=save]")
    page.wait_for_selector("#classification")
    assert "月人均1,000.00元" in page.inner_text("#classification")

    page.select_option("#review-form select[name=decision]", "approve")
    page.click("#review-form button[type=submit]")
    page.wait_for_selector("text=已审核通过")
    assert HardshipFile.objects.get().state == "union_approved"

    switch_user(page, staff)
    page.goto(f"{page.base_url}/welfare/org/{school.parent.pk}/hardship/")
    shoot(page, shots, "list")
    page.click("text=张三丰")
    page.fill("#review-form input[name=comment]", "同意认定")
    page.click("#review-form button[type=submit]")
    page.wait_for_selector("text=已审核通过")
    assert HardshipFile.objects.get().state == "approved"

    switch_user(page, chair)
    file = HardshipFile.objects.get()
    page.goto(f"{page.base_url}/welfare/hardship/{file.pk}/")
    page.fill("#publicity-form input[name=start]", (today - dt.timedelta(10)).isoformat())
    page.fill("#publicity-form input[name=end]", (today - dt.timedelta(3)).isoformat())
    page.click("#publicity-form button[type=submit]")
    page.wait_for_selector("text=公示期已设定")

    page.goto(f"{page.base_url}/welfare/org/{school.pk}/hardship/publicity/?year={today.year}")
    text = page.inner_text("main")
    assert "张**" in text and "张三丰" not in text and "相对困难" in text
    shoot(page, shots, "publicity")

    page.goto(f"{page.base_url}/welfare/hardship/{file.pk}/")
    page.click("text=发放帮扶")
    page.select_option("#id_kind", "living")
    page.fill("#id_amount", "7000")  # 相对困难: 8 months of 800 = 6,400 at most
    page.fill("#id_date", today.isoformat())
    page.click("button[value=check]")
    decision = page.inner_text("#decision")
    assert decision.startswith("超出规定") and "6,400.00" in decision
    page.fill("#id_amount", "3000")
    page.fill("#id_received_by", "张三丰")
    page.check("#id_signed")
    page.click("button[value=check]")
    assert page.inner_text("#decision").startswith("符合规定")
    shoot(page, shots, "pay")
    page.click("button[value=pay]")
    page.wait_for_selector("text=记入福利慰问台账")
    assert "3,000.00" in page.inner_text("table.aids")
    shoot(page, shots, "file")
    entry = WelfareEntry.objects.get()
    assert entry.kind == "hardship" and entry.amount == D(3000) and entry.signed

    page.goto(f"{page.base_url}/welfare/org/{school.pk}/hardship/readers/")
    shoot(page, shots, "readers")


def test_a_committee_member_is_refused_in_chinese(page, shots):
    school = OrganizationFactory(name="合肥一中工会")
    committee = RoleFactory(organization=school, role="committee").user
    login(page, committee.username, PASSWORD)
    response = page.goto(f"{page.base_url}/welfare/org/{school.pk}/hardship/")
    assert response.status == 403
    assert "只有本工会主席和主席指定的人员可以查看" in page.inner_text("body")
    shoot(page, shots, "refused")
