"""Writing many members at once: plain tuples through executemany (SQLite) or COPY (PostgreSQL).

An import of 100,000 rows must take seconds, not minutes: Django's ``bulk_create`` builds a
model per row and writes ~60 rows per statement on SQLite, ten times slower than this. Every
function here runs inside the caller's transaction (``importing.apply``), so a failure
leaves the registry as it was.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from operator import attrgetter, itemgetter

from django.db import connection
from django.db.models.functions import Coalesce
from django.utils import timezone

from unionplan.members.models import Child, Member, MemberTag, Tag, org_key_of, tree_root_of
from unionplan.orgs.models import Organization
from unionplan.roster import MemberRow

BATCH = 2000
SQLITE_CACHE_KIB = 128 * 1024  # page cache of the importing connection, only while it writes
# MemberRow field -> Member field, for the columns a re-import may update.
FIELDS = {
    "name": "name",
    "gender": "gender",
    "birth_date": "birth_date",
    "phone": "phone",
    "department": "department",
    "post": "post",
    "status": "status",
    "joined_on": "joined_at",
    "hired_on": "hired_on",
    "note": "note",
    "standing": "standing",
    "standing_since": "standing_since",
    "dues_paid_through": "dues_paid_through",
    "in_fund_base": "in_fund_base",
    "secondment": "secondment",
}


def registered(tree_root: int, id_numbers: list[str]) -> dict[str, tuple[int, int]]:
    """{id_number: (member pk, organization id)} of those already in the tree.

    One raw query whatever the file's size (an ``IN`` list per 2,000 numbers through the ORM
    took half a second for 100,000 rows): the numbers travel as one array on PostgreSQL and
    as one JSON text on SQLite, where ``json_each`` turns them into a table.
    """
    if not id_numbers or not _tree_has_members(tree_root):
        return {}
    table = connection.ops.quote_name(Member._meta.db_table)
    select = f"SELECT id_number, id, organization_id FROM {table} WHERE tree_root = %s AND "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(select + "id_number = ANY(%s)", [tree_root, id_numbers])
        else:
            numbers = "(SELECT value FROM json_each(%s))"
            cursor.execute(select + f"id_number IN {numbers}", [tree_root, json.dumps(id_numbers)])
        return {number: (pk, org_id) for number, pk, org_id in cursor.fetchall()}


def _tree_has_members(tree_root: int) -> bool:
    """A first import into a new tree (the usual large one) needs no lookup at all."""
    return Member.objects.filter(tree_root=tree_root).exists()


@contextmanager
def bulk_write() -> Iterator[None]:
    """Settings for one large write, restored afterwards whatever happens.

    - no cyclic garbage collection while 100,000 rows of tuples are built (they hold no
      cycles, yet each burst of allocations made the collector scan all of them again);
    - on SQLite a larger page cache for this connection: the member table's four indexes
      are updated at random places, and with the default 2 MB cache every insert re-read
      pages it had just evicted (2.5 s -> 0.9 s for 100,000 rows). This changes nothing on
      disk and nothing about durability (``synchronous`` and the journal are untouched).
    """
    gc_was_enabled = gc.isenabled()
    gc.disable()
    previous_cache = None
    try:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                previous_cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
                cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB}")
        yield
    finally:
        if previous_cache is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(previous_cache)}")
        if gc_was_enabled:
            gc.enable()


def _write_columns(fields: list[str]) -> list[str]:
    """Model field names written for each row: the file's columns and the derived ones.

    ``new_hire_date`` only when the file has both dates it comes from; with one of them it
    needs the stored other one (``_refresh_new_hire_dates``)."""
    derived = ["birth_month"]
    if "hired_on" in fields and "joined_at" in fields:
        derived.append("new_hire_date")
    return [*fields, *derived, "updated_at"]


def _all_values(row: MemberRow, now: object) -> tuple:
    """Every writable value of ``row`` in ``_ALL_COLUMNS`` order; a tuple, not a model:
    building 100,000 ``Member`` objects costs more than the whole database write.

    Dates go as ISO text, the form both databases take them in (SQLite stores it as is,
    COPY reads it): a ``date`` object makes sqlite3 look up and call Django's adapter for
    each, a sixth of the time of inserting 100,000 members. ``_stored_values`` reads them
    back as the same text, so a re-import compares like with like."""
    born, joined, hired = row.birth_date, row.joined_on, row.hired_on
    since, dues, new_hire = row.standing_since, row.dues_paid_through, hired or joined
    return (
        row.name or "", row.gender or "", born.isoformat() if born else None,
        row.phone or "", row.department or "", row.post or "", row.status or "",
        joined.isoformat() if joined else None, hired.isoformat() if hired else None,
        row.note or "", row.standing or "normal", since.isoformat() if since else None,
        dues.isoformat() if dues else None, row.in_fund_base, row.secondment or "",
        born.month if born else None, new_hire.isoformat() if new_hire else None, now,
    )  # fmt: skip


_ALL_COLUMNS = [*FIELDS.values(), "birth_month", "new_hire_date", "updated_at"]


def _values_of(rows: list[MemberRow], columns: list[str], now: object) -> list[tuple]:
    """The values of ``columns`` (a subset of ``_ALL_COLUMNS``) of each row."""
    if columns == _ALL_COLUMNS:
        return [_all_values(row, now) for row in rows]
    pick = _picker(columns)
    return [pick(_all_values(row, now)) for row in rows]


def _picker(columns: list[str]) -> Callable[[tuple], tuple]:
    """From a tuple in ``_ALL_COLUMNS`` order, the values of ``columns`` (two or more)."""
    if columns == _ALL_COLUMNS:
        return tuple
    return itemgetter(*[_ALL_COLUMNS.index(name) for name in columns])


def _executemany(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(params), BATCH * 25):
            cursor.executemany(sql, params[start : start + BATCH * 25])


def _insert_rows(table: str, column_sql: str, params: list) -> None:
    """COPY on PostgreSQL; executemany of one prepared INSERT on SQLite (in-process, no
    round trips: as fast as multi-row INSERTs there, and no SQL text to build)."""
    if not params:
        return
    if connection.vendor == "postgresql":
        _copy_rows(table, column_sql, params)
        return
    marks = ", ".join(["%s"] * len(params[0]))
    _executemany(f"INSERT INTO {table} ({column_sql}) VALUES ({marks})", params)


def _copy_rows(table: str, column_sql: str, params: list) -> None:
    """PostgreSQL's COPY, fed with text we format ourselves: psycopg's ``write_row`` looks up
    a dumper for every value (14 µs a row, more than the server's work); a joined line per
    row is a few µs. COPY's text format escapes only backslash, tab, newline and CR."""
    sql = f"COPY {table} ({column_sql}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for start in range(0, len(params), BATCH * 5):
            chunk = params[start : start + BATCH * 5]
            copy.write("".join(["\t".join(map(_copy_text, row)) + "\n" for row in chunk]))


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value: object) -> str:
    """One value in COPY's text format (``\\N`` for NULL)."""
    if value is None:
        return "\\N"
    if value.__class__ is str:
        return value.translate(_COPY_ESCAPES)
    if value.__class__ is bool:
        return "t" if value else "f"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _column_list(columns: list[str]) -> str:
    quote = connection.ops.quote_name
    return ", ".join(quote(Member._meta.get_field(name).column) for name in columns)


