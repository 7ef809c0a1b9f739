"""Scoring a parse against an annotated answer, as ../shared/corpus/README.md defines it.

Texts are normalised (scrape noise removed, traditional -> simplified, leading numbering,
spaces and punctuation dropped) and count as the same when difflib's ratio is >= 0.8. A
schedule item must also have the same month; a target the same value and unit. Each category
— top-level section titles, schedule items, targets — gets precision, recall and F1 over all
documents together (counts are summed, then F1 taken).

Matching is one-to-one within a document, pooled over the document's plans (a document split
into plans differently is still scored by what it found), each expected thing taking the
most similar unmatched prediction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from unionplan.text.clean import clean_text, to_simplified

THRESHOLD = 0.8
CATEGORIES = ("sections", "schedule", "targets")
_NUMBERING_RE = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,4}\s*[）)]|[一二三四五六七八九十]{1,4}\s*[、.．]"
    r"|\d{1,3}\s*(?:[、，,]|[.．](?!\d))|[①-⑳]|第[一二三四五六七八九十]{1,3}[、，,])"
)


@dataclass
class Counts:
    matched: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(not self.expected)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else float(not self.predicted)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(text: str) -> str:
    """Text as it is compared: no noise, simplified, no numbering, spaces or punctuation."""
    text = to_simplified(clean_text(text or ""))
    text = _NUMBERING_RE.sub("", text)
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "Z", "C")))


def similar(a: str, b: str) -> bool:
    """Normalised texts are the same by the corpus's rule (difflib ratio >= 0.8)."""
    return _ratio(a, b) >= THRESHOLD


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a or b else 1.0


def score_document(predicted: dict, expected: dict) -> dict[str, Counts]:
    """Counts per category for one document: ``predicted`` is a ParseResult JSON dict,
    ``expected`` an NN.json of the corpus."""
    pred_plans, gold_plans = predicted.get("plans", []), expected.get("plans", [])
    return {
        "sections": _match(
            [normalise(s["title"]) for p in pred_plans for s in p.get("sections", [])],
            [normalise(s) for p in gold_plans for s in p.get("sections", [])],
            lambda a, b: True,
        ),
        "schedule": _match(
            [(normalise(i["text"]), e["month"]) for p in pred_plans for e in p.get("schedule", []) for i in e["items"]],
            [(normalise(i), e["month"]) for p in gold_plans for e in p.get("schedule", []) for i in e["items"]],
            lambda a, b: a[1] == b[1],
        ),
        "targets": _match(
            [_target_key(t) for p in pred_plans for t in p.get("targets", [])],
            [_target_key(t) for p in gold_plans for t in p.get("targets", [])],
            lambda a, b: a[1:] == b[1:],
        ),
    }  # fmt: skip


def _target_key(target: dict) -> tuple[str, tuple[float, ...], str]:
    value = target.get("value")
    values = tuple(float(v) for v in value) if isinstance(value, list) else (float(value or 0),)
    return normalise(target.get("text", "")), values, to_simplified(target.get("unit") or "")


def _match(predicted: list, expected: list, agree: Callable[[object, object], bool]) -> Counts:
    """One-to-one matches: each expected thing takes the most similar unmatched prediction."""
    free = list(range(len(predicted)))
    matched = 0
    for gold in expected:
        best, best_ratio = None, THRESHOLD
        for index in free:
            pred = predicted[index]
            if not agree(pred, gold):
                continue
            ratio = _ratio(_text(pred), _text(gold))
            if ratio >= best_ratio:
                best, best_ratio = index, ratio
        if best is not None:
            free.remove(best)
            matched += 1
    return Counts(matched, len(predicted), len(expected))


def _text(thing: object) -> str:
    return thing[0] if isinstance(thing, tuple) else str(thing)


def score_corpus(pairs: Iterable[tuple[dict, dict]]) -> dict[str, Counts]:
    """Counts per category summed over (predicted, expected) pairs of documents."""
    total = {category: Counts() for category in CATEGORIES}
    for predicted, expected in pairs:
        for category, counts in score_document(predicted, expected).items():
            total[category].add(counts)
    return total
