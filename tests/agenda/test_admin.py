"""Loading a holiday schedule in the admin: upload or paste, checked by the library's loader."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.agenda.conftest import SCHEDULE_2027
from tests.factories import CalendarFeedFactory
from unionplan.agenda.models import CalendarFeed, HolidaySchedule

pytestmark = pytest.mark.django_db

ADD = reverse("admin:agenda_holidayschedule_add")


def test_upload_a_file(admin_client, admin_user):
    upload = SimpleUploadedFile("2027.toml", SCHEDULE_2027.encode("utf-8"))
    response = admin_client.post(ADD, {"file": upload})
    assert response.status_code == 302
    row = HolidaySchedule.objects.get(year=2027)
    assert row.loaded_by == admin_user.username
    assert row.ranges.count() == 3
    assert "国庆节" in row.file_text


def test_paste_text(admin_client):
    admin_client.post(ADD, {"text": SCHEDULE_2027})
    assert HolidaySchedule.objects.get().ranges.count() == 3


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"text": SCHEDULE_2027.replace("2027-10-07", "2027-13-07")}, "TOML"),
        ({"text": ""}, "请上传文件或粘贴文件内容"),
        ({"file": SimpleUploadedFile("x.toml", "year = 2027".encode("gbk") + b"\xff")}, "UTF-8"),
        ({"text": '{"year": 2027, "holiday": []}'}, "没有任何节假日"),
    ],
)
def test_bad_input_shows_the_message_and_stores_nothing(admin_client, data, words):
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert words in response.text
    assert not HolidaySchedule.objects.exists()


def test_form_documents_the_file_format(admin_client):
    assert "[[holiday]]" in admin_client.get(ADD).text


def test_schedule_detail_lists_ranges_and_workdays(admin_client):
    admin_client.post(ADD, {"text": SCHEDULE_2027})
    row = HolidaySchedule.objects.get()
    text = admin_client.get(reverse("admin:agenda_holidayschedule_change", args=[row.pk])).text
    assert "2027-09-26、2027-10-09" in text


def test_feeds_can_be_revoked_from_the_admin(admin_client):
    feed = CalendarFeedFactory()
    admin_client.post(
        reverse("admin:agenda_calendarfeed_changelist"),
        {"action": "revoke", "_selected_action": [feed.pk]},
    )
    assert CalendarFeed.objects.active().count() == 0
