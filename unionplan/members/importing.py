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
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from unionplan.errors import UserInputError
from unionplan.members.models import Child, Member, MemberTag, Tag, org_key_of, tree_root_of
from unionplan.orgs.models import Organization
from unionplan.roster import MemberRow, RosterReport, RowProblem, read_roster, write_roster_xlsx

BATCH = 2000
PROBLEMS_SHOWN = 200  # a preview of 100,000 bad rows shows these and a summary
NO_ID = "缺少身份证号：会员按身份证号识别，重新导入时据此更新"
OTHER_UNION = "该身份证号已登记在同一上级工会下的另一个工会，请由该工会先调出"
# MemberRow field -> Member field, for the columns a re-import may update.
_FIELDS = {
    "name": "name",
    "gender": "gender",
    "birth_date": "birth_date",
    "phone": "phone",
    "department": "department",
    "post": "post",
    "status": "status",
    "joined_on": "joined_at",
    "note": "note",
}


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

    def problem_summary(self) -> list[tuple[str, str, int]]:
        """(column, problem, number of rows), most frequent first: 100,000 bad rows usually
        have two or three causes, and this is what the user needs to fix them."""
        counts = Counter((p.column, p.message) for p in self.problems)
        return [(column, message, n) for (column, message), n in counts.most_common(20)]


@dataclass
class ImportOutcome:
    error: str | None = None
    created: int = 0
    updated: int = 0
    skipped: int = 0


def preview_bytes(org: Organization, data: bytes | str | Path, filename: str) -> ImportPreview:
    """Read and check ``data`` against the registry of ``org``; stores nothing."""
    try:
        report = read_roster(data, filename)
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
    registered = _registered(tree_root_of(org), [r.id_number for r in report.rows if r.id_number])
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


def _registered(tree_root: int, id_numbers: list[str]) -> dict[str, tuple[int, int]]:
    """{id_number: (member pk, organization id)} of those already in the tree."""
    found: dict[str, tuple[int, int]] = {}
    for start in range(0, len(id_numbers), BATCH):
        chunk = id_numbers[start : start + BATCH]
        rows = Member.objects.filter(tree_root=tree_root, id_number__in=chunk).values_list(
            "id_number", "pk", "organization_id"
        )
        found.update({number: (pk, org_id) for number, pk, org_id in rows})
    return found


def apply(org: Organization, preview: ImportPreview) -> None:
    """Write ``preview.rows``: all of them or, on any error, none."""
    columns = set(preview.report.columns) if preview.report else set(_FIELDS)
    fields = [_FIELDS[f] for f in _FIELDS if f in columns or f in ("name", "gender", "birth_date")]
    new_rows = [row for row in preview.rows if row.id_number not in preview.existing]
    old_rows = [row for row in preview.rows if row.id_number in preview.existing]
    links = "tags" in columns or "children" in columns
    with transaction.atomic():
        ids = _insert(org, new_rows, need_ids=links)
        ids.update(_update(old_rows, preview.existing, fields))
        if "tags" in columns:
            _replace_tags(old_rows, new_rows, ids)
        if "children" in columns:
            _replace_children(old_rows, new_rows, ids)


def _write_columns(fields: list[str]) -> list[str]:
    """Model field names written for each row: the file's columns and the derived ones."""
    return [*fields, "birth_month", "updated_at"]


def _row_values(row: MemberRow, columns: list[str], now) -> list:
    """DB-ready values of ``row`` for ``columns``; plain tuples, not model instances: building
    100,000 ``Member`` objects costs more than the whole database write."""
    ops = connection.ops
    values = []
    for name in columns:
        if name == "birth_month":
            value = row.birth_date.month if row.birth_date else None
        elif name in ("updated_at", "created_at"):
            value = now
        else:
            value = getattr(row, _SOURCE[name])
            if name in ("birth_date", "joined_at"):
                value = ops.adapt_datefield_value(value)
            elif value is None:
                value = ""
        values.append(value)
    return values


_SOURCE = {target: source for source, target in _FIELDS.items()}


def _executemany(sql: str, params: list[list]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH * 5):
            cursor.executemany(sql, params[start : start + BATCH * 5])


def _insert_rows(table: str, column_sql: str, params: list[list]) -> None:
    """COPY on PostgreSQL; executemany of one prepared INSERT on SQLite (in-process, no
    round trips: as fast as multi-row INSERTs there, and no SQL text to build)."""
    if not params:
        return
    if connection.vendor == "postgresql":
        _copy_rows(table, column_sql, params)
        return
    marks = ", ".join(["%s"] * len(params[0]))
    _executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({marks})", params)


def _copy_rows(table: str, column_sql: str, params: list[list]) -> None:
    """PostgreSQL's COPY: the fastest way in, and no client-side SQL to build (psycopg spends
    seconds splitting a 30,000-placeholder INSERT; executemany pays a round trip per row)."""
    sql = f"COPY {table} ({column_sql}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in params:
            copy.write_row(row)


