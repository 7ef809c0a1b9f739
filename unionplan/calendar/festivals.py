"""Festival dates for a year: solar-date festivals, lunar festivals and 清明/冬至 (solar terms).

Lunar dates and solar terms come from ``lunar-python`` — never from a table of our own — so
any year 1950–2100 is answered the same way. A festival is listed only from the year it was
established (教师节 from 1985, 医师节 from 2018), so no anachronism is shown as fact.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from lunar_python import Lunar, Solar

from unionplan.calendar.years import check_year
from unionplan.errors import UserInputError


@dataclass(frozen=True)
class FestivalRule:
    """How a festival's date is found: a fixed solar date, a lunar date or a solar term."""

    key: str
    name: str
    kind: str  # "solar" | "lunar" | "term" | "eve"
    month: int = 0
    day: int = 0
    term: str = ""  # the solar term's Chinese name, for kind "term"
    since: int = 0  # first year the festival was observed in China

    @property
    def lunar(self) -> bool:
        return self.kind in {"lunar", "eve"}


RULES: tuple[FestivalRule, ...] = (
    FestivalRule("new_year", "元旦", "solar", 1, 1),
    FestivalRule("laba", "腊八节", "lunar", 12, 8),
    FestivalRule("new_years_eve", "除夕", "eve"),
    FestivalRule("spring_festival", "春节", "lunar", 1, 1),
    FestivalRule("lantern", "元宵节", "lunar", 1, 15),
    FestivalRule("womens_day", "三八妇女节", "solar", 3, 8),
    FestivalRule("arbor_day", "植树节", "solar", 3, 12, since=1979),
    FestivalRule("qingming", "清明节", "term", term="清明"),
    FestivalRule("reading_day", "世界读书日", "solar", 4, 23, since=1995),
    FestivalRule("labour_day", "五一劳动节", "solar", 5, 1),
    FestivalRule("youth_day", "五四青年节", "solar", 5, 4),
    FestivalRule("nurses_day", "护士节", "solar", 5, 12),
    FestivalRule("childrens_day", "六一儿童节", "solar", 6, 1),
    FestivalRule("dragon_boat", "端午节", "lunar", 5, 5),
    FestivalRule("party_day", "七一建党节", "solar", 7, 1),
    FestivalRule("army_day", "八一建军节", "solar", 8, 1),
    FestivalRule("qixi", "七夕节", "lunar", 7, 7),
    FestivalRule("fitness_day", "全民健身日", "solar", 8, 8, since=2009),
    FestivalRule("doctors_day", "医师节", "solar", 8, 19, since=2018),
    FestivalRule("teachers_day", "教师节", "solar", 9, 10, since=1985),
    FestivalRule("mid_autumn", "中秋节", "lunar", 8, 15),
    FestivalRule("national_day", "国庆节", "solar", 10, 1),
    FestivalRule("double_ninth", "重阳节", "lunar", 9, 9),
    FestivalRule("constitution_day", "国家宪法日", "solar", 12, 4, since=2014),
    FestivalRule("winter_solstice", "冬至", "term", term="冬至"),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}
FESTIVAL_KEYS = tuple(RULES_BY_KEY)

# How plans name each festival in an activity's text (三八 for 三八妇女节, 新春 for 春节).
FESTIVAL_WORDS: dict[str, tuple[str, ...]] = {
    "new_year": ("元旦",),
    "laba": ("腊八",),
    "new_years_eve": ("除夕",),
    "spring_festival": ("春节", "新春"),
    "lantern": ("元宵",),
    "womens_day": ("三八", "妇女节"),
    "arbor_day": ("植树节",),
    "qingming": ("清明",),
    "reading_day": ("读书日",),
    "labour_day": ("五一", "劳动节"),
    "youth_day": ("五四", "青年节"),
    "nurses_day": ("护士节",),
    "childrens_day": ("六一", "儿童节"),
    "dragon_boat": ("端午",),
    "party_day": ("七一", "建党节"),
    "army_day": ("八一", "建军节"),
    "qixi": ("七夕",),
    "fitness_day": ("全民健身日",),
    "doctors_day": ("医师节",),
    "teachers_day": ("教师节",),
    "mid_autumn": ("中秋",),
    "national_day": ("国庆",),
    "double_ninth": ("重阳",),
    "constitution_day": ("宪法日",),
    "winter_solstice": ("冬至",),
}


