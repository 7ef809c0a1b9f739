"""Lines as the author wrote them, from text whose line breaks a PDF or a website changed.

Two opposite accidents happen to plans copied from PDFs and document-sharing sites:

- **Hard wraps.** Every line is cut at the page width, mid-word ("…组织职" / "工认真学习…"), so
  a section title runs over two lines. A document is hard-wrapped when several lines reach
  the same width without ending a sentence; such a line is joined with the next, unless the
  next starts a numbered heading or a month. A page number left at the end of a line
  ("建立健全各 1" / "项制度") is removed and the sentence joined as well.
- **Flattening.** The whole text is one line, the PDF's line breaks left as spaces inside
  words ("为 主线"). Headings and months are found inside it: a long line with many spaces
  is cut before every numbering marker or month heading that follows a space.

Both work on widths and one regex pass per line, so they stay linear.
"""

from __future__ import annotations

import re

from unionplan.text.line import Line
from unionplan.text.markers import schedule_heading, section_marker

_SENTENCE_END = '。.；;！!？?：:”"）)】'
_MIN_WRAP_WIDTH = 60  # display columns: a wrapped page is at least 30 hanzi wide
_MAX_WRAP_WIDTH = 200
_NEAR_WRAP = 0.85
_MIN_WRAPPED_LINES = 3
_PAGE_NUMBER_RE = re.compile(r"(?<=[\u4e00-\u9fff，、])\s+\d{1,3}$")
_FLAT_MIN_LENGTH = 150
_FLAT_SPACE_EVERY = 80  # a flattened line has a space (a lost break) at least this often
_CN = "一二三四五六七八九十"
_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九元])"
_INLINE_HEADING_RE = re.compile(
    rf"\s(?=[{_CN}]{{1,3}}\s*[、，,.．](?!\d)|[（(]\s*[{_CN}]{{1,3}}\s*[）)]|\d{{1,2}}\s*[.．、](?!\d)"
    rf"|[（(]\d{{1,2}}[）)]|第[{_CN}]{{1,3}}\s*[、，,：:]|{_MONTH}\s*月份?\s*[：:])"
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
    width = _wrap_width(lines)
    joined: list[Line] = []
    pending: Line | None = None
    for line in lines:
        if pending is not None and _starts_anew(line):
            joined.append(pending)
            pending = None
        if pending is not None:
            line = Line(pending.text + line.text, pending.shadow + line.shadow)
            pending = None
        page_number = _PAGE_NUMBER_RE.search(line.shadow)
        if page_number:
            line = line.cut(0, page_number.start())
            pending = line
        elif width and _is_wrapped(line, width):
            pending = line
        else:
            joined.append(line)
    if pending is not None:
        joined.append(pending)
    return joined


def _wrap_width(lines: list[Line]) -> int | None:
    """The page width a hard-wrapped document was cut at, or None if it was not."""
    widths = [display_width(line.shadow) for line in lines if len(line.shadow) <= _MAX_WRAP_WIDTH]
    if not widths or len(widths) < len(lines):
        return None  # a paragraph longer than any page: the text was not hard-wrapped
    width = max(widths)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    wrapped = [line for line in lines if _is_wrapped(line, width)]
    return width if len(wrapped) >= _MIN_WRAPPED_LINES else None


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
        if len(shadow) < _FLAT_MIN_LENGTH or shadow.count(" ") * _FLAT_SPACE_EVERY < len(shadow):
            out.append(line)
            continue
        start = 0
        for match in _INLINE_HEADING_RE.finditer(shadow):
            piece = line.cut(start, match.start()).strip(" \t")
            if piece:
                out.append(piece)
            start = match.end()
        piece = line.cut(start).strip(" \t")
        if piece:
            out.append(piece)
    return out
