import pytest

from unionplan.text.markers import (
    When,
    bullet_end,
    date_in,
    month_prefix,
    month_span,
    month_suffix,
    schedule_heading,
    section_marker,
    time_field,
)


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("一、指导思想", "cn", "一、"),
        ("十二．其他", "cn", "十二．"),
        ("（三）关爱职工", "pcn", "（三）"),
        ("(三)关爱职工", "pcn", "(三)"),
        ("第二，加强", "di", "第二，"),
        ("1、庆元旦", "num", "1、"),
        ("12. 总结", "num", "12."),
        ("1，组织", "num", "1，"),
        ("（1）学习", "pnum", "（1）"),
        ("2）学习", "pnum", "2）"),
        ("③学习", "pnum", "③"),
    ],
)
def test_section_markers(line, kind, number):
    marker = section_marker(line)
    assert (marker.kind, marker.number) == (kind, number)


@pytest.mark.parametrize(
    "line", ["一是以新建", "3.8妇女节", "1.5倍", "2009年工会", "七、八月份：", ""]
)
def test_not_section_markers(line):
    assert section_marker(line) is None


@pytest.mark.parametrize(
    ("line", "months", "day"),
    [
        ("一月份：", [1], None),
        ("4月份", [4], None),
        ("十二月份：", [12], None),
        ("元月", [1], None),
        ("七、八月份：", [7, 8], None),
        ("7-8月 暑期", [7, 8], None),
        ("第一季度：", [1, 2, 3], None),
        ("四季度", [10, 11, 12], None),
        ("下半年：", [7, 8, 9, 10, 11, 12], None),
        ("3月8日：庆三八", [3], 8),
        ("3月上旬：", [3], None),
        ("三月份活动安排：", [3], None),
        ("第二季度工作重点", [4, 5, 6], None),
    ],
)
def test_schedule_headings(line, months, day):
    when = schedule_heading(line)
    assert (when.months, when.day) == (months, day)


@pytest.mark.parametrize("line", ["三月份组织教工", "十三月：", "一、指导思想", "8月8日之前"])
def test_not_schedule_headings(line):
    if line == "8月8日之前":  # a date at the head of a line does make a dated activity
        assert schedule_heading(line).day == 8
    else:
        assert schedule_heading(line) is None


def test_rest_of_heading_line():
    line = "一月份：庆元旦"
    assert line[schedule_heading(line).end :] == "庆元旦"


def test_date_span():
    when = schedule_heading("3月8日-3月10日 运动会")
    assert (when.month, when.day, when.end_month, when.end_day) == (3, 8, 3, 10)


@pytest.mark.parametrize(("cell", "when"), [("一月", When(1, 1, end=2)), ("一月 联欢", None)])
def test_month_span_is_the_whole_cell(cell, when):
    assert month_span(cell) == when


@pytest.mark.parametrize(
    ("text", "months", "day"),
    [("3.8妇女节", [3], (3, 8)), ("5.12护士节", [5], (5, 12)), ("3月8日联欢", [3], (3, 8)),
     ("3.8妇女节", [4], None), ("1.5倍", [1], (1, 5)), ("10.1国庆", [10], (10, 1))],
)  # fmt: skip
def test_dates_in_activities(text, months, day):
    assert date_in(text, months) == day


def test_bullets():
    assert bullet_end("· 春游") == 2
    assert bullet_end("春游") == 0


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("20xx年3月:全院教职工毽球赛", [3]), ("2025年元月：迎新春联欢会", [1]),
        ("4月左右组织春游", [4]), ("三月份，组织女职工活动", [3]), ("第一季度开展走访", [1, 2, 3]),
        ("七、八月份：疗休养", [7, 8]), ("一月一次例会", None), ("2012年工作计划", None),
    ],
)  # fmt: skip
def test_month_prefix_of_an_activity(text, months):
    found = month_prefix(text)
    assert (found.months if found else None) == months


def test_a_year_prefixed_month_heads_a_line_but_not_prose_after_a_comma():
    assert schedule_heading("20xx年6月进行棋、牌类比赛").months == [6]
    assert schedule_heading("2012年3月，我校工会认真组织职工学习") is None


def test_month_suffix_and_time_field():
    when, start = month_suffix("举办职工羽毛球比赛（五月）")
    assert (when.months, start) == ([5], 9)
    assert month_suffix("举办职工羽毛球比赛") is None
    assert time_field("时间：3月末至4月中旬").months == [3, 4]
    assert time_field("活动时间：6月份").months == [6]
    assert time_field("时间：2018-02-07 13:20") is None


def test_months_joined_by_a_pause_mark_are_a_pair_only_when_adjacent():
    assert schedule_heading("七、八月份").months == [7, 8]
    assert schedule_heading("一、三月份") is None  # section 一 heading March
    assert section_marker("一、三月份").number == "一、"