def insert_new(
    org: Organization, rows: list[MemberRow], need_ids: bool, fields: list[str] | None = None
) -> dict[str, int]:
    """One executemany (SQLite) or COPY (PostgreSQL) of plain tuples: Django's bulk_create
    writes ~60 rows per statement on SQLite and builds a model per row, ten times slower.

    Only the columns of ``fields`` (the file's, as Member fields; all when None) and those
    derived from them are written: the database fills the others with their defaults, as
    every row would have them (a 7-column roster bound 23 values a row, and binding them was
    about a quarter of the insert). Rows go in ID-number order, so the unique
    (tree_root, id_number) index is appended to instead of being split at random places.
    """
    if not rows:
        return {}
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    fixed = (org.pk, org_key_of(org), tree_root_of(org), now)
    rows = sorted(rows, key=attrgetter("id_number"))
    columns = insert_columns(fields)
    pick = _picker(columns)
    params = [(*fixed, row.id_number, *pick(_all_values(row, now))) for row in rows]
    all_columns = ["organization", "org_key", "tree_root", "created_at", "id_number"]
    table = connection.ops.quote_name(Member._meta.db_table)
    _insert_rows(table, _column_list([*all_columns, *columns]), params)
    if not need_ids:
        return {}
    return {
        number: pk for number, (pk, _) in registered(fixed[2], [r.id_number for r in rows]).items()
    }


def insert_columns(fields: list[str] | None) -> list[str]:
    """The columns of ``_ALL_COLUMNS`` a new member's row is written with, given the file's
    ``fields``: those, ``birth_month`` (always: an ID number gives the birth date),
    ``new_hire_date`` when either date it comes from is there, ``updated_at``, and every
    column the database has no default for."""
    if fields is None:
        return _ALL_COLUMNS
    written = {*fields, *_NO_DATABASE_DEFAULT, "birth_month", "updated_at"}
    if "hired_on" in written or "joined_at" in written:
        written.add("new_hire_date")
    return [name for name in _ALL_COLUMNS if name in written]


# Columns an INSERT must name: neither nullable nor with a db_default.
_NO_DATABASE_DEFAULT = frozenset(
    name
    for name in _ALL_COLUMNS
    if not Member._meta.get_field(name).null and not Member._meta.get_field(name).has_db_default()
)


