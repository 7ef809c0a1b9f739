"""The record form in Chinese: it starts with the item's planned date, and saving it
unchanged succeeds and keeps every date (issue 9, item 1)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.formhtml import as_post, posted_values
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
from unionplan.records.models import ActivityRecord

pytestmark = pytest.mark.django_db

ZH = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def test_a_new_record_starts_with_the_planned_date_and_saves_unchanged(chair_client, item):
    item.date = dt.date(2027, 3, 8)
    item.save()
    url = reverse("records:create", args=[item.pk])
    values = posted_values(chair_client.get(url, **ZH).text, "form.record-form")
    assert values["date"] == ["2027-03-08"]
    response = chair_client.post(url, as_post(values), **ZH)
    assert response.status_code == 302, response.text
    assert ActivityRecord.objects.get(item=item).date == dt.date(2027, 3, 8)


def test_saving_a_record_unchanged_changes_nothing(chair_client, item):
    record = ActivityRecordFactory(
        item=item, date=dt.date(2027, 3, 9), place="学校礼堂", others_count=3, summary="趣味运动会"
    )
    ExpenseLineFactory(
        record=record, category="prize", amount=Decimal("1182000.00"), payee="文具店"
    )
    url = reverse("records:edit", args=[record.pk])
    values = posted_values(chair_client.get(url, **ZH).text, "form.record-form")
    response = chair_client.post(url, as_post(values), **ZH)
    assert response.status_code == 302, response.text
    record.refresh_from_db()
    assert (record.date, record.place, record.others_count, record.summary) == (
        dt.date(2027, 3, 9), "学校礼堂", 3, "趣味运动会"
    )  # fmt: skip
    expenses = [(e.category, e.amount, e.payee) for e in record.expenses.all()]
    assert expenses == [("prize", Decimal("1182000.00"), "文具店")]
