"""Benchmark: read and validate a 100,000-row .xlsx roster vs merely reading it with calamine.

Run ``python bench/bench_roster.py [--rows N] [--file PATH] [--repeat R]``. The file is
generated once into a temporary directory (or PATH, reused when it exists). Each timing is the
best of R runs, both measured in this process, so the ratio does not depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from python_calamine import CalamineWorkbook

try:
    from bench.synthetic import write_roster_file
except ImportError:  # run as a script: bench/ itself is on sys.path
    from synthetic import write_roster_file  # type: ignore[no-redef]

from unionplan.roster import read_roster


def _best_of_interleaved(repeat: int, *actions: Callable[[], object]) -> list[float]:
    """Best time of each action, runs alternated so load from elsewhere hits both alike."""
    best = [float("inf")] * len(actions)
    for _ in range(repeat):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def calamine_only(path: Path) -> int:
    """The baseline: open the workbook and get every cell value of the first sheet."""
    workbook = CalamineWorkbook.from_path(str(path))
    return len(workbook.get_sheet_by_index(0).to_python())


def measure(path: Path, rows: int, repeat: int) -> tuple[float, float, int]:
    """(read_roster seconds, calamine seconds, good rows)."""
    report = read_roster(path)
    if len(report.rows) != rows or report.problems:
        raise SystemExit(
            f"unexpected result: {len(report.rows)} rows, {len(report.problems)} problems"
        )
    ours, baseline = _best_of_interleaved(
        repeat, lambda: read_roster(path), lambda: calamine_only(path)
    )
    return ours, baseline, len(report.rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--file", type=Path, default=None, help="where to keep the .xlsx")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / f"roster_{args.rows}.xlsx"
        if not path.exists():
            write_roster_file(path, args.rows)
        ours, baseline, count = measure(path, args.rows, args.repeat)
    label = f"{count // 1000}k" if count % 1000 == 0 else str(count)
    print(
        f"roster read+validate {label} rows: {ours:.2f} s  ({ours / baseline:.1f}× calamine read alone)"
    )
    print(f"calamine read alone {label} rows: {baseline:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