def update_existing(
    rows: list[MemberRow], existing: dict[str, int], fields: list[str]
) -> dict[str, int]:
    """Write what differs from the stored rows, and only that.

    A monthly re-import of the same roster changes a few rows and, in those, a column or
    two (a phone, a department): comparing first (one query) saves rewriting every row, and
    setting only the changed columns leaves the indexes of the others alone — an UPDATE that
    sets an indexed column rewrites that index entry even when the value is the same.
    Unchanged members keep their ``updated_at``, which then says when the member last
    changed. Each set of changed columns is one executemany UPDATE … WHERE id (SQLite) or
    UPDATE … FROM a COPY'd table (PostgreSQL): bulk_update's CASE WHEN per field grows with
    the batch and is many times slower.
    """
    if not rows:
        return {}
    ids = {row.id_number: existing[row.id_number] for row in rows}
    columns = _write_columns(fields)[:-1]  # updated_at is set on the rows that change
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    values = _values_of(rows, [*columns, "updated_at"], now)
    stored = _stored_values(list(ids.values()), columns)
    changes: dict[tuple[int, ...], list[tuple]] = {}
    everything = tuple(range(len(columns)))
    for new, pk in zip(values, ids.values(), strict=True):
        old = stored.get(pk)
        if old is None:
            changed = everything
        else:
            changed = tuple(i for i, value in enumerate(old) if value != new[i])
            if not changed:
                continue
        changes.setdefault(changed, []).append((*[new[i] for i in changed], now, pk))
    for changed, params in changes.items():
        _write_updates([*[columns[i] for i in changed], "updated_at"], params)
    return ids


def refresh_new_hire_dates(pks: list[int]) -> None:
    """Recompute ``new_hire_date`` of updated members from their stored dates (a file with
    only one of 入职时间 and 入会时间 leaves the other as it was)."""
    for start in range(0, len(pks), BATCH):
        Member.objects.filter(pk__in=pks[start : start + BATCH]).update(
            new_hire_date=Coalesce("hired_on", "joined_at")
        )


def _stored_values(pks: list[int], columns: list[str]) -> dict[int, tuple]:
    """{pk: values of ``columns``} as ``_all_values`` gives them (dates as ISO text)."""
    table = connection.ops.quote_name(Member._meta.db_table)
    selected = ", ".join(_as_written(name) for name in columns)
    select = f"SELECT id, {selected} FROM {table} WHERE id "
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(select + "= ANY(%s)", [pks])
        else:
            cursor.execute(select + "IN (SELECT value FROM json_each(%s))", [json.dumps(pks)])
        return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}


def _as_written(name: str) -> str:
    """The column of ``name`` in a SELECT, a date column as its ISO text."""
    column = connection.ops.quote_name(Member._meta.get_field(name).column)
    if name not in _DATE_COLUMNS:
        return column
    if connection.vendor == "postgresql":
        return f"to_char({column}, 'YYYY-MM-DD')"
    return f"CAST({column} AS TEXT)"  # stored as that text; the cast skips the date parser


_DATE_COLUMNS = frozenset(
    name for name in _ALL_COLUMNS if Member._meta.get_field(name).get_internal_type() == "DateField"
)


def _write_updates(columns: list[str], params: list[tuple]) -> None:
    quote = connection.ops.quote_name
    names = [quote(Member._meta.get_field(n).column) for n in columns]
    table = quote(Member._meta.db_table)
    if connection.vendor == "postgresql":
        _update_from_copy(table, names, params)
    else:
        assignments = ", ".join(f"{name} = %s" for name in names)
        _executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", params)


def _update_from_copy(table: str, names: list[str], params: list) -> None:
    """PostgreSQL: COPY the new values into a temporary table, then one UPDATE … FROM."""
    columns = ", ".join([*names, "id"])
    assignments = ", ".join(f"{name} = new.{name}" for name in names)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE members_import_new ON COMMIT DROP AS "
            f"SELECT {columns} FROM {table} WITH NO DATA"
        )
        _copy_rows("members_import_new", columns, params)
        cursor.execute("ANALYZE members_import_new")
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


def replace_tags(old_rows: list[MemberRow], new_rows: list[MemberRow], ids: dict) -> None:
    _delete_chunked(MemberTag, [ids[row.id_number] for row in old_rows])
    rows = old_rows + new_rows
    tag_ids = _tag_ids(tag for row in rows for tag in row.tags)
    links = [(ids[row.id_number], tag_ids[tag]) for row in rows for tag in dict.fromkeys(row.tags)]
    _insert_plain(MemberTag, ["member_id", "tag_id"], links)


def replace_children(
    old_rows: list[MemberRow], new_rows: list[MemberRow], ids: dict, org_key: str
) -> None:
    """Children with their parent's ``org_key`` (every row of an import is in one union)."""
    _delete_chunked(Child, [ids[row.id_number] for row in old_rows])
    children = [
        (ids[row.id_number], org_key, name, born)
        for row in old_rows + new_rows
        for name, born in row.children
    ]
    _insert_plain(Child, ["member_id", "org_key", "name", "birth_date"], children)


def _insert_plain(model, columns: list[str], params: list) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    _insert_rows(quote(model._meta.db_table), names, params)


def _delete_chunked(model, member_ids: list[int]) -> None:
    for start in range(0, len(member_ids), BATCH):
        model.objects.filter(member_id__in=member_ids[start : start + BATCH])._raw_delete(
            connection.alias
        )
