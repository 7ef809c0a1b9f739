"""Shared by the page benchmarks: one page per size, timed against its SQL anchor.

Each page benchmark (dashboard, review board, accounts) builds one federation per size, then
asks the same three questions of the page: how many SQL statements does one request run
(it must not change with the size), how long does it take against the same figures by
hand-written SQL, measured interleaved in the same run, and does it grow linearly. The
loop lives here once; a benchmark gives its URL, its anchor and the words of its line.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping, Sequence

from django.core.management import call_command
from django.db import connection
from django.test import Client
from growth import check_linear, paired


def count_queries(client: Client, url: str) -> int:
    """The SQL statements one request runs (counted by a wrapper: the request closes the
    connection, which empties the query log)."""
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(executed)


def sql_anchor(statements: Sequence[tuple[str, Sequence[object]]]) -> Callable[[], None]:
    """The anchor's work: each (sql, params) run and fetched, in one cursor."""

    def work() -> None:
        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
                cursor.fetchall()

    return work


def analyze() -> None:
    """Give the planner statistics on the fresh bulk data before anything is timed."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure_page(
    name: str,
    built: Mapping[int, tuple[object, object]],
    url_for: Callable[[object], str],
    anchor_for: Callable[[object], Callable[[], None]],
    runs_for: Callable[[int], int],
    anchor_words: str,
) -> bool:
    """Time the page at each size against its anchor; False when it fails a check.

    ``built`` maps a size to (user, federation); the user is logged in and the page at
    ``url_for(federation)`` is fetched. The query count must be the same at every size
    and each size step must grow no faster than linear.
    """
    steps, counts = [], set()
    for size, (user, federation) in built.items():
        client = Client()
        client.force_login(user)
        url = url_for(federation)
        queries = count_queries(client, url)
        counts.add(queries)
        ms, anchor_ms = paired(lambda client=client, url=url: client.get(url),
                               anchor_for(federation), runs_for(size))  # fmt: skip
        print(f"{name}, {size} unions: {ms:.1f} ms median, {queries} queries; "
              f"anchor ({anchor_words}) {anchor_ms:.1f} ms; ratio {ms / anchor_ms:.1f}×")  # fmt: skip
        steps.append((size, ms))
    ok = check_linear(name, steps)
    if len(counts) > 1:
        print(f"FAILED: the query count changes with the size: {sorted(counts)}", file=sys.stderr)
        ok = False
    return ok


def run_page_bench(
    name: str,
    sizes: Sequence[int],
    build: Callable[[int], tuple[object, object]],
    describe: Callable[[int], str],
    url_for: Callable[[object], str],
    anchor_for: Callable[[object], Callable[[], None]],
    runs_for: Callable[[int], int],
    anchor_words: str,
) -> int:
    """A page bench from start to exit code: a migrated database, one federation built per
    size (``describe(size)`` says what it holds), then ``measure_page``."""
    from django.test.utils import setup_test_environment

    import unionplan.wsgi  # noqa: F401  (loads the app as a server's worker does, gc freeze included)

    setup_test_environment()
    call_command("migrate", verbosity=0)
    built = {}
    for size in sizes:
        start = time.perf_counter()
        built[size] = build(size)
        print(f"data: {describe(size)}; built in {time.perf_counter() - start:.1f} s "
              f"({connection.vendor})")  # fmt: skip
    analyze()
    ok = measure_page(name, built, url_for, anchor_for, runs_for, anchor_words)
    return 0 if ok else 1
