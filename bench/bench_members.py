"""Benchmark the member registry: roster import and scope resolution at federation scale.

    python bench/bench_members.py [--rows 100000] [--members 1000000] [--unions 1000]

Uses a fresh SQLite file in a temporary directory, or the database of DATABASE_URL (its
benchmark rows are deleted at the end). Figures, one per line, each with a baseline
measured in the same run:

- importing a 100,000-row .xlsx (read, validated, checked against the registry, saved) vs
  merely reading the same file with python-calamine; then importing it again (nothing
  changed) and a version with every phone changed (every row an update); medians;
- loading a synthetic federation (1,000 unions, 1,000,000 members) with raw executemany;
- resolving scopes (median of several runs, parse + COUNT) over one union and over the whole
  federation vs an indexed COUNT(*) of the same members; and a plan's counts_for_items.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
_TMP = tempfile.TemporaryDirectory(prefix="bench_members_")
# Never the operator's UNIONPLAN_VAR_DIR: a benchmark must not write into a real registry.
# BENCH_MEMBERS_VAR_DIR keeps the SQLite file somewhere (with BENCH_MEMBERS_KEEP=1, its rows).
VAR_DIR = os.environ.get("BENCH_MEMBERS_VAR_DIR") or _TMP.name
KEEP = os.environ.get("BENCH_MEMBERS_KEEP") == "1"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
os.environ["UNIONPLAN_VAR_DIR"] = VAR_DIR

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from growth import paired  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402
from synthetic import iter_federation, iter_unions, write_roster_file  # noqa: E402

from unionplan.members import importing  # noqa: E402
from unionplan.members.models import (  # noqa: E402
    Child,
    Member,
    MemberTag,
    Tag,
    next_key,
    org_key_of,
)
from unionplan.members.participants import counts_for_items, resolve  # noqa: E402
from unionplan.orgs.models import Organization  # noqa: E402
from unionplan.plans.models import Plan, ScheduleItem  # noqa: E402
from unionplan.roster import read_roster  # noqa: E402
from unionplan.scope.filter import age_bounds_to_birth_dates  # noqa: E402

ON_DATE = date(2025, 10, 1)
SCOPES = [
    "70周岁以上退休老教师",
    "35周岁以下女职工",
    "工会干部",  # a tag (困难职工 is no longer read from tags: it waits for the hardship files)
    "当月过生日的会员",
    "14岁以下职工子女",
    # federation phrases: a tag of grassroots unions' members, hire dates, unions
    "基层工会干部",
    "新入职职工",
    "各基层工会",
]
BATCH = 20_000


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def median_ms(repeat: int, action: Callable[[], object]) -> float:
    action()  # warm the caches once, as a running server would have them
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_import(rows: int, repeat: int = 3) -> None:
    """Medians of ``repeat`` rounds, each alternating the calamine baseline, reading alone,
    a first import into a new union, a re-import of the same file (nothing changed) and of
    a file where every row has another phone (every row an update)."""
    path = Path(_TMP.name) / f"roster_{rows}.xlsx"
    changed = Path(_TMP.name) / f"roster_{rows}_changed.xlsx"
    write_roster_file(path, rows)
    write_roster_file(changed, rows, changed=True)
    times: dict[str, list[float]] = {k: [] for k in ("base", "read", "first", "same", "changed")}

    def timed(key: str, action: Callable[[], object]) -> object:
        start = time.perf_counter()
        result = action()
        times[key].append(time.perf_counter() - start)
        return result

    for _ in range(repeat):
        org = Organization.objects.create(name="导入基准工会")
        timed(
            "base", lambda: CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        )
        timed("read", lambda: read_roster(path))
        outcome = timed("first", lambda org=org: importing.import_bytes(org, path, path.name))
        assert outcome.created == rows and not outcome.error, outcome
        outcome = timed("same", lambda org=org: importing.import_bytes(org, path, path.name))
        assert outcome.updated == rows, outcome
        outcome = timed("changed", lambda org=org: importing.import_bytes(org, changed, "b.xlsx"))
        assert outcome.updated == rows, outcome
        Member.objects.filter(organization=org)._raw_delete(connection.alias)
        org.delete()
    base, reading, first, same, again = (statistics.median(times[k]) for k in times)
    label = f"{rows // 1000}k"
    print(f"members import {label}-row .xlsx (read, validated, saved): {first:.2f} s  "
          f"({first / base:.1f}× calamine read alone, {base:.2f} s; of which "
          f"read_roster {reading:.2f} s = {reading / base:.1f}×, the database part "
          f"{first - reading:.2f} s; medians of {repeat})")  # fmt: skip
    print(f"members re-import {label} rows (every row an update): {again:.2f} s  "
          f"({again / base:.1f}× calamine read alone)")  # fmt: skip
    print(f"members re-import {label} rows (same file, nothing changed): {same:.2f} s  "
          f"({same / base:.1f}× calamine read alone)")  # fmt: skip


def create_unions(count: int) -> tuple[Organization, list[Organization]]:
    federation = Organization.objects.create(name="基准市总工会", kind="federation")
    unions = [
        Organization.objects.create(name=u.name, parent=federation, sector=u.sector)
        for u in iter_unions(count)
    ]
    return federation, unions


def _insert(table: str, columns: list[str], rows: list[tuple]) -> None:
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def load_federation(unions: int, members: int) -> tuple[Organization, list[Organization], float]:
    start = time.perf_counter()
    federation, union_rows = create_unions(unions)
    tag_ids = {}
    for name in ("党员", "职工代表", "工会干部", "困难职工", "退役军人", "患病", "劳模"):
        tag_ids[name] = Tag.objects.get_or_create(name=name)[0].pk
    next_id = (Member.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    keys = [(u.pk, org_key_of(u), int(org_key_of(u)[:8])) for u in union_rows]
    now = django.utils.timezone.now()
    member_cols = ["id", "organization_id", "org_key", "tree_root", "name", "gender", "birth_date",
                   "birth_month", "id_number", "phone", "department", "post", "status",
                   "joined_at", "new_hire_date", "note", "created_at", "updated_at"]  # fmt: skip
    members_batch, tags_batch, children_batch = [], [], []
    with indexes_built_after(), transaction.atomic():
        for person in iter_federation(unions, members):
            org_id, key, root = keys[person.union]
            members_batch.append((
                next_id, org_id, key, root, person.name, person.gender, person.birth_date,
                person.birth_date.month, person.id_number, person.phone, person.department,
                person.post, person.status, person.joined_on, person.joined_on, "", now, now,
            ))  # fmt: skip
            tags_batch.extend((next_id, tag_ids[t]) for t in person.tags)
            children_batch.extend((next_id, key, name, born) for name, born in person.children)
            next_id += 1
            if len(members_batch) >= BATCH:
                _flush(member_cols, members_batch, tags_batch, children_batch)
        _flush(member_cols, members_batch, tags_batch, children_batch)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Member, MemberTag, Child]):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return federation, union_rows, time.perf_counter() - start


@contextmanager
def indexes_built_after():
    """Drop the secondary indexes of the loaded tables and build them once at the end: a
    database builds an index from sorted data much faster than it maintains it row by row."""
    models = [Member, MemberTag, Child]
    with connection.schema_editor(atomic=False) as editor:
        for model in models:
            for index in model._meta.indexes:
                editor.remove_index(model, index)
    yield
    with connection.schema_editor(atomic=False) as editor:
        for model in models:
            for index in model._meta.indexes:
                editor.add_index(model, index)


def _flush(member_cols: list[str], members: list, tags: list, children: list) -> None:
    _insert(Member._meta.db_table, member_cols, members)
    _insert(MemberTag._meta.db_table, ["member_id", "tag_id"], tags)
    _insert(Child._meta.db_table, ["member_id", "org_key", "name", "birth_date"], children)
    members.clear()
    tags.clear()
    children.clear()


def indexed_count(org: Organization) -> int:
    key = org_key_of(org)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {Member._meta.db_table} WHERE org_key >= %s AND org_key < %s",
            [key, next_key(key)],
        )
        return cursor.fetchone()[0]


def bench_scopes(label: str, org: Organization, size: int, repeat: int) -> None:
    baseline = median_ms(repeat, lambda: indexed_count(org))
    worst = 0.0
    for text in SCOPES:
        ms = median_ms(repeat, lambda text=text: resolve(org, text, ON_DATE).count())
        worst = max(worst, ms)
        found = resolve(org, text, ON_DATE).count()
        print(f"scope resolve, {label} ({size:,} members), “{text}” → {found:,}: "
              f"median {ms:.1f} ms  ({ms / baseline:.1f}× indexed COUNT(*) of the same members, "
              f"{baseline:.1f} ms)")  # fmt: skip
    print(f"scope resolve, {label}: slowest of {len(SCOPES)} scopes {worst:.1f} ms")


CHILDREN_SCOPE = "14岁以下职工子女"
CHILD_COLUMNS = ("id", "name", "birth_date", "member_id")


def bench_children_list(org: Organization, repeat: int) -> None:
    """The participant list of a children scope over ``org``, against one hand-written
    SQL query for the same rows (the org_key range and the birth-date bounds)."""
    people = resolve(org, CHILDREN_SCOPE, ON_DATE)

    def subject() -> list:
        return list(people.children.values_list(*CHILD_COLUMNS))

    scope = people.scope.filter  # the age bounds the scope's words give
    earliest, latest = age_bounds_to_birth_dates(
        scope.children_age_min, scope.children_age_max, ON_DATE
    )
    key = org_key_of(org)
    sql = (
        f"SELECT {', '.join(CHILD_COLUMNS)} FROM {Child._meta.db_table} "
        f"WHERE org_key >= %s AND org_key < %s AND birth_date >= %s AND birth_date <= %s"
    )
    params = [key, next_key(key), earliest or date.min, latest or date.max]

    def anchor() -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    listed, by_hand = len(subject()), len(anchor())
    same = "same rows" if listed == by_hand else f"MISMATCH: the SQL gives {by_hand:,}"
    ms, anchor_ms = paired(subject, anchor, repeat)
    print(f"participant list “{CHILDREN_SCOPE}” over {org.name}: {listed:,} children, "
          f"median {ms:.0f} ms; anchor (one hand-written SQL query, {same}) {anchor_ms:.0f} ms; "
          f"ratio {ms / anchor_ms:.1f}×")  # fmt: skip


def bench_plan_counts(org: Organization, repeat: int) -> None:
    plan = Plan.objects.create(organization=org, year=2025, title="基准计划")
    items = [
        ScheduleItem.objects.create(plan=plan, month=month, text=f"活动{month}-{n}", scope=scope)
        for month in range(1, 13)
        for n, scope in enumerate(["全体会员", *SCOPES[:2]])
    ]
    ms = median_ms(repeat, lambda: counts_for_items(plan, items))
    one = median_ms(repeat, lambda: resolve(org, SCOPES[0], ON_DATE).count())
    print(f"counts_for_items, federation plan of {len(items)} items: median {ms:.0f} ms  "
          f"({ms / one:.1f}× resolving one scope, {one:.0f} ms)")  # fmt: skip
    plan.delete()


def cleanup(federation: Organization, unions: list[Organization]) -> None:
    """Remove the benchmark's rows (matters when DATABASE_URL points at a shared database)."""
    members = Member.objects.under(federation).values("pk")
    MemberTag.objects.filter(member__in=members)._raw_delete(connection.alias)
    Child.objects.filter(member__in=members)._raw_delete(connection.alias)
    Member.objects.under(federation)._raw_delete(connection.alias)
    Organization.objects.filter(pk__in=[u.pk for u in unions]).delete()
    federation.delete()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--unions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}")
    if args.rows:
        bench_import(args.rows)
    federation, unions, seconds = load_federation(args.unions, args.members)
    try:
        print(f"load synthetic federation ({args.unions:,} unions, {args.members:,} members, "
              f"tags, children; raw executemany): {seconds:.0f} s  "
              f"({args.members / seconds:,.0f} members/s)")  # fmt: skip
        sizes = dict(Member.objects.under(federation).values_list("organization").annotate(
            n=django.db.models.Count("pk")))  # fmt: skip
        ordered = sorted(unions, key=lambda u: sizes.get(u.pk, 0))
        typical, largest = ordered[len(ordered) // 2], ordered[-1]
        bench_scopes("one typical union", typical, sizes[typical.pk], args.repeat)
        bench_scopes("the largest union", largest, sizes[largest.pk], args.repeat)
        bench_scopes("whole federation", federation, args.members, args.repeat)
        bench_children_list(federation, max(3, args.repeat // 2))
        bench_plan_counts(federation, max(3, args.repeat // 2))
    finally:
        if not KEEP:
            cleanup(federation, unions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
