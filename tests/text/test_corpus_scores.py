"""The corpus score (issues 3 and 11): each category's F1 over ../shared/corpus/ and
../shared/corpus-more/ together must be >= 0.95.

Run with -s to see the figures. The corpus lives beside the repository (../shared/corpus and
../shared/corpus-more); without it the test is skipped, never passed silently.
"""

import json
from pathlib import Path

import pytest

from unionplan.text import parse_path
from unionplan.text.scoring import CATEGORIES, score_corpus, score_document

_ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the repository; a worktree deeper down finds it further up.
SHARED = next(
    (p / "shared" for p in _ROOT.parents if (p / "shared" / "corpus").is_dir()),
    _ROOT.parent / "shared",
)
CORPUS = SHARED / "corpus"
FOLDERS = (CORPUS, SHARED / "corpus-more")
DOCUMENTS = sorted(d for folder in FOLDERS if folder.is_dir() for d in folder.glob("*.txt"))
MIN_F1 = 0.95

pytestmark = pytest.mark.skipif(
    not DOCUMENTS, reason=f"corpus not found at {CORPUS.resolve()} (../shared/corpus)"
)


def _pairs():
    for document in DOCUMENTS:
        expected = json.loads(document.with_suffix(".json").read_text(encoding="utf-8"))
        yield document.name, parse_path(document).to_json_dict(), expected


def test_every_corpus_document_has_its_answer():
    assert all(document.with_suffix(".json").exists() for document in DOCUMENTS)
    assert any(document.name == "seed.txt" for document in DOCUMENTS)
    assert all(folder.is_dir() for folder in FOLDERS), "both corpus folders are scored"


def test_corpus_f1_per_category():
    pairs = list(_pairs())
    for name, predicted, expected in pairs:
        counts = score_document(predicted, expected)
        figures = "  ".join(
            f"{c} {counts[c].matched}/{counts[c].predicted}/{counts[c].expected}"
            for c in CATEGORIES
        )
        print(f"{name:10} matched/predicted/expected: {figures}")
    total = score_corpus((predicted, expected) for _, predicted, expected in pairs)
    for category in CATEGORIES:
        c = total[category]
        print(f"{category:9} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}")
    low = {c: round(total[c].f1, 3) for c in CATEGORIES if total[c].f1 < MIN_F1}
    assert not low, f"F1 below {MIN_F1}: {low}"
