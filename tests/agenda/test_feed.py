"""The iCal subscription: editors create and revoke it, the public .ics serves current plans."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import CalendarFeedFactory, PlanFactory, ScheduleItemFactory, dated_item
from unionplan.agenda.models import CalendarFeed

pytestmark = pytest.mark.django_db


def page_url(org) -> str:
    return reverse("agenda:feed", args=[org.pk])


def ics_url(feed) -> str:
    return reverse("agenda:feed_ics", args=[feed.token])


def parse(response) -> Calendar:
    return Calendar.from_ical(response.content)


def test_chair_creates_a_feed_and_sees_its_url(chair_client, chair, org):
    response = chair_client.post(page_url(org), {"action": "create"}, follow=True)
    feed = CalendarFeed.objects.get()
    assert feed.organization == org and feed.created_by == chair
    assert len(feed.token) >= 40
    assert f"http://testserver/calendar/feed/{feed.token}.ics" in response.text
    assert f"webcal://testserver/calendar/feed/{feed.token}.ics" in response.text
    assert "iPhone" in response.text and "Outlook" in response.text


def test_new_url_replaces_the_old_one(chair_client, org):
    chair_client.post(page_url(org), {"action": "create"})
    old = CalendarFeed.objects.get()
    chair_client.post(page_url(org), {"action": "create"})
    old.refresh_from_db()
    assert old.revoked_at is not None
    assert CalendarFeed.objects.active().count() == 1
    assert chair_client.get(ics_url(old)).status_code == 404


def test_revoke(chair_client, org):
    feed = CalendarFeedFactory(organization=org)
    assert chair_client.get(ics_url(feed)).status_code == 200
    chair_client.post(page_url(org), {"action": "revoke"})
    assert chair_client.get(ics_url(feed)).status_code == 404
    assert feed.token not in chair_client.get(page_url(org)).text


def test_viewer_never_sees_the_token_and_cannot_change_it(client, viewer, org):
    feed = CalendarFeedFactory(organization=org)
    client.force_login(viewer)
    response = client.get(page_url(org))
    assert response.status_code == 200
    assert feed.token not in response.text
    assert "只有工会主席、委员和工作人员" in response.text
    assert client.post(page_url(org), {"action": "revoke"}).status_code == 404
    assert client.post(page_url(org), {"action": "create"}).status_code == 404
    assert CalendarFeed.objects.active().get() == feed


def test_stranger_gets_404(client, stranger, org):
    CalendarFeedFactory(organization=org)
    client.force_login(stranger)
    assert client.get(page_url(org)).status_code == 404
    assert client.post(page_url(org), {"action": "create"}).status_code == 404
    assert CalendarFeed.objects.count() == 1


def test_unknown_action_is_404(chair_client, org):
    assert chair_client.post(page_url(org), {"action": "delete"}).status_code == 404


def test_feed_serves_dated_items_of_current_plans(client, org):
    current = PlanFactory(organization=org, year=2027, status="approved")
    archived = PlanFactory(organization=org, year=2025, status="archived")
    other_org = PlanFactory(year=2027)
    moon = dated_item(current, dt.date(2027, 9, 15), text="中秋慰问", owner="生活委员")
    dated_item(archived, dt.date(2025, 3, 8), text="旧计划的活动")
    dated_item(other_org, dt.date(2027, 3, 8), text="别人的活动")
    ScheduleItemFactory(plan=current, month=4, text="未定日期的活动")
    response = client.get(ics_url(CalendarFeedFactory(organization=org)))  # no login needed
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = parse(response).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["中秋慰问"]
    event = events[0]
    assert str(event["UID"]) == f"item-{moon.pk}@unionplan.local"
    assert event.decoded("DTSTART") == dt.date(2027, 9, 15)
    assert event.decoded("DTEND") == dt.date(2027, 9, 16)
    assert "生活委员" in str(event["DESCRIPTION"])


def test_uids_are_stable_across_edits(client, org):
    plan = PlanFactory(organization=org)
    item = dated_item(plan, dt.date(2027, 5, 4), text="青年节活动")
    feed = CalendarFeedFactory(organization=org)
    first = str(parse(client.get(ics_url(feed))).walk("VEVENT")[0]["UID"])
    item.date, item.text = dt.date(2027, 5, 6), "青年节座谈会"
    item.save()
    second = parse(client.get(ics_url(feed))).walk("VEVENT")[0]
    assert str(second["UID"]) == first
    assert second.decoded("DTSTART") == dt.date(2027, 5, 6)


@pytest.mark.parametrize("token", ["nope", "x" * 43])
def test_unknown_token_is_404(client, token):
    assert client.get(reverse("agenda:feed_ics", args=[token])).status_code == 404


def test_feed_query_count_does_not_grow(client, org, django_assert_max_num_queries):
    plan = PlanFactory(organization=org)
    for day in range(1, 29):
        dated_item(plan, dt.date(2027, 2, day))
    feed = CalendarFeedFactory(organization=org)
    with django_assert_max_num_queries(2):
        assert client.get(ics_url(feed)).status_code == 200