def festivals_named(text: str) -> list[str]:
    """Keys of the festivals ``text`` names, in the order it names them (中秋、国庆双节…)."""
    found = []
    for key, words in FESTIVAL_WORDS.items():
        positions = [text.find(word) for word in words if word in text]
        if positions:
            found.append((min(positions), key))
    return [key for _position, key in sorted(found)]


@dataclass(frozen=True)
class Festival:
    """One festival on one date of one year."""

    date: dt.date
    name: str
    key: str
    lunar: bool
    statutory_holiday: bool | None  # None: the year's official holiday schedule is unknown

    def to_json(self) -> dict[str, object]:
        """The shape of ``unionplan calendar YEAR --json``."""
        return {
            "date": self.date.isoformat(),
            "name": self.name,
            "key": self.key,
            "lunar": self.lunar,
            "statutory_holiday": self.statutory_holiday,
        }


@functools.lru_cache(maxsize=4096)
def _lunar_dates(year: int, month: int, day: int) -> tuple[dt.date, ...]:
    """Solar dates in ``year`` of lunar month/day: 腊八 can fall twice, or not at all.

    Cached: lunar-python builds a whole lunar year for each conversion, which is slow.
    """
    found = []
    for lunar_year in (year - 1, year):
        solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
        if solar.getYear() == year:
            found.append(dt.date(solar.getYear(), solar.getMonth(), solar.getDay()))
    return tuple(found)


def _solar_term_date(year: int, term: str) -> dt.date:
    """The day in ``year`` on which the solar term ``term`` begins."""
    day = dt.date(year, 1, 1)
    while day.year == year:
        if Solar.fromYmd(day.year, day.month, day.day).getLunar().getJieQi() == term:
            return day
        day += dt.timedelta(days=1)
    raise AssertionError(f"solar term {term} not found in {year}")  # pragma: no cover


_TERM_SEARCH_START = {"清明": (4, 1), "冬至": (12, 18)}


@functools.lru_cache(maxsize=1024)
def _term_date(year: int, term: str) -> dt.date:
    """Like ``_solar_term_date`` but starts near the term's usual date, to stay fast."""
    month, day = _TERM_SEARCH_START.get(term, (1, 1))
    start = dt.date(year, month, day)
    for offset in range(10):
        candidate = start + dt.timedelta(days=offset)
        solar = Solar.fromYmd(candidate.year, candidate.month, candidate.day)
        if solar.getLunar().getJieQi() == term:
            return candidate
    return _solar_term_date(year, term)  # pragma: no cover


def rule_dates(rule: FestivalRule, year: int) -> list[dt.date]:
    """Every date in ``year`` on which ``rule``'s festival falls (usually exactly one)."""
    if year < rule.since:
        return []
    if rule.kind == "solar":
        return [dt.date(year, rule.month, rule.day)]
    if rule.kind == "lunar":
        return list(_lunar_dates(year, rule.month, rule.day))
    if rule.kind == "term":
        return [_term_date(year, rule.term)]
    # 除夕: the day before 春节, i.e. the last day (29th or 30th) of the 12th lunar month.
    return [spring_festival(year) - dt.timedelta(days=1)]


def spring_festival(year: int) -> dt.date:
    (date,) = _lunar_dates(year, 1, 1)
    return date


def festival_date(year: int, key: str) -> dt.date | None:
    """The (first) date of festival ``key`` in ``year``, or None if it does not fall that year."""
    year = check_year(year)
    rule = RULES_BY_KEY.get(key)
    if rule is None:
        raise UserInputError(f"未知的节日“{key}”。可用的节日：{'、'.join(FESTIVAL_KEYS)}。")
    dates = rule_dates(rule, year)
    return dates[0] if dates else None
