"""Plan-parsing throughput on the corpus (../shared/corpus*/*.txt), in MB/s.

The anchor, measured in the same run on the same bytes and interleaved with the parse, is the
fastest obvious way to find a plan's structure: decoding with the encoding already known,
splitting lines and matching each against one regular expression for numbered headings
(一、 （一） 1. …). Encoding detection and cleaning are part of the parse, not of the
anchor; the ratio says what the whole parse costs over that, so figures from different
machines compare. Issue 3 asks for at least 1 MB/s.

The second figure is a large input: the corpus repeated up to just under the 5 MB limit of
text files (MAX_TEXT_BYTES), parsed as one upload. Parsing is linear, so it should come close
to the corpus figure; a super-linear stage would show here first. The third is the same text
hard-wrapped at a page width, as PDFs give it, which the parser joins back.

Run: `python bench/bench_parse.py` (or `make bench`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from growth import paired  # noqa: E402

from unionplan.text import MAX_TEXT_BYTES, parse_bytes  # noqa: E402
from unionplan.text.charset import decode_text  # noqa: E402
from unionplan.text.markers import clear_caches  # noqa: E402

# ../shared beside the repository (a worktree deeper down finds it further up)
SHARED = next(
    (p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()),
    ROOT.parent / "shared",
)
CORPUS_FOLDERS = (SHARED / "corpus", SHARED / "corpus-more")
RUNS = 7
HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])")


def anchor_for(documents: list[tuple[str, bytes]]) -> Callable[[], None]:
    """Decode each document with its (already detected) encoding, split its lines and
    pick out the numbered headings by one regular expression."""
    known = [(data, decode_text(data)[1]) for _, data in documents]

    def work() -> None:
        for data, encoding in known:
            lines = data.decode(encoding, errors="replace").splitlines()
            [line for line in lines if HEADING.match(line)]

    return work


def load_corpus() -> list[tuple[str, bytes]]:
    """(name, bytes) of every corpus document; the bench cannot run without them."""
    files = sorted(path for folder in CORPUS_FOLDERS for path in folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"corpus not found at {SHARED.resolve()}/corpus")
    return [(path.name, path.read_bytes()) for path in files]


def large_plan(corpus: list[tuple[str, bytes]]) -> bytes:
    """The corpus documents repeated, one after another, up to just under MAX_TEXT_BYTES."""
    unit = "\n".join(decode_text(data)[0] for _, data in corpus).encode() + b"\n"
    return (unit * (MAX_TEXT_BYTES // len(unit)))[: MAX_TEXT_BYTES - 1]


def wrapped_plan(corpus: list[tuple[str, bytes]]) -> bytes:
    """The large plan hard-wrapped at 49 characters a line, as a PDF's text layer gives it:
    every paragraph is joined back, so a super-linear join would show here."""
    text = "\n".join(decode_text(data)[0] for _, data in corpus)
    flat = "".join(text.split())
    lines = [flat[i : i + 49] for i in range(0, len(flat), 49)]
    unit = "\n".join(lines).encode() + b"\n"
    return (unit * (MAX_TEXT_BYTES // len(unit)))[: MAX_TEXT_BYTES - 1]


def bench_large(corpus: list[tuple[str, bytes]]) -> None:
    """Print the throughput on large generated plans, against their anchor."""
    for label, data in (
        ("generated plan text", large_plan(corpus)),
        ("hard-wrapped plan text", wrapped_plan(corpus)),
    ):
        _bench_one(label, data)


def _bench_one(label: str, data: bytes) -> None:
    def parse() -> None:
        clear_caches()
        parse_bytes(data, "large.txt")

    parse_ms, anchor_ms = paired(parse, anchor_for([("large.txt", data)]), RUNS)
    size_mb = len(data) / 1_000_000
    print(
        f"parse throughput ({size_mb:.0f} MB {label}): "
        f"{size_mb / parse_ms * 1000:.2f} MB/s  "
        f"(anchor: decode, split lines, match headings {anchor_ms:.0f} ms; "
        f"ratio {parse_ms / anchor_ms:.1f}×)"
    )


def main() -> int:
    corpus = load_corpus()
    size_mb = sum(len(data) for _, data in corpus) / 1_000_000

    def parse_all() -> None:
        for name, data in corpus:
            clear_caches()  # each document parsed cold, as an upload would be
            parse_bytes(data, name)

    parse_ms, anchor_ms = paired(parse_all, anchor_for(corpus), RUNS)
    print(
        f"parse throughput (corpus, {len(corpus)} documents): "
        f"{size_mb / parse_ms * 1000:.2f} MB/s  "
        f"(anchor: decode, split lines, match headings {anchor_ms:.1f} ms; "
        f"ratio {parse_ms / anchor_ms:.1f}×)"
    )
    bench_large(corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
