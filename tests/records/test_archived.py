"""An archived plan's activity records are kept as they are, like the plan: adding, editing,
deleting or attaching is refused with the locked plan's Chinese words, and the pages offer
no edit buttons."""

import pytest
from django.urls import reverse

from tests.factories import TargetFactory
from tests.records.conftest import jpeg
from tests.records.factories import ActivityRecordFactory
from tests.records.test_views import post_data
from unionplan.plans.models import Plan
from unionplan.records.models import ActivityRecord, Attachment, TargetValue

LOCKED = "计划已归档，只能查看，不能直接修改"


@pytest.fixture
def record(item):
    record = ActivityRecordFactory(item=item, place="工会活动室")
    Plan.objects.filter(pk=item.plan_id).update(status="archived")
    return record


def test_no_record_of_an_archived_plan_is_added_changed_or_deleted(chair_client, record, item):
    before = ActivityRecord.objects.get().version
    answers = [
        chair_client.get(reverse("records:create", args=[item.pk])),
        chair_client.post(reverse("records:create", args=[item.pk]), post_data(files=[jpeg()])),
        chair_client.get(reverse("records:edit", args=[record.pk])),
        chair_client.post(reverse("records:edit", args=[record.pk]), post_data(place="改过")),
        chair_client.post(reverse("records:delete", args=[record.pk]), {"version": before}),
    ]
    for answer in answers:
        assert answer.status_code == 403 and LOCKED in answer.content.decode()
    (kept,) = ActivityRecord.objects.all()
    assert (kept.place, kept.version) == ("工会活动室", before)
    assert not Attachment.objects.exists()


def test_an_archived_plans_pages_show_no_edit_buttons(chair_client, record, item):
    page = chair_client.get(reverse("records:item", args=[item.pk])).content.decode()
    assert "工会活动室" in page
    assert reverse("records:create", args=[item.pk]) not in page
    assert reverse("records:edit", args=[record.pk]) not in page
    assert reverse("records:delete", args=[record.pk]) not in page
    page = chair_client.get(reverse("records:plan", args=[item.plan_id])).content.decode()
    assert reverse("records:create", args=[item.pk]) not in page


def test_an_archived_plans_target_takes_no_new_values(chair_client, record, item):
    target = TargetFactory(plan=item.plan)
    page = chair_client.get(reverse("records:target", args=[target.pk])).content.decode()
    assert 'name="v-value"' not in page and 'name="m-metric"' not in page
    answer = chair_client.post(
        reverse("records:target", args=[target.pk]), {"v-value": "3", "v-date": "2027-05-01"}
    )
    assert answer.status_code == 403 and LOCKED in answer.content.decode()
    assert not TargetValue.objects.exists()
