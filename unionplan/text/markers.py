"""Recognising the markers that give a plan its shape, on simplified text.

Section numbering (一、 （一） 1、 1. （1） ①), month headings (一月份：, 七、八月份, 7-8月),
quarters (第一季度), half years (上半年) and dates (3月8日, 3.8). Every pattern is anchored
and bounded, so a 20 MB line cannot make a regex backtrack for long. The parser asks about
the same line several times, so answers are cached (they are immutable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unionplan.numerals import parse_chinese_number

_CN = "一二三四五六七八九十百"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九元])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_SPAN_SEP = r"(?:、|，|,|至|到|-|—{1,2}|–|~|－|和)"
_PAIR_SEP_RE = re.compile(r"[、和]")
_PART = r"(?:上旬|中旬|下旬|初|底|末|中|上半月|下半月)"
# Whatever follows a heading: nothing, a colon, a space or an opening bracket.
_AFTER = r"(?=$|[：:\s(（|])[：:]?\s*"

# 三月份活动安排： — a heading may name what it heads.
_HEADS = r"(?:的?(?:主要)?(?:工作|活动)?(?:安排|计划|要点|重点|内容|工作|活动))?"
_MONTH_HEADER_RE = re.compile(
    rf"^(?:({_MONTH})\s*(?:月份?)?{_PART}?\s*{_SPAN_SEP}\s*)?({_MONTH})\s*月\s*份?\s*{_PART}?{_HEADS}\s*{_AFTER}"
)
_DATE_RE = re.compile(
    rf"^({_MONTH})\s*月\s*({_DAY})\s*[日号]"
    rf"(?:\s*{_SPAN_SEP}\s*(?:({_MONTH})\s*月\s*)?({_DAY})\s*[日号])?[：:]?\s*"
)
_DOTTED_DATE_RE = re.compile(r"(?<![\d.])(1[0-2]|[1-9])\s*[.．]\s*(3[01]|[12]\d|[1-9])(?![\d.])")
_CN_DATE_RE = re.compile(rf"({_MONTH})\s*月\s*({_DAY})\s*[日号]")
# A month that starts an activity rather than heads a list: after a year (20xx年3月…), after a
# number (（1）4月左右…), or in a 时间： field. Text may follow at once; "一月一次" is a frequency.
_YEAR_PREFIX_RE = re.compile(r"^(?:19|20)[\dxX×＊*]{2}\s*年度?\s*")
_MONTH_PREFIX_RE = re.compile(
    rf"^(?:({_MONTH})\s*(?:月份?)?\s*{_SPAN_SEP}\s*)?({_MONTH})\s*月\s*份?\s*(?:{_PART}|左右|前后)?"
    rf"(?![一二两三四五六七八九十\d]\s*[次期场回])\s*([：:，,、]?)\s*"
)
_MONTH_SUFFIX_RE = re.compile(
    rf"[（(]\s*(?:({_MONTH})\s*(?:月份?)?\s*{_SPAN_SEP}\s*)?({_MONTH})\s*月\s*份?\s*{_PART}?\s*[）)]\s*[。；;]?$"
)
_QUARTER_PREFIX_RE = re.compile(r"^第?([一二三四1-4])\s*季度\s*[：:，,、]?\s*")
_TIME_FIELD_RE = re.compile(r"^(?:活动|比赛|举办|开展)?(?:时间|日期)\s*[：:]\s*")
_QUARTER_RE = re.compile(rf"^第?([一二三四1-4])\s*季度{_HEADS}\s*{_AFTER}")
_HALF_RE = re.compile(rf"^(上|下)半年\s*{_AFTER}")

_SECTION_RES = [
    ("cn", re.compile(rf"^([{_CN}]{{1,4}})\s*(?:、|[.．](?![\d])|[，,](?![{_CN}\d]))\s*")),
    ("pcn", re.compile(rf"^([（(]\s*[{_CN}]{{1,4}}\s*[）)])\s*[、.．]?\s*")),
    ("di", re.compile(rf"^(第[{_CN}]{{1,3}})\s*[、，,：:]\s*")),
    ("num", re.compile(r"^(\d{1,3})\s*(?:[、，,]|[.．](?!\d)|[.．](?=\d{1,2}\s*月))\s*")),
    ("pnum", re.compile(r"^([（(]\s*\d{1,3}\s*[）)]|\d{1,3}\s*[）)]|[①-⑳])\s*[、.．]?\s*")),
]
# Marker kinds from the outermost to the innermost, as official documents use them.
SECTION_KINDS = [kind for kind, _ in _SECTION_RES]
# First characters a marker or a heading can have: most lines are dismissed on sight.
_MARKER_FIRST = frozenset(f"{_CN}0123456789（(第①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_WHEN_FIRST = frozenset(f"{_CN}0123456789元第上下")  # a year prefix starts with 1 or 2 too
_BULLET_RE = re.compile(r"^[·•●○■□◆◇▪★☆※>\-*]\s*")


@dataclass(frozen=True)
class Marker:
    """A section marker at the start of a line: its kind, its text, where the rest begins."""

    kind: str
    number: str
    end: int


@dataclass(frozen=True)
class When:
    """The time a schedule heading gives: months, maybe a day; ``end`` is where text begins."""

    month: int
    end_month: int
    day: int | None = None
    end_day: int | None = None
    end: int = 0

    @property
    def months(self) -> list[int]:
        return list(range(self.month, self.end_month + 1))


@lru_cache(maxsize=8192)
def section_marker(shadow: str) -> Marker | None:
    """The numbering marker that starts ``shadow`` (一、 （一） 1、 （1） …), or None."""
    if not shadow or shadow[0] not in _MARKER_FIRST or _when_start(shadow) is not None:
        return None
    for kind, pattern in _SECTION_RES:
        match = pattern.match(shadow)
        if match:
            raw = match.group(0).strip()
            if kind == "cn" and parse_chinese_number(match.group(1)) is None:
                continue
            return Marker(kind, raw, match.end())
    return None


def clear_caches() -> None:
    """Forget cached answers (benchmarks use it to measure a cold parse)."""
    section_marker.cache_clear()
    _when_start.cache_clear()


def bullet_end(shadow: str) -> int:
    """Length of a bullet (·, -, ●…) at the start of ``shadow``; 0 when there is none."""
    match = _BULLET_RE.match(shadow)
    return match.end() if match else 0


def _month_number(text: str | None) -> int | None:
    if not text:
        return None
    value = 1 if text == "元" else parse_chinese_number(text)
    return value if value is not None and 1 <= value <= 12 else None


def _day_number(text: str | None) -> int | None:
    value = parse_chinese_number(text) if text else None
    return value if value is not None and 1 <= value <= 31 else None


def schedule_heading(shadow: str) -> When | None:
    """The month, span, quarter, half year or date that heads a schedule line, or None."""
    return _when_start(shadow.lstrip())


@lru_cache(maxsize=8192)
def _when_start(shadow: str) -> When | None:
    if not shadow or shadow[0] not in _WHEN_FIRST:
        return None
    for finder in (_date_heading, _month_heading, _quarter_heading, _half_heading):
        found = finder(shadow)
        if found is not None:
            return found
    year = _YEAR_PREFIX_RE.match(shadow)
    if year:  # 20xx年3月：… or 2012年元月卡拉OK舞会 — a comma after it is prose (2012年3月，我校…)
        found = _month_prefix(shadow[year.end() :], comma=False)
        if found is not None:
            return _shifted(found, year.end())
    return None


def month_prefix(shadow: str) -> When | None:
    """The month an activity starts with once its number is read: 4月左右…, 3月8日…,
    20xx年3月…, 第一季度… — text may follow without a colon."""
    shadow = shadow.lstrip()
    found = _when_start(shadow)
    if found is not None:
        return found
    year = _YEAR_PREFIX_RE.match(shadow)
    offset = year.end() if year else 0
    rest = shadow[offset:]
    found = _month_prefix(rest, comma=True) or _quarter_heading(rest, _QUARTER_PREFIX_RE)
    return _shifted(found, offset) if found is not None else None


def month_suffix(shadow: str) -> tuple[When, int] | None:
    """The month an activity ends with, in brackets (…（二月）), and where the bracket starts."""
    offset = max(0, len(shadow) - 24)  # the bracket is short: only the tail is searched
    match = _MONTH_SUFFIX_RE.search(shadow, offset)
    when = _span(match, end=0) if match else None
    return (when, match.start()) if when and match else None


def time_field(shadow: str) -> When | None:
    """The month of a 时间：3月末 line (a detail of the activity above it)."""
    match = _TIME_FIELD_RE.match(shadow)
    return month_prefix(shadow[match.end() :]) if match else None


def _month_prefix(shadow: str, *, comma: bool) -> When | None:
    match = _MONTH_PREFIX_RE.match(shadow)
    if not match or (not comma and match.group(3) in ("，", ",", "、")):
        return None
    return _span(match, end=match.end())


def _shifted(when: When, offset: int) -> When:
    return When(when.month, when.end_month, when.day, when.end_day, end=when.end + offset)


def _month_heading(shadow: str) -> When | None:
    match = _MONTH_HEADER_RE.match(shadow)
    return _span(match, end=match.end()) if match else None


def _span(match: re.Match[str], *, end: int) -> When | None:
    """The months of a match whose group 1 is the first month of a span (or None), 2 the last.

    Months joined by 、 or 和 are a pair (七、八月份); 一、三月份 is section 一 heading March.
    """
    last = _month_number(match.group(2))
    first = _month_number(match.group(1)) if match.group(1) else last
    if first is None or last is None or last < first:
        return None
    if match.group(1) and last > first + 1 and _PAIR_SEP_RE.search(match.group(0)):
        return None
    return When(first, last, end=end)


def _date_heading(shadow: str) -> When | None:
    match = _DATE_RE.match(shadow)
    if not match:
        return None
    month, day = _month_number(match.group(1)), _day_number(match.group(2))
    if month is None or day is None:
        return None
    end_month = _month_number(match.group(3)) or month
    end_day = _day_number(match.group(4))
    if end_month < month:
        end_month, end_day = month, None
    return When(month, end_month, day, end_day, end=match.end())


def _quarter_heading(shadow: str, pattern: re.Pattern[str] = _QUARTER_RE) -> When | None:
    match = pattern.match(shadow)
    if not match:
        return None
    quarter = parse_chinese_number(match.group(1)) or 1
    return When(3 * quarter - 2, 3 * quarter, end=match.end())


def _half_heading(shadow: str) -> When | None:
    match = _HALF_RE.match(shadow)
    if not match:
        return None
    first = 1 if match.group(1) == "上" else 7
    return When(first, first + 5, end=match.end())


def month_span(cell: str) -> When | None:
    """The time a table cell names (一月, 7-8月, 第一季度, 3月8日), when that is all it says."""
    cell = cell.strip()
    found = _when_start(cell)
    if found is None or cell[found.end :].strip():
        return None
    return found


def date_in(shadow: str, months: list[int]) -> tuple[int, int] | None:
    """(month, day) of a date written in an activity (3月8日, 3.8) within ``months``."""
    for pattern in (_CN_DATE_RE, _DOTTED_DATE_RE):
        for match in pattern.finditer(shadow):
            month, day = _month_number(match.group(1)), _day_number(match.group(2))
            if month in months and day is not None:
                return month, day
    return None
