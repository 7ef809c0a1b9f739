"""The record form and the member form, opened in a Chinese browser and saved untouched,
change nothing that is stored (issue 9: the record form used to lose its date this way)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    tag_member,
)
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
from unionplan.members.models import Member
from unionplan.records.models import ActivityRecord, Attachment

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def school(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return OrganizationFactory(name="实验小学工会", sector="school")


def record_as_stored(record: ActivityRecord) -> dict:
    """Everything a person entered on the record, with its expenses, people and files."""
    row = ActivityRecord.objects.filter(pk=record.pk).values(
        "date", "place", "others_count", "summary", "item_id", "created_by_id"
    ).get()  # fmt: skip
    row["attendees"] = sorted(record.attendees.values_list("pk", flat=True))
    row["expenses"] = list(record.expenses.values_list("category", "amount", "payee", "note"))
    row["attachments"] = list(record.attachments.values_list("original_name", "size"))
    return row


def test_the_record_form_saved_unchanged_changes_nothing(page, school):
    plan = PlanFactory(organization=school, year=2027)
    item = ScheduleItemFactory(plan=plan, month=3, date=dt.date(2027, 3, 8),
                               text="三八妇女节女教职工活动", scope="女教职工")  # fmt: skip
    women = [MemberFactory(organization=school, name=n, gender="female") for n in ("王芳", "李娜")]
    MemberFactory(organization=school, name="张静", gender="female")
    record = ActivityRecordFactory(item=item, date=dt.date(2027, 3, 7), place="学校礼堂",
                                   others_count=3, summary="趣味运动会。\n共三个项目。")  # fmt: skip
    record.attendees.set(women)
    ExpenseLineFactory(record=record, category="prize", amount=Decimal("1234.50"),
                       payee="文具店", note="奖品")  # fmt: skip
    ExpenseLineFactory(record=record, category="other", amount=Decimal("80"), payee="", note="")
    attachment = Attachment(record=record, original_name="合影.jpg", kind="image",
                            content_type="image/jpeg", size=4)  # fmt: skip
    attachment.file.save("合影.jpg", ContentFile(b"\xff\xd8\xff\xe0"), save=True)
    before = record_as_stored(record)

    user = RoleFactory(organization=school, role="chair").user
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/records/{record.pk}/edit/")
    assert page.locator("#id_date").input_value() == "2027-03-07"
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(f"{page.base_url}/records/item/{item.pk}/")
    assert page.locator(".messages .success").count() == 1

    assert record_as_stored(record) == before


def test_the_record_form_of_a_new_record_starts_on_the_planned_date(page, school):
    plan = PlanFactory(organization=school, year=2027)
    item = ScheduleItemFactory(plan=plan, month=6, date=dt.date(2027, 6, 18), text="端午节慰问")
    user = RoleFactory(organization=school, role="chair").user
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/records/item/{item.pk}/new/")
    assert page.locator("#id_date").input_value() == "2027-06-18"


@pytest.mark.parametrize("role", ["chair", "committee"])
def test_the_member_form_saved_unchanged_changes_nothing(page, school, role):
    member = MemberFactory(organization=school, name="王秀英", birth_date=dt.date(1962, 5, 17),
                           phone="13912345678", department="后勤处", post="职员",
                           status="retired", joined_at=dt.date(2001, 9, 1), note="老劳模")  # fmt: skip
    tag_member(member, "劳模", "困难职工")
    before = Member.objects.filter(pk=member.pk).values().get()
    tags = sorted(member.tags.values_list("name", flat=True))

    user = RoleFactory(organization=school, role=role).user  # a committee member sees masks
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/members/org/{school.pk}/")
    page.click(f"table.members a[href$='/members/{member.pk}/edit/']")
    page.wait_for_selector("h1:has-text('修改会员')")
    assert page.locator("#id_birth_date").input_value() == "1962-05-17"
    page.click("form.member-form button[type=submit]")
    page.wait_for_url(f"{page.base_url}/members/org/{school.pk}/")
    assert "没有改动" in page.locator(".messages").inner_text()

    assert Member.objects.filter(pk=member.pk).values().get() == before
    assert sorted(member.tags.values_list("name", flat=True)) == tags
