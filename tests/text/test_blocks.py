import pytest

from unionplan.text.blocks import Table, is_header_cell, text_blocks

CELL_PER_LINE = [
    "时间 |",
    "活动内容 |",
    "参加范围 |",
    "一月 |",
    "春节联欢会 元宵节 |",
    "全院职工 全院职工 |",
    "二月 |",
    "登塔比赛 |",
    "全院职工 |",
]


def test_cells_one_per_line_are_regrouped_by_the_header():
    blocks = text_blocks(["具体工作：", *CELL_PER_LINE, "附：说明"])
    assert blocks[0] == "具体工作："
    assert blocks[1] == Table(
        [
            ["时间", "活动内容", "参加范围"],
            ["一月", "春节联欢会 元宵节", "全院职工 全院职工"],
            ["二月", "登塔比赛", "全院职工"],
        ]
    )
    assert blocks[2] == "附：说明"


def test_cells_one_per_line_without_header_use_the_months():
    lines = ["一月 |", "联欢会 |", "全体 |", "二月 |", "比赛 |", "全体 |"]
    assert text_blocks(lines) == [Table([["一月", "联欢会", "全体"], ["二月", "比赛", "全体"]])]


@pytest.mark.parametrize(
    "lines",
    [
        ["| 时间 | 内容 |", "| --- | --- |", "| 1月 | 联欢 |"],
        ["时间 | 内容", "1月 | 联欢"],
        ["时间\t内容", "1月\t联欢"],
    ],
)
def test_rows_with_separators_become_tables(lines):
    assert text_blocks(lines) == [Table([["时间", "内容"], ["1月", "联欢"]])]


def test_a_lone_bar_is_just_text():
    assert text_blocks(["甲 | 乙"]) == ["甲   乙"]


@pytest.mark.parametrize(("cell", "header"), [("参加范围", True), ("時間", True), ("一月", False)])
def test_header_cells(cell, header):
    assert is_header_cell(cell) is header
