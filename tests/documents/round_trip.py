"""Reading back what the writers wrote, the way another program would, for round-trip tests.

The Excel file is read with python-calamine (as pandas and the roster import read files) and
the iCal file with icalendar (as a calendar app would); each gives PlanData pieces that are
compared field by field with what went in. The readers understand only the writers' own
layout: they are the other end of the wire, not a general importer.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import icalendar
from python_calamine import CalamineWorkbook

from unionplan import vocab
from unionplan.plan.data import ItemData, PlanData, TargetData
from unionplan.plan.money import total_budget
from unionplan.plan.order import ordered_items

_MONTH = re.compile(r"^(\d{1,2})(?:—(\d{1,2}))?月$")
_DAYS = re.compile(r"^(\d{1,2})月(\d{1,2})日(?:—(?:(\d{1,2})月)?(\d{1,2})日)?$")
_FIRST_DATA_ROW = 3  # 0-based: title, organization, header


def _code(choices, text: str) -> str:
    codes = {label: code for code, label in choices}
    return codes[text]


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"))


def _day(value, year: int) -> tuple[dt.date | None, dt.date | None]:
    """The 日期 cell: a real date, or a range written as text in the plan's year."""
    if value in (None, ""):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    found = _DAYS.match(value)
    assert found, f"not a date cell: {value!r}"
    month, day, end_month, end_day = found.groups()
    start = dt.date(year, int(month), int(day))
    end_month = int(end_month or month)
    end = dt.date(year, end_month, int(end_day)) if end_day else None
    if end is not None and end < start:  # 12月29日—1月2日
        end = end.replace(year=year + 1)
    return start, end


def _text(value) -> str:
    return "" if value is None else str(value)


def read_xlsx(data: bytes, year: int) -> tuple[list[ItemData], list[tuple[TargetData, str]], float]:
    """(activities in table order, (target, section it belongs to), the 合计 shown)."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows = book.get_sheet_by_name("计划表").to_python()
    items = []
    for row in rows[_FIRST_DATA_ROW:-1]:
        month_cell, day_cell, text, scope, owner, budget, category, status = row
        month, end_month = _MONTH.match(month_cell).groups()
        date, end_date = _day(day_cell, year)
        items.append(
            ItemData(
                text=_text(text),
                month=int(month),
                end_month=int(end_month) if end_month else None,
                date=date,
                end_date=end_date,
                scope=_text(scope),
                owner=_text(owner),
                budget=_decimal(budget),
                category=_code(vocab.CATEGORIES, category),
                status=_code(vocab.ITEM_STATUSES, status),
            )
        )
    assert rows[-1][0] == "合计"
    targets = []
    if "工作目标" in book.sheet_names:
        for row in book.get_sheet_by_name("工作目标").to_python()[_FIRST_DATA_ROW:]:
            text, comparator, value, high, unit, home = row
            target = TargetData(
                text=_text(text),
                comparator=_code(vocab.COMPARATORS, comparator),
                value=None if value == "" else Decimal(str(value)),
                value_high=None if high == "" else Decimal(str(high)),
                unit=_text(unit),
            )
            targets.append((target, _text(home)))
    return items, targets, rows[-1][5]


def read_ics(data: bytes) -> list[dict]:
    """Every VEVENT as the fields a calendar app shows, in file order."""
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        lines = dict(line.split("：", 1) for line in str(event.get("description", "")).splitlines())
        budget = lines.get("经费")
        events.append(
            {
                "uid": str(event["uid"]),
                "text": str(event["summary"]),
                "date": event.decoded("dtstart"),
                "last_day": event.decoded("dtend") - dt.timedelta(days=1),
                "scope": lines.get("参加范围", ""),
                "owner": lines.get("负责人", ""),
                "organization": lines.get("主办", ""),
                "budget": _decimal(budget.removesuffix("元")) if budget else None,
                "category": _code(vocab.CATEGORIES, str(event["categories"].cats[0])),
                "status": str(event["status"]),
            }
        )
    return events


# --- what the writers are expected to give back -------------------------------------------


def as_written(item: ItemData) -> ItemData:
    """``item`` in the one form each meaning takes: a span or a range ending where it
    starts is no span (both are written 3月 / 3月8日), money is in cents."""
    end_month = item.end_month if item.end_month and item.end_month != item.month else None
    end_date = item.end_date if item.end_date and item.end_date != item.date else None
    return ItemData(
        text=item.text,
        month=item.month,
        end_month=end_month,
        date=item.date,
        end_date=end_date,
        scope=item.scope,
        owner=item.owner,
        budget=_decimal(item.budget),
        category=item.category,
        status=item.status,
    )


def section_titles(plan: PlanData) -> list[str]:
    """The title of the section each target of ``plan.all_targets()`` sits in ("" for none)."""
    titles = [""] * len(plan.targets)
    stack = list(reversed(plan.sections))
    while stack:
        section = stack.pop()
        titles += [section.title] * len(section.targets)
        stack.extend(reversed(section.children))
    return titles


def assert_xlsx_gives_back(plan: PlanData, data: bytes) -> None:
    """Every activity, target and the total of ``plan``, read back field by field."""
    items, targets, total = read_xlsx(data, plan.year)
    expected = [as_written(item) for item in ordered_items(plan.items)]
    assert len(items) == len(expected)
    for number, (got, want) in enumerate(zip(items, expected, strict=True), start=1):
        assert got == want, f"row {number}: {got} != {want}"
    assert Decimal(str(total)).quantize(Decimal("0.01")) == total_budget(plan.items)
    want_targets = list(zip(plan.all_targets(), section_titles(plan), strict=True))
    assert len(targets) == len(want_targets)
    for (got, home), (want, title) in zip(targets, want_targets, strict=True):
        assert home.endswith(title) and bool(home) == bool(title)  # 二、组织建设
        assert (got.text, got.comparator, got.unit) == (want.text, want.comparator, want.unit)
        assert got.value == want.value and got.value_high == want.value_high


def assert_ics_gives_back(plan: PlanData, data: bytes, uids: dict[int, str] | None = None):
    """One event per dated activity, in plan order, every field as it went in."""
    events = read_ics(data)
    dated = [(index, item) for index, item in enumerate(plan.items) if item.date]
    assert len(events) == len(dated)
    statuses = {"planned": "CONFIRMED", "done": "CONFIRMED", "postponed": "TENTATIVE"}
    for event, (index, item) in zip(events, dated, strict=True):
        want = as_written(item)
        if uids:
            assert event["uid"] == uids[index]
        assert (event["text"], event["date"]) == (want.text, want.date)
        assert event["last_day"] == (want.end_date or want.date)
        assert (event["scope"], event["owner"]) == (want.scope, want.owner)
        assert event["organization"] == plan.organization
        assert event["budget"] == want.budget
        assert event["category"] == want.category
        assert event["status"] == statuses.get(want.status, "CANCELLED")
    assert len({event["uid"] for event in events}) == len(events)
