"""Hostile and oversized inputs: every one gets a result or a clear Chinese refusal.

These inputs once took minutes (a regex retried at every character of a long run, or
html.parser rescanned the page for each unclosed tag) or crashed (bs4 recursed past Python's
limit on unclosed <li>). They are small here, so the tests stay fast with linear code and
would hang with quadratic code again. Outcomes are asserted, never times: speed is measured
by bench/bench_parse.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionplan.errors import UserInputError
from unionplan.text import MAX_FILE_BYTES, MAX_TEXT_BYTES, ParseResult, parse_bytes, parse_path
from unionplan.text.clean import clean_many, clean_text
from unionplan.text.docx_reader import MAX_DOCUMENT_XML_BYTES
from unionplan.text.html_reader import html_blocks

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_LIMITS = r"Word 文件最大支持 20 MB，文本（\.txt、\.md）和网页（\.html）文件最大支持 5 MB"


# --- size limits ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.txt", "plan.md", "plan.html", "plan"])
def test_text_and_web_pages_over_5_mb_are_refused_naming_the_limit(name):
    data = "一、工会工作\n".encode() * (MAX_TEXT_BYTES // 16 + 1)
    assert MAX_TEXT_BYTES < len(data) < MAX_FILE_BYTES
    with pytest.raises(UserInputError, match=_LIMITS):
        parse_bytes(data, name)


def test_any_file_over_20_mb_is_refused_naming_the_limits(tmp_path):
    path = tmp_path / "plan.docx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(UserInputError, match=_LIMITS):
        parse_path(path)
    with pytest.raises(UserInputError, match=_LIMITS):
        parse_bytes(path.read_bytes(), "plan.docx")


def test_word_file_with_too_much_text_is_refused_before_it_is_read():
    original = zipfile.ZipFile(DOCUMENTS / "plan_numbering_table.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>", 1)
                padding = b"<w:p/>" * (MAX_DOCUMENT_XML_BYTES // 6 + 1)
                data = head + b"<w:body>" + padding + tail
            archive.writestr(item.filename, data)
    assert len(buffer.getvalue()) < MAX_TEXT_BYTES  # small file, huge text: a zip bomb of sorts
    with pytest.raises(UserInputError, match=r"Word 文件的正文过大.*最大支持 10 MB"):
        parse_bytes(buffer.getvalue(), "plan.docx")


# --- hostile text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,  # a number without end: was retried from every digit
        "一二三" * 70_000,
        "工会?" + "?" * 200_000,  # a run of ? judged once per ?
        "?;;;;;;;;;" * 20_000,
        "工会 " + " " * 500_000 + "工会",  # trailing-space regex on a run without a break
        "组织5次活动" * 40_000,  # one clause with 40,000 numbers
    ],
    ids=["digits", "numerals", "question-marks", "mojibake-run", "spaces", "numbers-in-clause"],
)
def test_long_runs_give_a_result_or_a_user_error(text):
    try:
        result = parse_bytes(text.encode(), "hostile.txt")
    except UserInputError as error:
        assert str(error)
        return
    assert isinstance(result, ParseResult)


def test_ten_thousand_unstructured_lines_give_one_plan_with_a_warning():
    lines = [f"工会组织开展活动加强建设推进服务{i}。" for i in range(10_000)]
    result = parse_bytes("\n".join(lines).encode(), "flat.txt")
    assert len(result.plans) == 1
    assert result.plans[0].sections == [] and result.plans[0].schedule == []
    assert any("没有识别出" in warning for warning in result.warnings)


# --- hostile HTML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<a " * 20_000,  # html.parser: 36 s for 60 KB
        '<a "' * 20_000,
        "<!--" * 20_000,
        "<div>" * 50_000 + "一、工会",  # bs4: RecursionError
        "<ol>" + "<li>工会工作" * 20_000,
        "<table>" + "<tr><td>1月<td>联欢" * 10_000,
        "<table><tr><td>" * 5_000 + "工会",
        "</p>" * 50_000 + "工会",
        "<script>" * 10_000 + "工会",
    ],
    ids=["lt", "quote", "comment", "deep", "li", "td", "nested-tables", "end-tags", "script"],
)
def test_hostile_markup_gives_a_result_or_a_user_error(markup):
    try:
        result = parse_bytes(markup.encode(), "hostile.html")
    except UserInputError as error:
        assert str(error)
        return
    assert isinstance(result, ParseResult)


def test_unclosed_list_items_and_cells_are_read_as_a_browser_shows_them():
    blocks = html_blocks(
        "<ol><li>甲<li>乙</ol><table><tr><td>1月<td>联欢<tr><td>2月<td>比赛</table>"
    )
    assert blocks[:2] == ["1、甲", "2、乙"]
    assert blocks[2].rows == [["1月", "联欢"], ["2月", "比赛"]]


def test_missing_end_of_head_does_not_hide_the_body():
    assert html_blocks("<html><head><title>标题<body><p>一、目标</p>") == ["一、目标"]


_MARKUP = st.sampled_from(
    ["<p>", "</p>", "<div>", "<br>", "<br/>", "<ol start='2'>", "</ol>", "<ul>", "<li>",
     "<table>", "</table>", "<tr>", "<td>", "</td>", "<th>", "<!--", "-->", "<script>",
     "</script>", "<head>", "<body>", "<a href='", "'>", '"', "<", ">", "&nbsp;", "&#x4e00;",
     "一、目标", "1月", "联欢", " | ", "\n", "<![CDATA[", "]]>", "<?xml", "</"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_MARKUP, st.text(max_size=6)), max_size=60))
def test_random_markup_gives_lines_and_tables(pieces):
    for block in html_blocks("".join(pieces)):
        assert isinstance(block, str) or all(isinstance(row, list) for row in block.rows)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from("工發a (fā)?\ufffd㐀,，\n\r\t 　<p>&;"), max_size=10)))
def test_cleaning_many_texts_at_once_equals_cleaning_each(texts):
    assert clean_many(texts) == [clean_text(text) for text in texts]
