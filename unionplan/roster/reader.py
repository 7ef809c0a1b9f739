"""A roster file -> good rows (``MemberRow``) and bad rows (``RowProblem``), nothing stored.

A bad cell never aborts the file: the row is reported (Excel row number, column header as the
user wrote it, what is wrong in Chinese) and left out of ``rows``, so the user can fix the
file or import only the good rows. Only a file that cannot be a roster at all raises
``UserInputError``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from unionplan.errors import UserInputError
from unionplan.idcard import IdCardInfo, inspect_id_number, mismatch_problems
from unionplan.roster import cells
from unionplan.roster.cells import CellError
from unionplan.roster.columns import LABELS, find_header
from unionplan.roster.files import Sheet, load_bytes, open_sheets


@dataclass(slots=True)
class MemberRow:
    """One valid person of the roster, fields already normalised."""

    row: int  # the row number Excel shows
    name: str
    gender: str | None = None  # "male" | "female"; from the ID number when not given
    birth_date: date | None = None  # from the ID number when not given
    id_number: str = ""  # 18-digit form, upper-case X; "" when the roster has none
    phone: str = ""
    department: str = ""
    post: str = ""
    status: str = "active"  # "active" | "retired" | "left"
    joined_on: date | None = None
    hired_on: date | None = None  # 入职时间, for 新入职 scopes
    tags: tuple[str, ...] = ()
    children: tuple[tuple[str, date], ...] = ()  # (name, birth date)
    note: str = ""
    standing: str = "normal"  # 会籍: "normal" | "retained" | "transferred_out" | "withdrawn"
    standing_since: date | None = None  # the day of the last change of 会籍
    dues_paid_through: date | None = None  # 会费缴至: the first day of that month
    in_fund_base: bool | None = None  # wages in the fund base; None when not recorded
    secondment: str = ""  # "" | "here" | "elsewhere" (where collective welfare is given)


@dataclass(slots=True, frozen=True)
class RowProblem:
    """Why a row cannot be imported as it is."""

    row: int
    column: str  # the header as written in the file ("" for the row as a whole)
    message: str
    value: str = ""


@dataclass(slots=True)
class RosterReport:
    """What reading a roster found."""

    filename: str
    sheet: str
    header_row: int
    columns: dict[str, str]  # field -> header as written
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[MemberRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    total_rows: int = 0  # non-empty data rows, good and bad

    @property
    def bad_rows(self) -> list[int]:
        """Row numbers with at least one problem, in order."""
        return sorted({problem.row for problem in self.problems})

    @property
    def ok(self) -> bool:
        return not self.problems


# The widest text each column may hold (the registry's columns; a test keeps them equal).
TEXT_LIMITS = {"department": 100, "post": 100, "note": 500}

_SIMPLE_FIELDS: dict[str, Callable[[object], object]] = {
    "name": cells.parse_name,
    "gender": cells.parse_gender,
    "phone": cells.parse_phone,
    "department": cells.short_text(TEXT_LIMITS["department"]),
    "post": cells.short_text(TEXT_LIMITS["post"]),
    "status": cells.parse_status,
    "tags": cells.parse_tags,
    "children": cells.parse_children,
    "note": cells.short_text(TEXT_LIMITS["note"]),
    "standing": cells.parse_standing,
    "in_fund_base": cells.parse_yes_no,
    "secondment": cells.parse_secondment,
}


# Columns whose cells repeat (a few departments, two genders, three statuses): their converted
# values are remembered per distinct cell, so 100,000 rows cost a dictionary lookup each.
_REPEATING = frozenset(
    {"gender", "department", "post", "status", "tags", "note", "standing", "in_fund_base",
     "secondment"}
)  # fmt: skip
# 会费 paid in advance is a month after today; the other dates cannot be.
_MAY_BE_AHEAD = frozenset({"dues_paid_through"})
_CACHE_LIMIT = 4096  # distinct cells remembered per column; a column of unique cells stops there


def _memoized(convert: Callable[[object], object]) -> Callable[[object], object]:
    """``convert`` remembered per distinct cell (by type too, as 1, 1.0 and True are equal keys;
    text, the usual cell, is its own key: a tuple never equals a string).

    The converters are pure, so a cached value or problem message is what a call would give;
    a problem is cached as its message and raised as a new ``CellError`` each time.
    """
    cache: dict[object, tuple[bool, object]] = {}

    def cached(cell: object) -> object:
        key = cell if cell.__class__ is str else (cell.__class__, cell)
        hit = cache.get(key)
        if hit is None:
            try:
                hit = (True, convert(cell))
            except CellError as error:
                hit = (False, str(error))
            if len(cache) < _CACHE_LIMIT:
                cache[key] = hit
        if hit[0]:
            return hit[1]
        raise CellError(hit[1])

    return cached


class _RowReader:
    """Converts the data rows of one sheet; the column plan is fixed once per file.

    This runs for each of 100,000 rows, so the common case (every cell fine) takes the
    shortest path: no per-row helper calls, and repeating cells converted once per file.
    """

    def __init__(self, mapping: dict[str, int], headers: dict[str, str], today: date) -> None:
        self.today = today
        self.headers = headers
        self.simple = [
            (f, i, _memoized(_SIMPLE_FIELDS[f]) if f in _REPEATING else _SIMPLE_FIELDS[f])
            for f, i in mapping.items()
            if f in _SIMPLE_FIELDS
        ]
        self.dates = [
            (f, mapping[f], _memoized(cells.parse_date))
            for f in ("birth_date", "joined_on", "hired_on", "standing_since", "dues_paid_through")
            if f in mapping
        ]
        self.id_index = mapping.get("id_number")
        self.seen_ids: dict[str, int] = {}

    def read(self, number: int, row: list[object], problems: list[RowProblem]) -> MemberRow | None:
        values: dict[str, object] = {}
        before = len(problems)
        width = len(row)
        for name, index, convert in self.simple:
            if index >= width:
                continue
            cell = row[index]
            if cell == "" or cell is None:
                continue
            try:
                values[name] = convert(cell)
            except CellError as error:
                problems.append(self._problem(number, name, error, cell))
        birth_month_only = self._dates(number, row, values, problems) if self.dates else False
        if not values.get("name"):
            problems.append(RowProblem(number, self.headers["name"], "缺少姓名"))
        index = self.id_index
        if index is not None and index < width:
            cell = row[index]
            if not (cell == "" or cell is None):
                self._id_number(number, cell, values, birth_month_only, problems)
        if len(problems) > before:
            return None
        return MemberRow(row=number, **values)  # type: ignore[arg-type]

    def _problem(self, number: int, name: str, error: Exception, cell: object) -> RowProblem:
        return RowProblem(number, self.headers[name], str(error), cells.text_of(cell))

    def _dates(
        self, number: int, row: list[object], values: dict[str, object], problems: list[RowProblem]
    ) -> bool:
        month_only = False
        width = len(row)
        for name, index, parse in self.dates:
            if index >= width:
                continue
            cell = row[index]
            if cell == "" or cell is None:
                continue
            if cell.__class__ is date:  # a date cell, as calamine gives it: nothing to parse
                day, partial = cell, False
            else:
                try:
                    day, partial = parse(cell)
                except CellError as error:
                    problems.append(self._problem(number, name, error, cell))
                    continue
            if name in _MAY_BE_AHEAD:
                day = day.replace(day=1)  # 会费缴至 names a month
            elif day > self.today:
                problems.append(self._problem(number, name, CellError("日期在今天之后"), cell))
            values[name] = day
            month_only = month_only or (partial and name == "birth_date")
        return month_only

    def _id_number(
        self,
        number: int,
        cell: object,
        values: dict[str, object],
        birth_month_only: bool,
        problems: list[RowProblem],
    ) -> None:
        """Check a non-empty ID cell; fill birth date and gender from it."""
        if cell.__class__ is str:  # the usual ID cell (what parse_id_text does with it)
            text = cell.strip()
        else:
            try:
                text = cells.parse_id_text(cell)
            except CellError as error:
                problems.append(self._problem(number, "id_number", error, cell))
                return
        info = inspect_id_number(text, self.today)
        if isinstance(info, str):
            problems.append(RowProblem(number, self.headers["id_number"], info, text))
            return
        given_birth = values.get("birth_date")
        given_gender = values.get("gender")
        if (given_birth is not None and given_birth != info.birth_date) or (
            given_gender is not None and given_gender != info.gender
        ):
            self._check_against_id(number, info, given_birth, birth_month_only, values, problems)
        first = self.seen_ids.setdefault(info.number, number)
        if first != number:
            message = f"身份证号与第{first}行重复"
            problems.append(RowProblem(number, self.headers["id_number"], message, text))
        values["id_number"] = info.number
        values["birth_date"] = info.birth_date
        values["gender"] = info.gender

    def _check_against_id(
        self,
        number: int,
        info: IdCardInfo,
        given_birth: object,
        birth_month_only: bool,
        values: dict[str, object],
        problems: list[RowProblem],
    ) -> None:
        """Report a given birth date or gender that contradicts the ID number."""
        if birth_month_only and isinstance(given_birth, date):
            same_month = given_birth.replace(day=1) == info.birth_date.replace(day=1)
            given_birth = info.birth_date if same_month else given_birth
        for message in mismatch_problems(info, given_birth, values.get("gender")):  # type: ignore[arg-type]
            column = "birth_date" if message.startswith("出生") else "gender"
            problems.append(RowProblem(number, self.headers[column], message))


def _is_blank(row: list[object]) -> bool:
    # any(): a truthy cell is neither "" nor None, so most rows are settled in C; only rows
    # without one (blank, or holding only 0 / False) need the cell-by-cell look.
    return not any(row) and all(cell == "" or cell is None for cell in row)


def _pick_sheet(sheets: list[Sheet]) -> tuple[Sheet, tuple[int, dict[str, int], list[str]]]:
    if all(not any(not _is_blank(r) for r in sheet.rows) for sheet in sheets):
        raise UserInputError("表格是空的，没有任何数据")
    for sheet in sheets:
        header = find_header(sheet.rows)
        if header is not None:
            return sheet, header
    raise UserInputError(
        "找不到“姓名”列：请确认表格有一行列名，如 姓名、性别、出生日期、身份证号、手机、部门"
    )


def read_roster(
    source: str | Path | bytes, filename: str | None = None, *, today: date | None = None
) -> RosterReport:
    """Read a roster (.xlsx/.xls/.ods/.csv) into good rows and problems; stores nothing.

    ``source`` is a path or the uploaded bytes; ``filename`` (needed with bytes) only helps
    the messages and the CSV/spreadsheet decision. Raises UserInputError for a file that is
    not a spreadsheet, has only empty sheets, or has no name column.
    """
    filename = filename or (Path(source).name if not isinstance(source, bytes) else "上传的文件")
    with _no_gc_pauses():
        return _read(source, filename, today)


def _read(source: str | Path | bytes, filename: str, today: date | None) -> RosterReport:
    sheets = list(open_sheets(load_bytes(source), filename))
    sheet, (header_index, mapping, unused) = _pick_sheet(sheets)
    header_row = sheet.rows[header_index]
    headers = {f: str(header_row[i]).strip() for f, i in mapping.items()}
    headers.update({f: LABELS[f] for f in LABELS if f not in headers})
    report = RosterReport(
        filename=filename,
        sheet=sheet.name,
        header_row=sheet.first_row + header_index,
        columns={f: headers[f] for f in mapping},
        ignored_columns=unused,
    )
    reader = _RowReader(mapping, headers, today or date.today())
    _read_rows(reader, sheet, header_index, report)
    return report


def _read_rows(reader: _RowReader, sheet: Sheet, header_index: int, report: RosterReport) -> None:
    first = sheet.first_row + header_index + 1
    for offset, row in enumerate(sheet.rows[header_index + 1 :]):
        if _is_blank(row):
            continue
        report.total_rows += 1
        member = reader.read(first + offset, row, report.problems)
        if member is not None:
            report.rows.append(member)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Suspend the cyclic garbage collector while calamine builds the sheet's lists and we
    build 100,000 row objects from them.

    They hold no reference cycles, yet each allocation burst triggers a collection that scans
    every object made so far: about a quarter of the reading time on a large roster, and
    half of calamine's ``to_python``.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
