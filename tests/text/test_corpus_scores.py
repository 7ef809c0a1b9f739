"""The corpus score of issue 3: each category's F1 over ../shared/corpus/ must be >= 0.9.

Run with -s to see the figures. The corpus lives beside the repository (../shared/corpus);
without it the test is skipped, never passed silently.
"""

import json
from pathlib import Path

import pytest

from unionplan.text import parse_path
from unionplan.text.scoring import CATEGORIES, score_corpus, score_document

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
DOCUMENTS = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
MIN_F1 = 0.9

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
