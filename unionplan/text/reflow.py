"""Lines as the author wrote them, from text whose line breaks a PDF or a website changed.

Two opposite accidents happen to plans copied from PDFs and document-sharing sites:

- **Hard wraps.** Every line is cut at the page width, mid-word ("…组织职" / "工认真学习…"), so
  a section title runs over two lines. A document is hard-wrapped when several lines reach
  the same width without ending a sentence; such a line is joined with the next, unless the
  next starts a numbered heading or a month. A page number left at the end of a line
  ("建立健全各 1" / "项制度") is removed and the sentence joined as well.
- **Flattening.** The whole text is one line, the PDF's line breaks left as spaces inside
  words ("为 主线"). Headings and months are found inside it: a long line with at least two
  numbering markers, month headings or 篇N headings after a space is cut before each.

Both work on widths and one regex pass per line, so they stay linear.
"""

from __future__ import annotations

import itertools
import re

from unionplan.text.line import Line
from unionplan.text.markers import schedule_heading, section_marker

_SENTENCE_END = '。.；;！!？?：:”"）)】'
_MIN_WRAP_WIDTH = 60  # display columns: a wrapped page is at least 30 hanzi wide
_MAX_WRAP_WIDTH = 200
_NEAR_WRAP = 0.85
_MIN_WRAPPED_LINES = 3
_WRAPPED_SHARE = 0.4  # of the lines at least half as wide as the page
_PAGE_LINE = 40  # a page number is left at the end of a paragraph's line, not of a short one
_PAGE_NUMBER_RE = re.compile(r"(?<=[\u4e00-\u9fff，、])\s+\d{1,3}$")
_FLAT_MIN_LENGTH = 150
_SHORT_LINE = 0.6  # of the typical line: a line that short ended before the page's width
_SPACE_RE = re.compile(r"\s+")
_FLAT_MIN_CUTS = 2  # headings after a space: a flattened document has several
_CN = "一二三四五六七八九十"
_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九元])"
_PIAN = rf"篇\s*[{_CN}\d]{{1,3}}"
_INLINE_HEADING_RE = re.compile(
    rf"\s(?=[{_CN}]{{1,3}}\s*(?:[、，,]|[.．](?!\d))|[（(]\s*[{_CN}]{{1,3}}\s*[）)]|\d{{1,2}}\s*(?:[、，]|[.．](?!\d))"
    rf"|[\u4e00-\u9fff]{{2,6}}[：:]"  # 赛制：… 具体分组：… — details of an activity
    rf"|[（(]\d{{1,2}}[）)]|第[{_CN}]{{1,3}}\s*[、，,：:]|{_MONTH}\s*月\s*[：:]|{_MONTH}\s*月份\s*[：:\s]"
    rf"|[^\s。，]{{2,30}}?{_PIAN}(?:\s|$))"
    rf"|(?<=篇[{_CN}\d])\s+"  # …计划篇二 20XX年…: the plan's heading stands on its own
    r"|(?<=[。！？!?])\s+(?=[（(【])"  # a note in brackets after a sentence
)


def reflow(lines: list[Line]) -> list[Line]:
    """``lines`` with hard wraps and page numbers joined and flattened text cut at headings."""
    lines = _split_flattened(lines)
    return _join_wrapped(lines)


def display_width(text: str) -> int:
    """Columns the text takes on a page: ASCII counts one, anything else (hanzi, full-width
    punctuation) two — close enough for Chinese text, and counted in C, not per character."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Each run of physical lines that wrap into the next as one line (joined once, so that a
    paragraph of thousands of wrapped lines costs its length, not its length squared)."""
    width = _wrap_width(lines)
    joined: list[Line] = []
    run: list[Line] = []
    for line in lines:
        if run and _starts_anew(line):
            joined.append(_joined(run))
            run = []
        page_number = _PAGE_NUMBER_RE.search(line.shadow) if len(line) >= _PAGE_LINE else None
        if page_number:
            run.append(line.cut(0, page_number.start()))
        elif width and _is_wrapped(line, width):
            run.append(line)
        else:
            run.append(line)
            joined.append(_joined(run))
            run = []
    if run:
        joined.append(_joined(run))
    return joined


