"""Lines and tables of a Word .docx (python-docx), with Word's own list numbering.

Numbers that Word draws itself (a paragraph with w:numPr, directly or through its style) are
not in the text: this module counts them as Word does — per list and level, deeper levels
restarting — and writes the marker in front (一、 （一） 1. ①), so the plan parser sees what
the user sees.
"""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.oxml.ns import qn

from unionplan.errors import UserInputError
from unionplan.numerals import to_chinese
from unionplan.plan.numbering import MAX_LEVEL, section_number
from unionplan.text.blocks import Block, Table

# A .docx is a zip: refuse one that would unpack to more than this (a "zip bomb").
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# The text itself (word/document.xml, unpacked) is what costs time: about a second per MB for
# text, up to 0.6 s per MB for a page of empty paragraphs. A plan's is well under 1 MB.
MAX_DOCUMENT_XML_BYTES = 10 * 1024 * 1024
_TRADITIONAL_STEMS = "甲乙丙丁戊己庚辛壬癸"
# Qualified tag names, computed once: qn() per element was most of the time on big files.
_P, _TBL, _TR, _TC, _T, _TAB, _BR = (
    qn(f"w:{n}") for n in ("p", "tbl", "tr", "tc", "t", "tab", "br")
)
_TC_PR, _GRID_SPAN = qn("w:tcPr"), qn("w:gridSpan")
_PPR, _NUM_PR, _P_STYLE, _NUM_ID, _ILVL, _VAL = (
    qn(f"w:{n}") for n in ("pPr", "numPr", "pStyle", "numId", "ilvl", "val")
)
_LEVEL_REF_RE = re.compile(r"%[1-9]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def docx_blocks(data: bytes) -> list[Block]:
    """Paragraphs (with their list markers) and tables of the document body, in order."""
    document = _open(data)
    numbering = _Numbering(document)
    blocks: list[Block] = []
    for child in document.element.body.iterchildren():
        if child.tag == _P:
            blocks.extend(_paragraph_text(child, numbering).split("\n"))
        elif child.tag == _TBL:
            blocks.append(Table(_table_rows(child, numbering)))
    return blocks


def _open(data: bytes) -> docx.document.Document:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise UserInputError("Word 文件解压后过大，无法读取。")
            if "word/document.xml" not in archive.namelist():
                raise UserInputError("这不是 Word 文档（.docx）：缺少正文部分。")
            _check_document_size(archive.getinfo("word/document.xml").file_size)
        return docx.Document(io.BytesIO(data))
    except UserInputError:
        raise
    except Exception:  # python-docx and lxml raise many kinds on a damaged package
        raise UserInputError("Word 文件已损坏或不完整，请在 Word 中打开后重新保存再试。") from None


def _check_document_size(size: int) -> None:
    if size > MAX_DOCUMENT_XML_BYTES:
        raise UserInputError(
            f"Word 文件的正文过大（解压后 {size / 2**20:.1f} MB，最大支持 "
            f"{MAX_DOCUMENT_XML_BYTES // 2**20} MB），请删去与计划无关的内容后再上传。"
        )


def _paragraph_text(p, numbering: _Numbering) -> str:
    text = "".join(_run_text(node) for node in p.iter(_T, _TAB, _BR))
    return numbering.marker(p) + text


def _run_text(node) -> str:
    if node.tag == _T:
        return node.text or ""
    return "\t" if node.tag == _TAB else "\n"


def _table_rows(tbl, numbering: _Numbering) -> list[list[str]]:
    rows = []
    for tr in tbl.iterchildren(_TR):
        cells = []
        for tc in tr.iterchildren(_TC):
            paragraphs = [_paragraph_text(p, numbering) for p in tc.iterchildren(_P)]
            cells.append("\n".join(text for text in paragraphs if text.strip()))
            cells.extend([""] * (_grid_span(tc) - 1))  # a merged cell keeps the columns aligned
        if any(cells):
            rows.append(cells)
    return rows


def _grid_span(tc) -> int:
    span = tc.find(f"{_TC_PR}/{_GRID_SPAN}")
    return min(max(_int(span.get(_VAL) if span is not None else None, 1), 1), 50)


class _Numbering:
    """Word's list numbering: definitions from numbering.xml, counters as the text goes on."""

    def __init__(self, document: docx.document.Document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.style_numbering = _style_numbering(document)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {
            a.get(qn("w:abstractNumId")): _levels(a) for a in root.iter(qn("w:abstractNum"))
        }
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.iter(qn("w:lvlOverride")):
                _apply_override(levels, override)
            self.levels[num.get(qn("w:numId"))] = levels

    def marker(self, p) -> str:
        if not self.levels:
            return ""  # a document without lists: most paragraphs of most files
        num_id, ilvl = self._num_pr(p)
        levels = self.levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        fmt, _, start = levels[ilvl]
        counters[ilvl] = start if counters[ilvl] is None else counters[ilvl] + 1
        counters[ilvl + 1 :] = [None] * (8 - ilvl)
        if fmt not in ("bullet", "none") and _levels_look_alike(levels):
            # Levels drawn alike (1. under 1.): the level, not the look, says the depth, so
            # the whole list is numbered as official documents number their levels.
            return section_number(min(ilvl + 1, MAX_LEVEL), counters[ilvl] or 1)
        return _render(levels, counters, ilvl, fmt)

    def _num_pr(self, p) -> tuple[str | None, int]:
        ppr = p.find(_PPR)
        if ppr is None:
            return None, 0
        num_pr, style = ppr.find(_NUM_PR), ppr.find(_P_STYLE)
        num_id, ilvl = None, 0
        if style is not None:
            num_id, ilvl = self.style_numbering.get(style.get(_VAL), (None, 0))
        if num_pr is not None:
            id_el, lvl_el = num_pr.find(_NUM_ID), num_pr.find(_ILVL)
            num_id = id_el.get(_VAL) if id_el is not None else num_id
            ilvl = _int(lvl_el.get(_VAL) if lvl_el is not None else None, ilvl)
        return (None if num_id in (None, "0") else num_id), min(max(ilvl, 0), 8)


def _style_numbering(document: docx.document.Document) -> dict[str, tuple[str | None, int]]:
    found = {}
    for style in document.styles.element.iter(qn("w:style")):
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            id_el, lvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
            num_id = id_el.get(qn("w:val")) if id_el is not None else None
            ilvl = _int(lvl_el.get(qn("w:val")) if lvl_el is not None else None, 0)
            found[style.get(qn("w:styleId"))] = (num_id, ilvl)
    return found


def _levels(abstract) -> dict[int, tuple[str, str, int]]:
    levels = {}
    for lvl in abstract.iterchildren(qn("w:lvl")):
        levels[_int(lvl.get(qn("w:ilvl")), 0)] = _level(lvl, ("decimal", "%1.", 1))
    return levels


def _level(lvl, default: tuple[str, str, int]) -> tuple[str, str, int]:
    fmt, text, start = default
    fmt_el, text_el, start_el = (lvl.find(qn(f"w:{n}")) for n in ("numFmt", "lvlText", "start"))
    fmt = fmt_el.get(qn("w:val"), fmt) if fmt_el is not None else fmt
    text = text_el.get(qn("w:val"), text) if text_el is not None else text
    start = _int(start_el.get(qn("w:val")) if start_el is not None else None, start)
    return fmt, text, start


def _apply_override(levels: dict[int, tuple[str, str, int]], override) -> None:
    ilvl = _int(override.get(qn("w:ilvl")), 0)
    current = levels.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
    lvl = override.find(qn("w:lvl"))
    if lvl is not None:
        current = _level(lvl, current)
    start = override.find(qn("w:startOverride"))
    if start is not None:
        current = (current[0], current[1], _int(start.get(qn("w:val")), current[2]))
    levels[ilvl] = current


def _levels_look_alike(levels: dict[int, tuple[str, str, int]]) -> bool:
    """True when two numbered levels of a list draw their markers the same way (%1. and %2.)."""
    shapes = [
        (fmt, _LEVEL_REF_RE.sub("%", text))
        for fmt, text, _ in levels.values()
        if fmt not in ("bullet", "none") and _LEVEL_REF_RE.search(text)
    ]
    return len(set(shapes)) < len(shapes)


def _render(levels, counters: list[int | None], ilvl: int, fmt: str) -> str:
    if fmt == "bullet":
        return "· "
    if fmt == "none":
        return ""
    text = levels[ilvl][1]
    for level in range(ilvl, -1, -1):  # %10 does not exist; %1..%9 only
        value = (
            counters[level] if counters[level] is not None else levels.get(level, ("", "", 1))[2]
        )
        level_fmt = levels.get(level, ("decimal", "", 1))[0]
        text = text.replace(f"%{level + 1}", _format(value, level_fmt))
    return text


def _format(value: int, fmt: str) -> str:
    if (
        fmt.startswith(("chinese", "ideographDigital", "japanese", "taiwanese"))
        and 0 < value < 100_000
    ):
        return to_chinese(value)
    if fmt == "ideographTraditional" and 0 < value <= len(_TRADITIONAL_STEMS):
        return _TRADITIONAL_STEMS[value - 1]
    if fmt.startswith("decimalEnclosedCircle") and 0 < value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= 26:
        letter = chr(ord("a") + value - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
