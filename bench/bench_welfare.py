"""Benchmark the welfare check: one gift checked against the fund rules, at registry scale.

    python bench/bench_welfare.py [--sizes 10000,100000,1000000] [--runs 200]

For each size, a fresh SQLite file (never the operator's data folder) is loaded with that
many members of one Anhui federation's unions (bench/synthetic.py, raw executemany) and
three welfare entries per member this year (two festival gifts and a birthday). Then,
median of ``--runs`` checks alternated with the baseline (bench/growth.py ``paired``):

- subject: ``services.decide`` — the pack in force, the member's history of the kind (one
  indexed query), the rule check and its Chinese reason;
- baseline: the single SQL ``SUM(amount)`` of the member's entries of the kind this year,
  the least a check has to read.

The goal (issue 14): < 5 ms with 1M members. The check must not grow with the registry:
the figures at each size are printed with the growth check.

Then a campaign (送温暖) of the federation over 全体会员, with the first page's members paid,
median of ``--list-runs`` alternated with the anchor:

- subject: ``campaigns.listing`` — the scope resolved, its count, the first page of the
  list in its printed order, that page's payments and the campaign's totals;
- anchor: the same four statements written by hand in SQL (COUNT over the org_key range,
  the page by union (org_key), department, name, the page's entries, the totals).

The goal (issue 14): a campaign list for a federation of 1M members < 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
BATCH = 20_000
DAY = date(2025, 9, 17)
GOAL_MS = 5.0
LIST_GOAL_MS = 1000.0


def _setup(folder: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "unionplan.settings"
    os.environ["UNIONPLAN_VAR_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def _insert(connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def load(members: int) -> tuple[list[int], float]:
    """``members`` members and 3 entries each; returns some member ids and the seconds."""
    import django.utils.timezone
    from django.db import connection, transaction
    from synthetic import iter_federation, iter_unions

    from unionplan.members.models import Member, org_key_of
    from unionplan.orgs.models import Organization
    from unionplan.welfare.models import WelfareEntry

    start = time.perf_counter()
    unions = max(1, members // 1000)
    federation = Organization.objects.create(
        name="基准市总工会", kind="federation", province="安徽省"
    )
    rows = [
        Organization.objects.create(
            name=u.name, parent=federation, sector=u.sector, province="安徽省"
        )
        for u in iter_unions(unions)
    ]
    keys = [(u.pk, org_key_of(u), int(org_key_of(u)[:8])) for u in rows]
    now = django.utils.timezone.now()
    member_cols = ["id", "organization_id", "org_key", "tree_root", "name", "gender", "birth_date",
                   "birth_month", "id_number", "phone", "department", "post", "status",
                   "joined_at", "new_hire_date", "note", "created_at", "updated_at"]  # fmt: skip
    entry_cols = ["organization_id", "member_id", "kind", "date", "amount", "form", "occasion",
                  "illness", "reason", "approved_by", "received_by", "signed", "within_rules",
                  "override_reason", "pack", "decision", "created_at"]  # fmt: skip
    member_batch, entry_batch = [], []
    gifts = (("festival", date(2025, 1, 20), "600.00"), ("festival", date(2025, 6, 1), "300.00"),
             ("birthday", date(2025, 3, 8), "300.00"))  # fmt: skip

    def flush() -> None:
        _insert(connection, Member._meta.db_table, member_cols, member_batch)
        _insert(connection, WelfareEntry._meta.db_table, entry_cols, entry_batch)
        member_batch.clear()
        entry_batch.clear()

    with transaction.atomic():
        for pk, person in enumerate(iter_federation(unions, members), start=1):
            org_id, key, root = keys[person.union]
            member_batch.append((
                pk, org_id, key, root, person.name, person.gender, person.birth_date,
                person.birth_date.month, person.id_number, person.phone, person.department,
                person.post, person.status, person.joined_on, person.joined_on, "", now, now,
            ))  # fmt: skip
            for kind, day, amount in gifts:
                entry_batch.append((org_id, pk, kind, day, amount, "实物", "", "", "", "", "",
                                    True, True, "", "anhui-2025", "符合规定", now))  # fmt: skip
            if len(member_batch) >= BATCH:
                flush()
        flush()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    sample = random.Random(14).sample(range(1, members + 1), min(members, 500))
    return sample, time.perf_counter() - start


def measure(members: int, runs: int) -> tuple[float, float]:
    from django.db import connection
    from growth import paired

    from unionplan.members.models import Member
    from unionplan.welfare import services
    from unionplan.welfare.models import WelfareEntry

    sample, seconds = load(members)
    print(f"welfare: loaded {members:,} members and {3 * members:,} entries in {seconds:.0f} s")
    people = [Member.objects.select_related("organization").get(pk=pk) for pk in sample]
    turn = iter(range(10**9))
    table = WelfareEntry._meta.db_table

    def subject():
        member = people[next(turn) % len(people)]
        decision = services.decide(member.organization, member, "festival", Decimal(500), DAY)
        assert decision.used == Decimal(900), decision

    def baseline():
        member = people[next(turn) % len(people)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT SUM(amount) FROM {table} WHERE member_id = %s AND kind = %s"
                " AND date >= %s AND date <= %s",
                [member.pk, "festival", date(2025, 1, 1), date(2025, 12, 31)],
            )
            cursor.fetchone()

    return paired(subject, baseline, runs, warmup=20)


def measure_list(runs: int) -> tuple[float, float]:
    """(campaign list ms, hand-written SQL ms) on the federation loaded by ``load``."""
    from django.db import connection
    from growth import paired

    from unionplan.members.models import Member, next_key, org_key_of
    from unionplan.orgs.models import Organization
    from unionplan.welfare import campaigns
    from unionplan.welfare.campaign_models import Campaign
    from unionplan.welfare.models import WelfareEntry

    federation = Organization.objects.get(name="基准市总工会")
    campaign = Campaign.objects.create(
        organization=federation, kind="warmth", year=2026, title="2026年送温暖",
        starts_on=date(2026, 1, 18), ends_on=date(2026, 2, 16), scope="全体会员",
        amount=Decimal(500), gift_kind="festival", occasion="春节",
    )  # fmt: skip
    first = campaigns.listing(campaign).page.object_list
    paid = [m.pk for m in first[: len(first) // 2]]
    WelfareEntry.objects.filter(member_id__in=paid, kind="birthday").update(campaign=campaign)
    key = org_key_of(federation)
    members, entries = Member._meta.db_table, WelfareEntry._meta.db_table

    def subject():
        found = campaigns.listing(campaign)
        assert len(found.rows) == campaigns.PAGE_SIZE and found.totals.people == len(paid)

    def anchor():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {members} WHERE org_key >= %s AND org_key < %s",
                [key, next_key(key)],
            )
            cursor.fetchone()
            cursor.execute(
                f"SELECT id, name, department, organization_id, id_number FROM {members}"
                " WHERE org_key >= %s AND org_key < %s"
                " ORDER BY org_key, department, name, id LIMIT %s",
                [key, next_key(key), campaigns.PAGE_SIZE],
            )
            ids = [row[0] for row in cursor.fetchall()]
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(
                f"SELECT * FROM {entries} WHERE campaign_id = %s AND member_id IN ({marks})",
                [campaign.pk, *ids],
            )
            cursor.fetchall()
            cursor.execute(
                f"SELECT COUNT(*), COUNT(DISTINCT member_id), SUM(amount) FROM {entries}"
                " WHERE campaign_id = %s",
                [campaign.pk],
            )
            cursor.fetchone()

    return paired(subject, anchor, runs, warmup=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--list-runs", type=int, default=15)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)  # one size, in a child
    args = parser.parse_args(argv)
    if args.size:
        with tempfile.TemporaryDirectory(prefix="bench_welfare_") as folder:
            _setup(folder)
            check_ms, base_ms = measure(args.size, args.runs)
            list_ms, list_base_ms = measure_list(args.list_runs)
        print(f"RESULT {args.size} {check_ms:.3f} {base_ms:.3f} {list_ms:.3f} {list_base_ms:.3f}")
        return 0
    import subprocess

    from growth import check_linear

    steps, list_steps, ok = [], [], True
    for size in (int(s) for s in args.sizes.split(",")):
        # Each size in a fresh process and database: no cache of a smaller run helps it.
        result = subprocess.run(
            [sys.executable, __file__, "--size", str(size), "--runs", str(args.runs),
             "--list-runs", str(args.list_runs)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        lines = result.stdout.strip().splitlines()
        print("\n".join(lines[:-1]))
        check_ms, base_ms, list_ms, list_base_ms = (float(x) for x in lines[-1].split()[2:])
        print(f"welfare check, {size:,} members: {check_ms:.2f} ms "
              f"(baseline single SUM query {base_ms:.2f} ms, ×{check_ms / base_ms:.1f}; "
              f"median of {args.runs})")  # fmt: skip
        print(f"campaign list, {size:,} members: {list_ms:.1f} ms "
              f"(anchor hand-written SQL {list_base_ms:.1f} ms, ×{list_ms / list_base_ms:.2f}; "
              f"median of {args.list_runs})")  # fmt: skip
        ok = ok and check_ms < GOAL_MS and list_ms < LIST_GOAL_MS
        steps.append((size, check_ms))
        list_steps.append((size, list_ms))
    if not ok:
        print(f"FAILED: a welfare check took {GOAL_MS} ms or more, or a campaign list "
              f"{LIST_GOAL_MS:.0f} ms or more", file=sys.stderr)  # fmt: skip
    # Constant work per check: any growth at all shows in the linear check with room to spare.
    linear = check_linear("welfare check", steps) & check_linear("campaign list", list_steps)
    return 0 if linear and ok else 1


if __name__ == "__main__":
    sys.exit(main())
