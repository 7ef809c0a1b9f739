"""Roster rows into the registry: the preview (nothing stored) and the import (one transaction).

The reading and checking of the file is ``unionplan.roster``'s; this module adds what needs
the database, and is the adapter between ``MemberRow`` and ``Member``:

- a row without an ID number is a problem here: members are identified by ID number, and a
  re-import updates them by it (without one, every re-import would duplicate the person);
- a row whose ID number is already registered in *another* union of the same tree is a
  problem too: moving a person between unions is that union's decision, not an import's;
- an import writes the good rows or nothing: every write happens inside one transaction, in
  batches (bulk_create, executemany updates), so a failure leaves the registry as it was;
- a re-import updates only the columns the file has (a file without 手机 keeps the phones),
  and replaces tags and children only when the file has those columns.

The fast writing itself is ``bulk_write``'s; writing the registry back out as a roster
file is ``roster_export``'s.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from unionplan.errors import UserInputError
from unionplan.members import bulk_write as bulk
from unionplan.members.bulk_write import FIELDS
from unionplan.members.models import org_key_of, tree_root_of
from unionplan.orgs.models import Organization
from unionplan.roster import MemberRow, RosterReport, RowProblem, read_roster

RETIRED_WORDS = ("退休", "离休")  # what a 部门 or 职务 cell says when it lists retirees
PROBLEMS_SHOWN = 200  # a preview of 100,000 bad rows shows these and a summary
NO_ID = "缺少身份证号：会员按身份证号识别，重新导入时据此更新"
OTHER_UNION = "该身份证号已登记在同一上级工会下的另一个工会，请由该工会先调出"


@dataclass
class ImportPreview:
    """What an import of a file would do; ``error`` when the file is not a roster at all."""

    error: str | None = None
    report: RosterReport | None = None
    rows: list[MemberRow] = field(default_factory=list)  # what would be imported
    problems: list[RowProblem] = field(default_factory=list)
    existing: dict[str, int] = field(default_factory=dict)  # id_number -> member pk (this union)

    @property
    def created(self) -> int:
        return sum(1 for row in self.rows if row.id_number not in self.existing)

    @property
    def updated(self) -> int:
        return len(self.rows) - self.created

    @property
    def bad_rows(self) -> int:
        return len({problem.row for problem in self.problems})

    @property
    def shown_problems(self) -> list[RowProblem]:
        return self.problems[:PROBLEMS_SHOWN]

    @property
    def retiree_rows(self) -> list[MemberRow]:
        """Rows to import whose 部门 or 职务 says 退休 while their 状态 is 在职: a roster that
        lists retirees as a department (common) would otherwise import them as working."""
        return [row for row in self.rows if looks_retired(row.status, row.department, row.post)]

    @property
    def retiree_row_list(self) -> str:
        """The first row numbers of ``retiree_rows``, as a person reads them (2、5、9…)."""
        numbers = [str(row.row) for row in self.retiree_rows]
        return "、".join(numbers[:20]) + ("…" if len(numbers) > 20 else "")

    def problem_summary(self) -> list[tuple[str, str, int]]:
        """(column, problem, number of rows), most frequent first: 100,000 bad rows usually
        have two or three causes, and this is what the user needs to fix them."""
        counts = Counter((p.column, p.message) for p in self.problems)
        return [(column, message, n) for (column, message), n in counts.most_common(20)]


@dataclass
class CheckedRoster:
    """What the preview page shows of a checked file: small, and JSON-safe so that a check
    made by a background job (a large file) can be kept in the job and shown later."""

    total_rows: int
    importable: int
    created: int
    updated: int
    bad_rows: int
    problem_count: int
    ignored_columns: list[str]
    problem_summary: list[tuple[str, str, int]]
    shown_problems: list[RowProblem]
    retirees: int = 0  # rows whose 部门 says 退休 while 状态 stayed 在职
    retiree_row_list: str = ""

    @classmethod
    def of(cls, preview: ImportPreview) -> CheckedRoster:
        report = preview.report
        return cls(
            total_rows=report.total_rows if report else 0,
            importable=len(preview.rows),
            created=preview.created,
            updated=preview.updated,
            bad_rows=preview.bad_rows,
            problem_count=len(preview.problems),
            ignored_columns=list(report.ignored_columns) if report else [],
            problem_summary=preview.problem_summary(),
            shown_problems=preview.shown_problems,
            retirees=len(preview.retiree_rows),
            retiree_row_list=preview.retiree_row_list,
        )

    def to_json(self) -> dict:
        data = asdict(self)
        data["problem_summary"] = [list(entry) for entry in self.problem_summary]
        return data

    @classmethod
    def from_json(cls, data: dict) -> CheckedRoster:
        return cls(
            **{
                **data,
                "problem_summary": [tuple(entry) for entry in data["problem_summary"]],
                "shown_problems": [RowProblem(**problem) for problem in data["shown_problems"]],
            }
        )


@dataclass
class ImportOutcome:
    error: str | None = None
    created: int = 0
    updated: int = 0
    skipped: int = 0


def looks_retired(status: str, department: str, post: str) -> bool:
    """部门 or 职务 says 退休 while 状态 is 在职: most likely a retiree typed as a department."""
    return status == "active" and any(w in department or w in post for w in RETIRED_WORDS)


def preview_bytes(org: Organization, data: bytes | str | Path, filename: str) -> ImportPreview:
    """Read and check ``data`` against the registry of ``org``; stores nothing."""
    try:
        report = read_roster(data, filename, today=timezone.localdate())
    except UserInputError as error:
        return ImportPreview(error=error.message)
    return _check_against_registry(org, report)


def import_bytes(
    org: Organization, data: bytes | str | Path, filename: str, dry_run: bool = False
) -> ImportOutcome:
    """Import the good rows of a file (or, with ``dry_run``, only count what would happen)."""
    preview = preview_bytes(org, data, filename)
    if preview.error:
        return ImportOutcome(error=preview.error)
    outcome = ImportOutcome(
        created=preview.created, updated=preview.updated, skipped=preview.bad_rows
    )
    if not dry_run:
        apply(org, preview)
    return outcome


def _check_against_registry(org: Organization, report: RosterReport) -> ImportPreview:
    preview = ImportPreview(report=report, problems=list(report.problems))
    id_header = report.columns.get("id_number", "身份证号")
    registered = bulk.registered(
        tree_root_of(org), [r.id_number for r in report.rows if r.id_number]
    )
    for row in report.rows:
        if not row.id_number:
            preview.problems.append(RowProblem(row.row, id_header, NO_ID))
        elif row.id_number in registered and registered[row.id_number][1] != org.pk:
            preview.problems.append(RowProblem(row.row, id_header, OTHER_UNION))
        else:
            preview.rows.append(row)
            if row.id_number in registered:
                preview.existing[row.id_number] = registered[row.id_number][0]
    preview.problems.sort(key=lambda problem: problem.row)
    return preview


def apply(org: Organization, preview: ImportPreview) -> None:
    """Write ``preview.rows``: all of them or, on any error, none."""
    columns = set(preview.report.columns) if preview.report else set(FIELDS)
    fields = [FIELDS[f] for f in FIELDS if f in columns or f in ("name", "gender", "birth_date")]
    new_rows = [row for row in preview.rows if row.id_number not in preview.existing]
    old_rows = [row for row in preview.rows if row.id_number in preview.existing]
    links = "tags" in columns or "children" in columns
    with transaction.atomic(), bulk.bulk_write():
        ids = bulk.insert_new(org, new_rows, need_ids=links, fields=fields)
        updated = bulk.update_existing(old_rows, preview.existing, fields)
        ids.update(updated)
        if ("hired_on" in fields) != ("joined_at" in fields):
            bulk.refresh_new_hire_dates(list(updated.values()))
        if "tags" in columns:
            bulk.replace_tags(old_rows, new_rows, ids)
        if "children" in columns:
            bulk.replace_children(old_rows, new_rows, ids, org_key_of(org))