def _column_list(columns: list[str]) -> str:
    quote = connection.ops.quote_name
    return ", ".join(quote(Member._meta.get_field(name).column) for name in columns)


def _insert(org: Organization, rows: list[MemberRow], need_ids: bool) -> dict[str, int]:
    """Plain multi-row INSERTs: Django's bulk_create on SQLite writes ~60 rows per statement
    (999 parameters) and builds a model per row, ten times slower for 100,000 rows."""
    if not rows:
        return {}
    columns = [*_FIELDS.values(), "birth_month", "updated_at", "created_at"]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    fixed = [org.pk, org_key_of(org), tree_root_of(org)]
    params = [[*fixed, row.id_number, *_row_values(row, columns, now)] for row in rows]
    all_columns = ["organization", "org_key", "tree_root", "id_number", *columns]
    table = connection.ops.quote_name(Member._meta.db_table)
    _insert_rows(table, _column_list(all_columns), params)
    if not need_ids:
        return {}
    return {
        number: pk for number, (pk, _) in _registered(fixed[2], [r.id_number for r in rows]).items()
    }


def _update(rows: list[MemberRow], existing: dict[str, int], fields: list[str]) -> dict[str, int]:
    """executemany UPDATE … WHERE id = %s: bulk_update's CASE WHEN per field grows with the
    batch and is many times slower for tens of thousands of rows."""
    if not rows:
        return {}
    columns = _write_columns(fields)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    params = [[*_row_values(row, columns, now), existing[row.id_number]] for row in rows]
    quote = connection.ops.quote_name
    names = [quote(Member._meta.get_field(n).column) for n in columns]
    table = quote(Member._meta.db_table)
    if connection.vendor == "postgresql":
        _update_from_copy(table, names, params)
    else:
        assignments = ", ".join(f"{name} = %s" for name in names)
        _executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", params)
    return {row.id_number: existing[row.id_number] for row in rows}


def _update_from_copy(table: str, names: list[str], params: list[list]) -> None:
    """PostgreSQL: COPY the new values into a temporary table, then one UPDATE … FROM."""
    columns = ", ".join([*names, "id"])
    assignments = ", ".join(f"{name} = new.{name}" for name in names)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE members_import_new ON COMMIT DROP AS "
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        _copy_rows("members_import_new", columns, params)
        cursor.execute(
            f"UPDATE {table} AS old SET {assignments} FROM members_import_new AS new "
            f"WHERE old.id = new.id"
        )
        cursor.execute("DROP TABLE members_import_new")


def _tag_ids(names: Iterable[str]) -> dict[str, int]:
    names = set(names)
    if not names:
        return {}
    Tag.objects.bulk_create([Tag(name=n) for n in names], ignore_conflicts=True)
    return dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))


def _replace_tags(old_rows: list[MemberRow], new_rows: list[MemberRow], ids: dict) -> None:
    _delete_chunked(MemberTag, [ids[row.id_number] for row in old_rows])
    rows = old_rows + new_rows
    tag_ids = _tag_ids(tag for row in rows for tag in row.tags)
    links = [[ids[row.id_number], tag_ids[tag]] for row in rows for tag in dict.fromkeys(row.tags)]
    _insert_plain(MemberTag, ["member_id", "tag_id"], links)


def _replace_children(old_rows: list[MemberRow], new_rows: list[MemberRow], ids: dict) -> None:
    _delete_chunked(Child, [ids[row.id_number] for row in old_rows])
    adapt = connection.ops.adapt_datefield_value
    children = [
        [ids[row.id_number], name, adapt(born)]
        for row in old_rows + new_rows
        for name, born in row.children
    ]
    _insert_plain(Child, ["member_id", "name", "birth_date"], children)


def _insert_plain(model, columns: list[str], params: list[list]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    _insert_rows(quote(model._meta.db_table), names, params)


def _delete_chunked(model, member_ids: list[int]) -> None:
    for start in range(0, len(member_ids), BATCH):
        model.objects.filter(member_id__in=member_ids[start : start + BATCH])._raw_delete(
            connection.alias
        )


def members_xlsx(members: Iterable[Member], masked: bool) -> tuple[bytes, int]:
    """The members as a roster .xlsx that ``read_roster`` reads back; (content, row count)."""
    rows = [_row_of(member, number) for number, member in enumerate(members, 2)]
    folder = Path(settings.VAR_DIR) / "member-uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".xlsx") as handle:
        write_roster_xlsx(rows, handle.name, masked=masked)
        return Path(handle.name).read_bytes(), len(rows)


def _row_of(member: Member, number: int) -> MemberRow:
    return MemberRow(
        row=number,
        name=member.name,
        gender=member.gender or None,
        birth_date=member.birth_date,
        id_number=member.id_number,
        phone=member.phone,
        department=member.department,
        post=member.post,
        status=member.status,
        joined_on=member.joined_at,
        tags=tuple(link.tag.name for link in member.member_tags.all()),
        children=tuple((child.name, child.birth_date) for child in member.children.all()),
        note=member.note,
    )
