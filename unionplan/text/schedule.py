"""Activities of the month table: items, their scope, their day, and tables of them.

A schedule is written as month headings with numbered lines (一月份：1、… 2、…), as text on
the heading line itself, or as a table (时间 | 活动内容 | 参加范围 | 负责人 | 经费). A table cell
often lists several activities separated by spaces, the 参加范围 cell their scopes in the same
order; they are paired up only when the counts agree.
"""

from __future__ import annotations

import re
from decimal import Decimal

from unionplan.errors import UserInputError
from unionplan.plan.money import MAX_BUDGET, parse_yuan
from unionplan.text.blocks import Table, is_header_cell
from unionplan.text.line import Line
from unionplan.text.markers import When, date_in, month_span
from unionplan.text.model import Entry, Item

# Markers of activities inside one line or cell: "1、" "2." "（3）" "④".
_INLINE_MARKER_RE = re.compile(
    r"(?:^|(?<=[\s；;。，]))(?:\d{1,2}\s*[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])"
)
_ITEM_SEPARATOR_RE = re.compile(r"[；;]+")
_SPACES_RE = re.compile(r"\s+")
_GROUPS = (
    "全体教职工", "全体教职员工", "困难教职工", "退休教职工", "离退休教职工", "全体职工", "全体员工", "全体会员", "全院职工", "全校教职工",
    "全体教师", "女职工", "女教职工", "女教工", "女教师", "退休老教师", "退休教师", "退休教工",
    "退休职工", "离退休职工", "离退休人员", "老教师", "困难职工", "困难教师", "特困教师",
    "特困职工", "生病教师", "职工子女", "教工子女", "教职工子女", "青年教师", "青年职工",
    "新教师", "新教工", "新职工", "新会员", "工会委员", "工会干部", "工会小组长", "职工代表",
    "教代会代表", "会员代表", "劳模", "劳动模范", "农民工", "一线职工", "中层干部",
)  # fmt: skip
_GROUP_RE = re.compile("|".join(sorted(_GROUPS, key=len, reverse=True)))
_AGE_SCOPE_RE = re.compile(
    r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*周?岁\s*(?:及|或)?(?:以上|以下)的?"
    r"[\u4e00-\u9fff]{0,8}?(?:教职工|教职员工|老教师|教师|教工|职工|员工|会员|子女|人员|老人|同志)"
)
_AMOUNT = r"(?P<amount>\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CELL_AMOUNT_RE = re.compile(rf"{_AMOUNT}\s*(?P<wan>万)?")
_TEXT_AMOUNT_RE = re.compile(
    rf"(?:(?:经费|预算|费用|资金)(?:预计|预算|约|为|共|计|：|:|\s){{0,3}}|约|预计){_AMOUNT}\s*(?P<wan>万)?\s*元"
)
_COLUMN_ROLES = (
    ("time", ("时间", "月份", "日期", "时段")),
    ("scope", ("范围", "对象", "人员")),
    ("owner", ("负责", "责任", "牵头")),
    ("budget", ("经费", "预算")),
    ("skip", ("序号", "备注", "地点")),
    ("content", ("内容", "活动", "项目", "工作", "任务", "名称", "安排")),
)


def split_activities(line: Line, *, by_spaces: bool = True) -> list[Line]:
    """The activities written in one line or cell: by markers, by ；, else by spaces."""
    parts = _split_by(line, _INLINE_MARKER_RE, drop_match=True)
    parts = [p for part in parts for p in _split_by(part, _ITEM_SEPARATOR_RE, drop_match=True)]
    if by_spaces and len(parts) == 1 and _SPACES_RE.search(parts[0].shadow):
        parts = _split_by(parts[0], _SPACES_RE, drop_match=True)
    return [part for part in (p.strip() for p in parts) if part]


def _split_by(line: Line, pattern: re.Pattern[str], *, drop_match: bool) -> list[Line]:
    pieces, start = [], 0
    for match in pattern.finditer(line.shadow):
        pieces.append(line.cut(start, match.start()))
        start = match.end() if drop_match else match.start()
    pieces.append(line.cut(start))
    return [piece for piece in pieces if piece.strip()]


def guess_scope(line: Line) -> str | None:
    """Who takes part, when the activity says it: 慰问70周岁以上退休老教师 -> 70周岁以上退休老教师."""
    for pattern in (_AGE_SCOPE_RE, _GROUP_RE):
        match = pattern.search(line.shadow)
        if match:
            return line.text[match.start() : match.end()]
    return None


