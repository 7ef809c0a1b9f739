"""Two people editing one activity record: the second save or delete is told, not obeyed."""

from decimal import Decimal

from django.urls import reverse

from tests.factories import MemberFactory
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory
from tests.records.test_views import post_data
from unionplan.records.models import ActivityRecord


def opened_form_version(client, record) -> str:
    """The version the edit form carries when a person opens it."""
    page = client.get(reverse("records:edit", args=[record.pk])).content.decode()
    marker = 'name="version" value="'
    assert marker in page
    return page.split(marker, 1)[1].split('"', 1)[0]


def test_the_second_save_is_told_and_keeps_what_was_typed(chair_client, item, org):
    record = ActivityRecordFactory(item=item, place="会议室", summary="原来的小结")
    ExpenseLineFactory(record=record, amount=Decimal("100"), payee="花店")
    first = opened_form_version(chair_client, record)
    second = opened_form_version(chair_client, record)
    url = reverse("records:edit", args=[record.pk])

    saved = chair_client.post(url, post_data(version=first, place="学校礼堂", summary="甲写的"))
    assert saved.status_code == 302
    response = chair_client.post(url, post_data(version=second, place="操场", summary="乙写的"))

    assert response.status_code == 409
    page = response.content.decode()
    assert "已被他人修改" in page and "覆盖保存" in page
    assert "乙写的" in page and "甲写的" in page  # both shown, side by side
    record.refresh_from_db()
    assert (record.place, record.summary) == ("学校礼堂", "甲写的")
    assert record.expenses.get().payee == "文具店"
    # The form now carries the new version: saving again overwrites knowingly.
    assert f'name="version" value="{record.version}"' in page
    again = chair_client.post(url, post_data(version=str(record.version), summary="乙写的"))
    assert again.status_code == 302
    record.refresh_from_db()
    assert record.summary == "乙写的"


def test_a_save_unchanged_keeps_the_attendees_and_bumps_the_version(chair_client, item, org):
    member = MemberFactory(organization=org)
    record = ActivityRecordFactory(item=item)
    record.attendees.add(member)
    version = opened_form_version(chair_client, record)
    data = post_data(version=version, attendees=[str(member.pk)])
    assert chair_client.post(reverse("records:edit", args=[record.pk]), data).status_code == 302
    record.refresh_from_db()
    assert record.version == int(version) + 1
    assert list(record.attendees.all()) == [member]


def test_a_save_racing_a_delete_shows_the_typed_values_and_saves_as_new(chair_client, item):
    from unionplan.plans.locking import EditConflict
    from unionplan.records import services

    record = ActivityRecordFactory(item=item)
    stale = ActivityRecord.objects.get(pk=record.pk)
    ActivityRecord.objects.filter(pk=record.pk).delete()
    data = services.RecordInput(date=record.date, place="新地点")
    try:
        services.save_record(item, item.plan.organization, data, None, stale, stale.version)
    except EditConflict as conflict:
        assert conflict.current is None
    else:
        raise AssertionError("a save of a deleted record must not pass silently")
    assert not ActivityRecord.objects.exists()


def test_deleting_a_record_changed_since_the_page_was_opened_deletes_nothing(chair_client, item):
    record = ActivityRecordFactory(item=item)
    shown = record.version
    ActivityRecord.objects.filter(pk=record.pk).update(version=shown + 1, summary="他人刚补充")
    response = chair_client.post(
        reverse("records:delete", args=[record.pk]), {"version": str(shown)}, follow=True
    )
    assert ActivityRecord.objects.filter(pk=record.pk).exists()
    assert "已被他人修改，没有删除" in response.content.decode()
    assert "他人刚补充" in response.content.decode()


def test_deleting_the_version_shown_deletes_it(chair_client, item):
    record = ActivityRecordFactory(item=item)
    page = chair_client.get(reverse("records:item", args=[item.pk])).content.decode()
    assert f'name="version" value="{record.version}"' in page
    response = chair_client.post(
        reverse("records:delete", args=[record.pk]), {"version": str(record.version)}
    )
    assert response.status_code == 302
    assert not ActivityRecord.objects.filter(pk=record.pk).exists()
