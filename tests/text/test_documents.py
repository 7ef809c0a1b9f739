"""Documents written for the tests, one shape of real plans each (issue 11), scored like the
corpus: every section, schedule item and target found, nothing else.

tests/text/documents/NAME.txt|.html is the document, NAME.json what a perfect parser extracts
(the corpus's format, ../shared/corpus/README.md); its ``note`` names the shape it tests.
word_list_levels.json belongs to a Word file generated here (a .docx is binary).
"""

import json
import sys
from pathlib import Path

import pytest

from unionplan.text import parse_bytes, parse_path
from unionplan.text.scoring import CATEGORIES, score_document

HERE = Path(__file__).resolve().parent / "documents"
SOURCES = sorted(p for p in HERE.iterdir() if p.suffix in (".txt", ".html"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "documents"))
import make_documents  # noqa: E402


def _expected(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


def _assert_perfect(predicted: dict, expected: dict) -> None:
    counts = score_document(predicted, expected)
    found = {c: (counts[c].matched, counts[c].predicted, counts[c].expected) for c in CATEGORIES}
    wanted = {c: (counts[c].expected,) * 3 for c in CATEGORIES}
    assert found == wanted, f"matched/predicted/expected per category: {found}"


def test_there_are_at_least_ten_shapes():
    assert len(SOURCES) + 1 >= 10
    assert all((HERE / f"{p.stem}.json").exists() for p in SOURCES)
    assert all(_expected(p.stem).get("note") for p in SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_document_is_parsed_as_annotated(source):
    _assert_perfect(parse_path(source).to_json_dict(), _expected(source.stem))


def test_word_list_levels_drawn_alike(tmp_path):
    path = tmp_path / "plan.docx"
    make_documents.make_shared_marker_docx(path)
    _assert_perfect(parse_path(path).to_json_dict(), _expected("word_list_levels"))


def test_truncated_last_item_is_dropped_with_a_warning_saying_where():
    result = parse_path(HERE / "site_chrome.txt")
    texts = [i.text for p in result.plans for e in p.schedule for i in e.items]
    assert not any("走访辖区" in text for text in texts)
    assert any("文末" in w and "走访辖区" in w for w in result.warnings), result.warnings


def test_merged_cells_keep_owner_and_month():
    plan = parse_path(HERE / "merged_cells.html").plans[0]
    rows = [(e.when.month, i.text, i.scope, i.owner) for e in plan.schedule for i in e.items]
    assert rows[1] == (3, "女职工健康讲座", "全镇女职工", "李红")
    assert rows[-1] == (6, "安全生产月知识竞赛（各基层工会）", None, "王刚")


def test_a_complete_last_item_stays_without_warning():
    text = "活动安排\n三月份：\n1、植树活动。\n2、女职工座谈会。\n3、职工健步走\n"
    result = parse_bytes(text.encode(), "plan.txt")
    assert [i.text for e in result.plans[0].schedule for i in e.items][-1] == "职工健步走"
    assert result.warnings == []
