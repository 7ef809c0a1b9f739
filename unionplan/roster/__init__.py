"""Reading the member rosters people already have, and writing them back. No Django.

Public API::

    read_roster(source: str | Path | bytes, filename: str | None = None, *, today=None)
        -> RosterReport
    write_roster_xlsx(rows: Iterable[MemberRow], path, *, masked=True, title="会员名册") -> None

    RosterReport: filename, sheet, header_row (Excel row number), columns {field: header},
                  ignored_columns, rows [MemberRow], problems [RowProblem], total_rows,
                  bad_rows (row numbers), ok
    MemberRow:    row, name, gender ("male"/"female"/None), birth_date, id_number (18 digits,
                  "" if none), phone, department, post, status ("active"/"retired"/"left"),
                  joined_on, hired_on (入职时间), tags (canonical Chinese tags),
                  children ((name, birth_date), ...),
                  note, standing (会籍: "normal"/"retained"/"transferred_out"/"withdrawn"),
                  standing_since, dues_paid_through (会费缴至, the month's first day),
                  in_fund_base (True/False/None), secondment (""/"here"/"elsewhere")
    RowProblem:   row (as Excel shows it), column (header as written), message (中文), value

Files: .xlsx/.xlsm/.xls/.ods through python-calamine, told apart by their first bytes; .csv in
UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK or Big5 (detected with charset-normalizer),
separated by commas, tabs or semicolons. The first sheet with a 姓名 column is read; its header
is the row among the first 30 that names the most known columns (see ``columns.ALIASES``,
traditional headers too). UserInputError (中文) for: not a spreadsheet, empty file or sheets,
no name column, unreadable encoding.

Rows: a row with any problem is left out of ``rows`` and listed in ``problems``; blank rows are
skipped. Checked: name present; dates exist (1975-02-30 is a problem) and are not in the
future; the ID number (GB 11643 check digit, 15-digit numbers converted to 18); the given
birth date and gender agree with the ID number (a 出生年月 of 197503 is compared by month);
gender, phone, 状态 recognisable; an ID number not repeated in the file. Birth date and gender
are filled from the ID number. Empty 状态 means 在职. Tags are folded to canonical names
(``unionplan.scope.canonical_tag``); 子女 is read from "张小明 2012-05-01；李小红 2015.3.2".
"""

from unionplan.roster.reader import MemberRow, RosterReport, RowProblem, read_roster
from unionplan.roster.writer import write_roster_xlsx

__all__ = ["MemberRow", "RosterReport", "RowProblem", "read_roster", "write_roster_xlsx"]
