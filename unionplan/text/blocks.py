"""A document as the parser sees it: a sequence of lines and tables.

Every reader (text, Markdown, HTML, Word) produces this, so the plan parser does not care
where a table came from: an HTML <table>, a Word table, or text rows separated by | or tabs
(including the scraped layout where every cell stands on its own line ending in "|").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from unionplan.text.clean import to_simplified
from unionplan.text.markers import month_span

HEADER_WORDS = (
    "时间", "月份", "日期", "时段", "活动内容", "内容", "活动", "项目", "工作内容",
    "工作安排", "活动名称", "参加范围", "范围", "参加对象", "对象", "参加人员",
    "参与人员", "负责人", "责任人", "负责部门", "牵头部门", "经费", "预算", "备注",
    "地点", "序号", "工作任务", "主要工作",
)  # fmt: skip
_HEADER_RE = re.compile("|".join(sorted(HEADER_WORDS, key=len, reverse=True)))
_SEPARATOR_CELL_RE = re.compile(r"^:?-{3,}:?$")


@dataclass
class Table:
    """Rows of cell texts, the header row (if any) included."""

    rows: list[list[str]] = field(default_factory=list)


Block = str | Table


def is_header_cell(cell: str) -> bool:
    """True for a column title such as 时间, 活动内容 or 参加范围."""
    shadow = to_simplified(cell.strip().rstrip("：:"))
    return bool(shadow) and len(shadow) <= 8 and _HEADER_RE.fullmatch(shadow) is not None


def text_blocks(lines: list[str]) -> list[Block]:
    """Lines of a text file, with runs of |- or tab-separated rows turned into tables."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if _is_row_line(lines[index]):
            end = index
            while end < len(lines) and (_is_row_line(lines[end]) or not lines[end].strip()):
                end += 1
            blocks.extend(_rows_to_blocks(lines[index:end]))
            index = end
        else:
            blocks.append(lines[index])
            index += 1
    return blocks


def _is_row_line(line: str) -> bool:
    return "|" in line or "\t" in line.strip()


def _split_cells(line: str) -> list[str]:
    separator = "|" if "|" in line else "\t"
    cells = [cell.strip() for cell in line.strip().split(separator)]
    while cells and not cells[0]:
        cells.pop(0)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _rows_to_blocks(lines: list[str]) -> list[Block]:
    rows = [_split_cells(line) for line in lines if line.strip()]
    rows = [row for row in rows if row and not all(_SEPARATOR_CELL_RE.match(c) for c in row)]
    if rows and all(len(row) <= 1 for row in rows):
        rows = _regroup_cell_per_line([row[0] if row else "" for row in rows])
    if rows is None or len(rows) < 2:
        return [line.replace("|", " ").strip() for line in lines if line.strip()]
    return [Table(rows)]


def _regroup_cell_per_line(cells: list[str]) -> list[list[str]] | None:
    """Rows from cells written one per line: the header, or the months, give the width."""
    width = 0
    while width < len(cells) and is_header_cell(cells[width]):
        width += 1
    start = 0
    if width < 2:
        months = [i for i, cell in enumerate(cells) if month_span(to_simplified(cell))]
        gaps = {b - a for a, b in itertools.pairwise(months)}
        if len(months) < 2 or len(gaps) != 1 or min(gaps) < 2:
            return None
        width, start = gaps.pop(), months[0]
    body = cells[start:]
    return [body[i : i + width] for i in range(0, len(body), width)]
