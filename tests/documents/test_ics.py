"""The iCal writer: parse what it wrote with icalendar and check events, dates and UIDs."""

import datetime as dt
import io

from icalendar import Calendar

from tests.documents.plans import item, make_plan
from unionplan.documents import (
    calendar_bytes,
    ics_bytes,
    ics_for_items,
    plan_events,
    write_ics,
)

STAMP = dt.datetime(2027, 1, 8, 9, 0, tzinfo=dt.UTC)


def events(content: bytes):
    return Calendar.from_ical(content).walk("VEVENT")


def dated_plan(**fields):
    return make_plan(
        items=[
            item("元旦游园", 1, date=dt.date(2027, 1, 1), scope="全体职工", owner="王芳",
                 budget=3000),
            item("整理会员资料", 2),  # undated: no event
            item("校庆", 10, date=dt.date(2027, 10, 13), end_date=dt.date(2027, 10, 15)),
        ],
        **fields,
    )  # fmt: skip


def test_one_all_day_event_per_dated_item(tmp_path):
    path = tmp_path / "plan.ics"
    write_ics(dated_plan(), path, stamp=STAMP)
    content = path.read_bytes()
    found = events(content)
    assert [str(e["SUMMARY"]) for e in found] == ["元旦游园", "校庆"]
    assert b"DTSTART;VALUE=DATE:20270101\r\n" in content
    assert found[0]["DTSTART"].dt == dt.date(2027, 1, 1)
    assert not isinstance(found[0]["DTSTART"].dt, dt.datetime)


def test_dtend_is_the_day_after_the_last_day():
    first, span = events(ics_bytes(dated_plan(), stamp=STAMP))
    assert first["DTEND"].dt == dt.date(2027, 1, 2)
    assert span["DTSTART"].dt == dt.date(2027, 10, 13)
    assert span["DTEND"].dt == dt.date(2027, 10, 16)


def test_calendar_has_the_properties_phones_and_outlook_expect():
    content = ics_bytes(dated_plan(), stamp=STAMP)
    calendar = Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0"
    assert "unionplan" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "城关街道工会2027年工作计划"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert b"\r\n" in content and b"\n" not in content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))  # folded
    for event in events(content):
        assert event["DTSTAMP"].dt == STAMP
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_calendar_name_can_be_given():
    calendar = Calendar.from_ical(ics_bytes(dated_plan(), calendar_name="工会活动"))
    assert str(calendar["X-WR-CALNAME"]) == "工会活动"


def test_description_gives_scope_owner_and_budget():
    first, span = events(ics_bytes(dated_plan()))
    description = str(first["DESCRIPTION"])
    assert "参加范围：全体职工" in description
    assert "负责人：王芳" in description
    assert "经费：3000.00元" in description
    assert "负责人" not in str(span.get("DESCRIPTION", ""))


def test_cancelled_items_are_marked_cancelled():
    plan = make_plan(items=[item("取消的活动", 4, date=dt.date(2027, 4, 2), status="cancelled")])
    (event,) = events(ics_bytes(plan))
    assert str(event["STATUS"]) == "CANCELLED"


def test_uids_are_stable_across_writes_and_unique():
    first = [str(e["UID"]) for e in events(ics_bytes(dated_plan()))]
    second = [str(e["UID"]) for e in events(ics_bytes(dated_plan()))]
    assert first == second
    assert len(set(first)) == 2
    assert all(uid.endswith("@unionplan.local") for uid in first)


def test_uids_survive_reordering_and_redating_but_differ_between_plans():
    plan = dated_plan()
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in events(ics_bytes(plan))}
    plan.items.reverse()
    plan.items[0].date = dt.date(2027, 10, 20)
    plan.items[0].end_date = None
    after = {str(e["SUMMARY"]): str(e["UID"]) for e in events(ics_bytes(plan))}
    assert before == after
    other = {str(e["SUMMARY"]): str(e["UID"]) for e in events(ics_bytes(dated_plan(year=2028)))}
    assert set(other.values()).isdisjoint(before.values())


def test_same_text_twice_gets_two_uids():
    plan = make_plan(
        items=[item("健身活动", m, date=dt.date(2027, m, 5)) for m in (3, 4)],
    )
    uids = [str(e["UID"]) for e in events(ics_bytes(plan))]
    assert len(set(uids)) == 2


def test_given_uids_and_domain_are_used():
    content = ics_bytes(dated_plan(), uid_domain="gh.example.cn", uids={2: "item-42@host"})
    uids = [str(e["UID"]) for e in events(content)]
    assert uids[0].endswith("@gh.example.cn")
    assert uids[1] == "item-42@host"


def test_writes_to_a_binary_file_object():
    out = io.BytesIO()
    write_ics(dated_plan(), out)
    assert len(events(out.getvalue())) == 2


def test_a_feed_across_plans_and_items_with_their_own_uids():
    feed = calendar_bytes(
        plan_events(dated_plan()) + plan_events(dated_plan(year=2028, title="2028年计划")),
        name="城关街道工会活动",
    )
    assert len(events(feed)) == 4
    assert str(Calendar.from_ical(feed)["X-WR-CALNAME"]) == "城关街道工会活动"
    pairs = [(item("慰问", 5, date=dt.date(2027, 5, 1)), "item-7@host"), (item("无日期", 6), "x")]
    (event,) = events(ics_for_items("订阅", pairs, organization="城关街道工会"))
    assert str(event["UID"]) == "item-7@host"
    assert "主办：城关街道工会" in str(event["DESCRIPTION"])
