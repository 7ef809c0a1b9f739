"""Shared by the benchmarks: subject against anchor in the same run, and the growth check.

``paired`` times a subject and its anchor (the same work by the fastest obvious means)
interleaved, one call of each per round, so a load spike from other processes on the
machine hits both alike; the figures are medians. ``check_linear`` fails the benchmark
loudly when a size step costs more than linear growth allows.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from collections.abc import Callable, Sequence

# A step may grow this much faster than its size before it counts as superlinear: fixed
# costs make real growth sublinear, and measurement noise on a loaded machine is well
# under this.
SLACK = 1.5


def paired(
    subject: Callable[[], object], anchor: Callable[[], object], runs: int, warmup: int = 1
) -> tuple[float, float]:
    """Median milliseconds of ``subject`` and of ``anchor``, measured alternately."""
    for _ in range(warmup):
        subject()
        anchor()
    subject_ms, anchor_ms = [], []
    for _ in range(runs):
        subject_ms.append(_ms(subject))
        anchor_ms.append(_ms(anchor))
    return statistics.median(subject_ms), statistics.median(anchor_ms)


def _ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def check_linear(name: str, steps: Sequence[tuple[int, float]], slack: float = SLACK) -> bool:
    """Print each size step's growth; False (and a FAILED line) if one grew superlinearly.

    ``steps`` are (size, milliseconds) in increasing size. A step from n1 to n2 is
    superlinear when the time grew more than ``slack`` × n2/n1.
    """
    ok = True
    for (n1, t1), (n2, t2) in itertools.pairwise(steps):
        grew, allowed = t2 / t1, n2 / n1
        verdict = "ok" if grew <= allowed * slack else "SUPERLINEAR"
        print(f"  growth {name}: {n1}→{n2} ×{allowed:g} in size, ×{grew:.1f} in time ({verdict})")
        ok = ok and verdict == "ok"
    if not ok:
        print(f"FAILED: {name} grows faster than linear", file=sys.stderr)
    return ok