def _joined(run: list[Line]) -> Line:
    if len(run) == 1:
        return run[0]
    return Line("".join(line.text for line in run), "".join(line.shadow for line in run))


def _wrap_width(lines: list[Line]) -> int | None:
    """The page width a hard-wrapped document was cut at, or None if it was not."""
    widths = [display_width(line.shadow) for line in lines if len(line.shadow) <= _MAX_WRAP_WIDTH]
    if not widths or len(widths) < len(lines):
        return None  # a paragraph longer than any page: the text was not hard-wrapped
    width = max(widths)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    wrapped = [line for line in lines if _is_wrapped(line, width)]
    long = [w for w in widths if w * 2 >= width]
    if len(wrapped) < _MIN_WRAPPED_LINES or len(wrapped) < _WRAPPED_SHARE * len(long):
        return None  # a few lines of similar length are a list, not a page cut at its width
    return width


def _is_wrapped(line: Line, width: int) -> bool:
    shadow = line.shadow.rstrip()
    return (
        bool(shadow)
        and shadow[-1] not in _SENTENCE_END
        and display_width(shadow) >= _NEAR_WRAP * width
    )


def _starts_anew(line: Line) -> bool:
    shadow = line.shadow.lstrip()
    return section_marker(shadow) is not None or schedule_heading(shadow) is not None


def _split_flattened(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        shadow = line.shadow
        if len(shadow) < _FLAT_MIN_LENGTH:
            out.append(line)
            continue
        cuts = list(itertools.islice(_INLINE_HEADING_RE.finditer(shadow), _FLAT_MIN_CUTS))
        if len(cuts) < _FLAT_MIN_CUTS:
            out.append(line)  # a long paragraph, not a document run together
            continue
        line = Line(line.text, line.shadow, flat=True)
        gap = _typical_gap(shadow) or len(shadow)
        start = 0
        for match in _INLINE_HEADING_RE.finditer(shadow):
            _add_piece(out, line.cut(start, match.start()), gap)
            start = match.end()
        _add_piece(out, line.cut(start), gap)
    return out


def _add_piece(out: list[Line], piece: Line, line_gap: float) -> None:
    """A piece of a flattened line; a heading that ends long before the page's width (the
    first space comes early: 一，加强理论学习 我们要…) gets its line break back."""
    piece = piece.strip(" \t")
    if not piece:
        return
    space = _SPACE_RE.search(piece.shadow)
    head = _heading_end(piece.shadow)
    if space and head is not None and space.start() > head + 1:  # "1， 组织…" is one line
        gap = _typical_gap(piece.shadow[space.end() :], with_tail=True) or line_gap
        if space.start() < _SHORT_LINE * gap:
            out.append(piece.cut(0, space.start()))
            piece = piece.cut(space.end())
    out.append(piece)


def _heading_end(shadow: str) -> int | None:
    """Where the marker or month a line starts with ends; None if it starts with neither."""
    marker = section_marker(shadow)
    if marker is not None:
        return marker.end
    when = schedule_heading(shadow)
    return when.end if when is not None else None


def _typical_gap(shadow: str, *, with_tail: bool = False) -> float | None:
    """The median distance between spaces: the length of the lines that were run together
    (``with_tail``: the text after the last space counts as one of them)."""
    spaces = [match.start() for match in _SPACE_RE.finditer(shadow)]
    if with_tail:
        spaces = [-1, *spaces, len(shadow)]
    gaps = sorted(b - a for a, b in itertools.pairwise(spaces))
    return gaps[len(gaps) // 2] if len(gaps) >= (1 if with_tail else 2) else None