def make_item(line: Line, when: When, *, scope: str | None = None, guess: bool = True) -> Item:
    """An activity with its scope (given, or guessed from the text unless a 参加范围 column
    says it) and its day, if written."""
    line = line.strip()
    day = date_in(line.shadow, when.months)
    if day is None and when.day is not None:
        day = (when.month, when.day)
    end_day = (when.end_month, when.end_day) if when.end_day is not None else None
    item = Item(
        line.text, scope or (guess_scope(line) if guess else None), day=day, end_day=end_day
    )
    item.budget = budget_in(line.shadow)
    return item


# --- tables ---------------------------------------------------------------------------------


def table_entries(table: Table, *, simplified: bool = False) -> list[Entry]:
    """Schedule entries of a table that has a time column; [] for any other table."""
    cells = iter(Line.many([cell for row in table.rows for cell in row], simplified=simplified))
    rows = [[next(cells) for _ in row] for row in table.rows]
    roles, body = _column_roles(rows)
    if "time" not in roles.values() or "content" not in roles.values():
        return []
    entries: list[Entry] = []
    previous: When | None = None
    for row in body:
        cells = _cells_by_role(row, roles)
        when = month_span(cells["time"].shadow) if cells["time"] else previous
        if when is None:
            continue
        previous = when
        items = _row_items(cells, when, has_scope_column="scope" in roles.values())
        if items:
            entries.append(Entry(when, items))
    return entries


def _column_roles(rows: list[list[Line]]) -> tuple[dict[int, str], list[list[Line]]]:
    """Role of each column from the header row, or guessed from the cells when there is none."""
    for index, row in enumerate(rows[:3]):
        if sum(is_header_cell(cell.shadow) for cell in row) >= 2:
            return {i: _role(cell.shadow) for i, cell in enumerate(row)}, rows[index + 1 :]
    width = max((len(row) for row in rows), default=0)
    for column in range(width):
        cells = [row[column].shadow for row in rows if column < len(row)]
        months = sum(1 for cell in cells if month_span(cell))
        if cells and months * 2 >= len(cells):
            roles = {column: "time", column + 1: "content"}
            if column + 2 < width:
                roles[column + 2] = "scope"
            return roles, rows
    return {}, rows


def _role(header: str) -> str:
    for role, words in _COLUMN_ROLES:
        if any(word in header for word in words):
            return role
    return "skip"


def _cells_by_role(row: list[Line], roles: dict[int, str]) -> dict[str, Line]:
    cells = {role: Line("", "") for role in ("time", "content", "scope", "owner", "budget")}
    for index, cell in enumerate(row):
        role = roles.get(index, "skip")
        if role != "skip" and not cells[role]:
            cells[role] = cell
    return cells


def _row_items(cells: dict[str, Line], when: When, *, has_scope_column: bool) -> list[Item]:
    activities = split_activities(cells["content"])
    scopes = split_activities(cells["scope"]) if cells["scope"] else []
    if len(scopes) == len(activities):
        paired = [scope.text for scope in scopes]
    elif len(scopes) == 1 or (scopes and len(activities) == 1):
        paired = [cells["scope"].strip().text] * len(activities)
    else:
        paired = [None] * len(activities)
    items = [
        make_item(activity, when, scope=scope, guess=not has_scope_column)
        for activity, scope in zip(activities, paired, strict=True)
    ]
    if len(items) == 1:
        items[0].owner = cells["owner"].strip().text
        items[0].budget = parse_budget(cells["budget"].shadow) or items[0].budget
    return items


def parse_budget(text: str) -> Decimal | None:
    """Yuan in a 经费 cell: 2000元 -> 2000, 1.5万 -> 15000, 1,200元; None when it names none."""
    match = _CELL_AMOUNT_RE.search(text)
    return _yuan(match) if match else None


def budget_in(text: str) -> Decimal | None:
    """The budget an activity's text names: 经费2000元, 预算：1.5万元, 约3000元; else None.

    A bare sum (每人500元) is what each person gets, not what the activity costs: only an
    amount after 经费/预算/费用 or 约/预计 counts.
    """
    match = _TEXT_AMOUNT_RE.search(text)
    return _yuan(match) if match else None


def _yuan(match: re.Match[str]) -> Decimal | None:
    """The amount of a match through the one reader of typed amounts (unionplan.plan.money.parse_yuan)."""
    try:
        written = match.group("amount") + (match.group("wan") or "")
        return parse_yuan(written, what="经费", maximum=MAX_BUDGET)
    except UserInputError:
        return None
