import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
    ScheduleItemFactory,
    TargetFactory,
)
from tests.records.conftest import docx_upload, exe_as_jpg, jpeg, stored_files, xlsx_as_docx
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory, held
from unionplan.records import services
from unionplan.records.models import ActivityRecord, Attachment, TargetMeasure, TargetValue


def post_data(**extra) -> dict:
    data = {
        "date": "2027-03-08",
        "place": "学校礼堂",
        "others_count": "2",
        "summary": "女职工趣味运动会",
        "expenses-TOTAL_FORMS": "3",
        "expenses-INITIAL_FORMS": "0",
        "expenses-MIN_NUM_FORMS": "0",
        "expenses-MAX_NUM_FORMS": "50",
        "expenses-0-category": "prize",
        "expenses-0-amount": "320.50",
        "expenses-0-payee": "文具店",
    }
    for i in (1, 2):
        data[f"expenses-{i}-category"] = "other"
    data.update(extra)
    return data


def test_recording_an_activity_saves_it_and_marks_the_item_done(chair_client, item, org, media):
    members = MemberFactory.create_batch(2, organization=org)
    data = post_data(attendees=[str(members[0].pk)], files=[jpeg(), docx_upload()])
    response = chair_client.post(reverse("records:create", args=[item.pk]), data)
    assert response.status_code == 302
    record = ActivityRecord.objects.get()
    assert (record.place, record.others_count) == ("学校礼堂", 2)
    assert list(record.attendees.all()) == [members[0]]
    assert record.expenses.get().amount == Decimal("320.50")
    assert record.attachments.count() == 2 and len(stored_files(media)) == 2
    item.refresh_from_db()
    assert item.status == "done"
    page = chair_client.get(reverse("records:item", args=[item.pk])).content.decode()
    assert "已完成" in page and "学校礼堂" in page


