"""Dated activities as iCalendar (RFC 5545), for phone calendars, Outlook and subscriptions.

One all-day VEVENT per dated activity (DTEND exclusive: the day after the last day).
UIDs must not change between exports, or a re-imported file or a refreshed subscription
shows every activity twice. A caller that has stable ids (database primary keys) passes
them; otherwise the UID is derived from the plan's identity and the activity's text, so
reordering, adding or re-dating activities keeps the others' UIDs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

from icalendar import Calendar, Event, vDuration

from unionplan import vocab
from unionplan.plan.data import ItemData, PlanData
from unionplan.plan.money import money

PRODID = "-//unionplan//工会年度工作计划系统//ZH"
TIMEZONE = "Asia/Shanghai"  # a hint for clients; all-day events carry no time zone
REFRESH = dt.timedelta(hours=12)  # how often subscribers should fetch the feed again

# iCalendar STATUS for our item statuses: a cancelled activity disappears or is struck out.
_STATUS = {"planned": "CONFIRMED", "done": "CONFIRMED", "postponed": "TENTATIVE"}


def write_ics(
    plan: PlanData,
    out: str | Path | BinaryIO,
    *,
    uid_domain: str = "unionplan.local",
    calendar_name: str | None = None,
    uids: Mapping[int, str] | None = None,
    stamp: dt.datetime | None = None,
) -> None:
    """Write the plan's dated activities as .ics to ``out`` (a path or a binary file)."""
    content = ics_bytes(
        plan, uid_domain=uid_domain, calendar_name=calendar_name, uids=uids, stamp=stamp
    )
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(content)
    else:
        out.write(content)


def ics_bytes(
    plan: PlanData,
    *,
    uid_domain: str = "unionplan.local",
    calendar_name: str | None = None,
    uids: Mapping[int, str] | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The .ics content of ``plan``. ``uids`` maps an index of ``plan.items`` to its UID
    (e.g. ``f"item-{pk}@host"``); ``stamp`` fixes DTSTAMP (default: now, UTC)."""
    events = plan_events(plan, uid_domain=uid_domain, uids=uids, stamp=stamp)
    return calendar_bytes(events, name=calendar_name or plan.title)


def plan_events(
    plan: PlanData,
    *,
    uid_domain: str = "unionplan.local",
    uids: Mapping[int, str] | None = None,
    stamp: dt.datetime | None = None,
) -> list[Event]:
    """A VEVENT per dated activity of ``plan``, for one file or a feed of several plans."""
    derived = derived_uids(plan, uid_domain=uid_domain)
    chosen = {**derived, **(uids or {})}
    return [
        item_event(item, chosen[index], stamp=stamp, organization=plan.organization)
        for index, item in enumerate(plan.items)
        if item.date
    ]


def derived_uids(plan: PlanData, *, uid_domain: str = "unionplan.local") -> dict[int, str]:
    """A stable UID per activity: a hash of organization, year, title, the activity's text,
    and which occurrence of that text it is (a plan may hold 健身活动 twice).

    An ``uid`` attribute on an item (a caller's own ItemData subclass) wins.
    """
    seen: Counter[str] = Counter()
    found: dict[int, str] = {}
    for index, item in enumerate(plan.items):
        own = getattr(item, "uid", None)
        if own:
            found[index] = str(own)
            continue
        seen[item.text] += 1
        key = "\x1f".join(
            [plan.organization, str(plan.year or ""), plan.title, item.text, str(seen[item.text])]
        )
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        found[index] = f"{digest}@{uid_domain}"
    return found


def item_event(
    item: ItemData,
    uid: str,
    *,
    stamp: dt.datetime | None = None,
    organization: str = "",
) -> Event:
    """The all-day VEVENT of one dated activity; raises ValueError for an undated one."""
    if item.date is None:
        raise ValueError("only dated activities become calendar events")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp or dt.datetime.now(dt.UTC).replace(microsecond=0))
    event.add("dtstart", item.date)  # a date: VALUE=DATE, an all-day event
    event.add("dtend", (item.end_date or item.date) + dt.timedelta(days=1))
    event.add("summary", item.text)
    description = event_description(item, organization=organization)
    if description:
        event.add("description", description)
    event.add("categories", [vocab.label(vocab.CATEGORIES, item.category)])
    event.add("status", _STATUS.get(item.status, "CANCELLED"))
    event.add("transp", "TRANSPARENT")  # an activity does not make the day "busy"
    event.add("x-microsoft-cdo-alldayevent", "TRUE")
    event.add("x-microsoft-cdo-busystatus", "FREE")
    return event


def event_description(item: ItemData, *, organization: str = "") -> str:
    """参加范围, 负责人, 经费 (and the union), one per line; lines without a value are left out."""
    lines = [
        ("主办", organization),
        ("参加范围", item.scope),
        ("负责人", item.owner),
        # no thousands separator: a comma in TEXT must be escaped, which some readers show
        (
            "经费",
            f"{money(item.budget).replace(',', '')}元" if item.budget is not None else "",
        ),
    ]
    return "\n".join(f"{name}：{value}" for name, value in lines if value)


def calendar_bytes(
    events: Iterable[Event], *, name: str, description: str = "", refresh=REFRESH
) -> bytes:
    """A VCALENDAR holding ``events``: for one plan, or a feed across an organization's plans."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(refresh).to_ical().decode("ascii"))
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def ics_for_items(
    name: str,
    items_with_uids: Iterable[tuple[ItemData, str]],
    *,
    organization: str = "",
    stamp: dt.datetime | None = None,
) -> bytes:
    """A calendar of the dated items given, each with the UID its caller keeps stable
    (for a feed: ``(item.as_data(), f"item-{item.pk}@{host}")`` for every plan's items)."""
    events = [
        item_event(item, uid, stamp=stamp, organization=organization)
        for item, uid in items_with_uids
        if item.date
    ]
    return calendar_bytes(events, name=name)
