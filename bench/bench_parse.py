"""Plan-parsing throughput on the corpus (../shared/corpus*/*.txt), in MB/s.

The baseline, measured in the same run on the same bytes, is merely decoding and cleaning
them (encoding detection + scrape-noise removal); the ratio says how much the parsing itself
adds, so figures from different machines compare. Issue 3 asks for at least 1 MB/s.

The second figure is a large input: the corpus repeated up to just under the 5 MB limit of
text files (MAX_TEXT_BYTES), parsed as one upload. Parsing is linear, so it should come close
to the corpus figure; a super-linear stage would show here first.

Run: `python bench/bench_parse.py` (or `make bench`).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from unionplan.text import MAX_TEXT_BYTES, parse_bytes  # noqa: E402
from unionplan.text.charset import decode_text  # noqa: E402
from unionplan.text.clean import clean_text  # noqa: E402
from unionplan.text.markers import clear_caches  # noqa: E402

# ../shared beside the repository (a worktree deeper down finds it further up)
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
    ROOT.parent / "shared",
)
CORPUS_FOLDERS = (SHARED / "corpus", SHARED / "corpus-more")
MIN_SECONDS = 2.0  # each measurement runs at least this long


def load_corpus() -> list[tuple[str, bytes]]:
    """(name, bytes) of every corpus document; the bench cannot run without them."""
    files = sorted(path for folder in CORPUS_FOLDERS for path in folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"corpus not found at {SHARED.resolve()}/corpus")
    return [(path.name, path.read_bytes()) for path in files]


def measure(work: Callable[[], None]) -> float:
    """Seconds per call of ``work``, repeated for at least MIN_SECONDS after a warm-up."""
    work()
    rounds, started = 0, time.perf_counter()
    while True:
        work()
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= MIN_SECONDS:
            return elapsed / rounds


def large_plan(corpus: list[tuple[str, bytes]]) -> bytes:
    """The corpus documents repeated, one after another, up to just under MAX_TEXT_BYTES."""
    unit = "\n".join(decode_text(data)[0] for _, data in corpus).encode() + b"\n"
    return (unit * (MAX_TEXT_BYTES // len(unit)))[: MAX_TEXT_BYTES - 1]


def bench_large(corpus: list[tuple[str, bytes]]) -> None:
    """Print the throughput on one large generated plan, against decoding it alone."""
    data = large_plan(corpus)

    def parse() -> None:
        clear_caches()
        parse_bytes(data, "large.txt")

    def decode() -> None:
        clean_text(decode_text(data)[0])

    parse_seconds, decode_seconds = measure(parse), measure(decode)
    size_mb = len(data) / 1_000_000
    print(
        f"parse throughput ({size_mb:.0f} MB generated plan text): "
        f"{size_mb / parse_seconds:.2f} MB/s  "
        f"({parse_seconds / decode_seconds:.1f}× the time of decoding alone)"
    )


def main() -> int:
    corpus = load_corpus()
    size_mb = sum(len(data) for _, data in corpus) / 1_000_000

    def parse_all() -> None:
        for name, data in corpus:
            clear_caches()  # each document parsed cold, as an upload would be
            parse_bytes(data, name)

    def decode_all() -> None:
        for _, data in corpus:
            clean_text(decode_text(data)[0])

    parse_seconds = measure(parse_all)
    decode_seconds = measure(decode_all)
    ratio = parse_seconds / decode_seconds
    print(
        f"parse throughput (corpus): {size_mb / parse_seconds:.2f} MB/s  "
        f"({ratio:.1f}× the time of decoding alone)"
    )
    print(f"decode+clean throughput (baseline): {size_mb / decode_seconds:.2f} MB/s")
    bench_large(corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