def test_the_form_lists_the_members_of_the_items_scope(chair_client, plan, org):
    item = ScheduleItemFactory(plan=plan, scope="女职工")
    MemberFactory(organization=org, name="王芳", gender="female")
    MemberFactory(organization=org, name="李强", gender="male", birth_date=None)
    page = chair_client.get(reverse("records:create", args=[item.pk])).content.decode()
    assert "王芳" in page and "李强" not in page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"expenses-0-amount": "-10"}, "金额须大于0元"),
        ({"expenses-0-amount": "一百"}, "金额应为数字"),
        ({"date": "2026-12-31"}, "不在计划年度2027年内"),
        ({"files": [exe_as_jpg()]}, "内容与扩展名.jpg不符"),
        ({"files": [jpeg(), xlsx_as_docx()]}, "实际是Excel 表格（.xlsx），内容与扩展名.docx不符"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_stores_nothing(
    chair_client, item, media, extra, message
):
    response = chair_client.post(reverse("records:create", args=[item.pk]), post_data(**extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ActivityRecord.objects.exists() and not stored_files(media)
    item.refresh_from_db()
    assert item.status == "planned"


def test_an_attendee_of_another_union_is_refused(chair_client, item):
    other = MemberFactory(organization=OrganizationFactory())
    response = chair_client.post(
        reverse("records:create", args=[item.pk]), post_data(attendees=[str(other.pk)])
    )
    assert "不属于本工会" in response.content.decode()
    assert not ActivityRecord.objects.exists()


def test_another_organizations_item_answers_404(client, stranger, item):
    client.force_login(stranger)
    for name in ("records:item", "records:create"):
        assert client.get(reverse(name, args=[item.pk])).status_code == 404
    assert client.post(reverse("records:create", args=[item.pk]), post_data()).status_code == 404
    assert not ActivityRecord.objects.exists()


def test_a_viewer_sees_records_but_cannot_write(client, viewer, item):
    record = ActivityRecordFactory(item=item)
    client.force_login(viewer)
    assert client.get(reverse("records:item", args=[item.pk])).status_code == 200
    assert client.get(reverse("records:create", args=[item.pk])).status_code == 404
    assert client.post(reverse("records:delete", args=[record.pk])).status_code == 404
    assert ActivityRecord.objects.filter(pk=record.pk).exists()


@pytest.fixture
def attachment(item, org, media):
    data = services.RecordInput(date=dt.date(2027, 3, 8), files=[jpeg("合影.jpg")])
    record = services.save_record(item, org, data)
    return record.attachments.get()


def test_an_attachment_is_served_to_the_union_with_safe_headers(client, viewer, attachment):
    client.force_login(viewer)
    response = client.get(reverse("records:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8\xff")


@pytest.mark.parametrize("who", ["stranger", "anonymous", "sibling"])
def test_an_attachment_answers_404_to_anyone_else(client, stranger, attachment, org, who):
    if who == "stranger":
        client.force_login(stranger)
    if who == "sibling":
        client.force_login(RoleFactory(organization=OrganizationFactory(), role="chair").user)
    response = client.get(reverse("records:attachment", args=[attachment.pk]))
    assert response.status_code in ({404} if who != "anonymous" else {302})
    assert Attachment.objects.filter(pk=attachment.pk).exists()


def test_a_federation_role_reaches_attachments_below(client, attachment, org):
    federation = OrganizationFactory(kind="federation", name="区总工会")
    org.parent = federation
    org.save()
    client.force_login(RoleFactory(organization=federation, role="viewer").user)
    assert client.get(reverse("records:attachment", args=[attachment.pk])).status_code == 200


def build_plan(plan, n: int, org) -> None:
    member = MemberFactory(organization=org)
    for i in range(n):
        item = ScheduleItemFactory(plan=plan, month=1 + i % 12, category="welfare")
        record = held(item)[0]
        record.attendees.add(member)
        ExpenseLineFactory(record=record)
        TargetFactory(plan=plan)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_plan_overview_takes_the_same_queries_for_10_or_60_items(chair_client, plan, org):
    url = reverse("records:plan", args=[plan.pk])
    build_plan(plan, 10, org)
    few = count_queries(chair_client, url)
    build_plan(plan, 50, org)
    assert count_queries(chair_client, url) == few


def test_the_item_page_takes_the_same_queries_for_2_or_20_records(chair_client, item, org):
    url = reverse("records:item", args=[item.pk])
    for _ in range(2):
        ExpenseLineFactory(record=ActivityRecordFactory(item=item))
    few = count_queries(chair_client, url)
    for _ in range(18):
        ExpenseLineFactory(record=ActivityRecordFactory(item=item))
    assert count_queries(chair_client, url) == few


def test_the_ledger_exports_xlsx_with_formula_totals_on_a4_landscape(chair_client, plan):
    item = ScheduleItemFactory(plan=plan, category="welfare", budget=Decimal(800))
    ExpenseLineFactory(record=ActivityRecordFactory(item=item), amount=Decimal("120.50"))
    ExpenseLineFactory(record=ActivityRecordFactory(item=item), amount=Decimal("79.50"))
    response = chair_client.get(reverse("records:ledger", args=[plan.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    ledger = book["经费明细"]
    assert [ledger.cell(r, 7).value for r in (3, 4)] == [120.5, 79.5]
    assert ledger.cell(5, 7).value == "=SUM(G3:G4)"
    assert ledger.page_setup.orientation == "landscape" and int(ledger.page_setup.paperSize) == 9
    budget = book["预算执行"]
    assert (budget.cell(3, 1).value, budget.cell(3, 2).value, budget.cell(3, 4).value) == (
        "帮扶慰问",
        800,
        "=B3-C3",
    )


def test_a_target_can_be_tied_to_a_category_and_given_manual_values(chair_client, plan):
    target = TargetFactory(plan=plan)
    url = reverse("records:target", args=[target.pk])
    chair_client.post(url, {"m-metric": "records", "m-category": "training"})
    assert TargetMeasure.objects.get(target=target).category == "training"
    chair_client.post(url, {"v-value": "3", "v-date": "2027-05-01", "v-note": "上报"})
    assert TargetValue.objects.get(target=target).value == 3
    assert "0/4次" in chair_client.get(url).content.decode()


def test_a_viewer_cannot_change_a_target(client, viewer, plan):
    target = TargetFactory(plan=plan)
    client.force_login(viewer)
    response = client.post(
        reverse("records:target", args=[target.pk]), {"v-value": "3", "v-date": "2027-05-01"}
    )
    assert response.status_code == 404 and not TargetValue.objects.exists()


def test_another_organizations_plan_pages_answer_404(client, stranger, plan):
    client.force_login(stranger)
    for name in ("records:plan", "records:ledger"):
        assert client.get(reverse(name, args=[plan.pk])).status_code == 404
    assert client.post(reverse("records:summary", args=[plan.pk])).status_code == 404
    assert (
        client.get(reverse("records:target", args=[TargetFactory(plan=plan).pk])).status_code == 404
    )


def test_spending_past_the_budget_is_refused_on_the_form_then_overridden(chair_client, item, chair):
    from tests.funds.conftest import approved_now
    from unionplan.funds.models import SpendingOverride

    item.budget = Decimal("300")
    item.save()
    approved_now(item.plan, chair)
    url = reverse("records:create", args=[item.pk])
    response = chair_client.post(url, post_data())
    assert response.status_code == 400 and not ActivityRecord.objects.exists()
    page = response.content.decode()
    assert "预算300.00元，已支出0.00元，本次320.50元将超出预算20.50元" in page
    assert 'value="320.50"' in page and 'value="文具店"' in page and "学校礼堂" in page
    assert 'name="override_reason"' in page
    response = chair_client.post(url, post_data(override_reason="奖品价格上涨"))
    assert response.status_code == 302
    assert ActivityRecord.objects.get().expenses.get().amount == Decimal("320.50")
    assert SpendingOverride.objects.get().reason == "奖品价格上涨"
