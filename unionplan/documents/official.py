"""Building blocks of a Word document laid out as a Chinese official document (GB/T 9704).

The plan writer and the year-end summary both use these, so page, fonts, headings, page
numbers and tables look the same in every document unionplan writes. Each function does
one layout job on a python-docx object; none knows about plans.

Fonts: government offices use 方正小标宋简体, 仿宋_GB2312 and 楷体_GB2312, which many PCs
lack. A run names the preferred font in ``w:eastAsia`` (the attribute Word and WPS read for
Chinese characters — ``font.name`` alone only sets the Latin font) and the document's font
table gives each one ``w:altName``, the font Word and WPS substitute when it is missing
(宋体, 仿宋, 楷体: installed with every Chinese Windows).
"""

# Long module: the whole GB/T 9704 layout (page, fonts, headings, numbering, tables) in one
# place, so that every Word document the app writes looks the same.

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from unionplan.documents import docx_package

# --- sizes (字号) and page --------------------------------------------------------------

ERHAO = Pt(22)  # 二号: the title
SANHAO = Pt(16)  # 三号: headings and body
SIHAO = Pt(14)  # 四号: page numbers
XIAOSI = Pt(12)  # 小四: tables

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN_TOP = Mm(37)
MARGIN_BOTTOM = Mm(35)
MARGIN_LEFT = Mm(28)
MARGIN_RIGHT = Mm(26)
TEXT_WIDTH_MM = 210 - 28 - 26  # 156 mm: the 版心
HEADER_DISTANCE = Mm(15)
FOOTER_DISTANCE = Mm(22)  # puts the page number about 7 mm below the 版心

BODY_LINE = Pt(28.95)  # fixed line pitch: 22 lines in the 225 mm 版心
TITLE_LINE = Pt(36)
TABLE_LINE = Pt(20)
INDENT_CHARS = 2


# --- fonts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FontSpec:
    """A role's font: preferred Chinese font, its stand-in when missing, and the Latin font."""

    east_asia: str
    fallback: str
    latin: str = "Times New Roman"


TITLE_FONT = FontSpec("方正小标宋简体", "宋体", "方正小标宋简体")
HEITI = FontSpec("黑体", "黑体", "黑体")
KAITI = FontSpec("楷体_GB2312", "楷体", "楷体_GB2312")
FANGSONG = FontSpec("仿宋_GB2312", "仿宋")
SONGTI = FontSpec("宋体", "宋体", "宋体")
ALL_FONTS = (TITLE_FONT, HEITI, KAITI, FANGSONG, SONGTI)

# Paragraph styles this module defines, by role.
TITLE_STYLE = "公文标题"
SUBTITLE_STYLE = "公文副标题"
BODY_STYLE = "Normal"
TABLE_STYLE = "公文表格"
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
HEADING_FONTS = {1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG}

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(element, spec: FontSpec) -> None:
    """Give a run or style ``spec``: eastAsia for Chinese, ascii/hAnsi for Latin and digits.

    Theme font attributes are removed, since Word lets them win over the names given.
    """
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), spec.latin)
    fonts.set(qn("w:hAnsi"), spec.latin)
    fonts.set(qn("w:cs"), spec.latin)
    fonts.set(qn("w:eastAsia"), spec.east_asia)


def register_font_fallbacks(document: DocumentObject, specs=ALL_FONTS) -> None:
    """Declare each preferred font in the font table with ``w:altName`` = its stand-in."""
    part = next(
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable")
    )
    table = parse_xml(part.blob)
    known = {font.get(qn("w:name")) for font in table.findall(qn("w:font"))}
    for spec in specs:
        if spec.east_asia in known:
            continue
        known.add(spec.east_asia)
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{spec.east_asia}">'
                f'<w:altName w:val="{spec.fallback}"/><w:charset w:val="86"/>'
                '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
            )
        )

    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- page -----------------------------------------------------------------------------


def setup_page(section: Section) -> None:
    """A4 portrait with the 公文 margins."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = FOOTER_DISTANCE


def add_page_number_footer(section: Section) -> Paragraph:
    """``— 1 —`` centred in the footer: a PAGE field between 一字线, 宋体 四号."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.clear()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    _no_char_indent(paragraph)
    _footer_run(paragraph, "— ")
    _field(paragraph, "PAGE", "1")
    _footer_run(paragraph, " —")
    return paragraph


def _footer_run(paragraph: Paragraph, text: str):
    run = paragraph.add_run(text)
    run.font.size = SIHAO
    set_fonts(run._r, SONGTI)
    return run


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin, instruction, separate, cached result, end) in 宋体 四号."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = _footer_run(paragraph, "")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    _footer_run(paragraph, placeholder)
    end = _footer_run(paragraph, "")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end._r.append(char)


# --- styles ---------------------------------------------------------------------------


def new_document() -> DocumentObject:
    """An empty document with the 公文 page, styles, font fallbacks and page numbers, in
    simplified Chinese and without python-docx's template leftovers (``docx_package``).

    Opened from a copy of the first one made (built once per process): building the styles
    again for every export was a third of a short plan's Word file, and opening a package
    costs what opening python-docx's own template does."""
    return Document(io.BytesIO(_blank_document()))


@functools.cache
def _blank_document() -> bytes:
    """The saved bytes of ``_build_new_document``: every export starts from the same."""
    out = io.BytesIO()
    _build_new_document().save(out)
    return out.getvalue()


def _build_new_document() -> DocumentObject:
    document = Document()
    docx_package.clean(document)
    setup_styles(document)
    register_font_fallbacks(document)
    section = document.sections[0]
    setup_page(section)
    add_page_number_footer(section)
    return document


def setup_styles(document: DocumentObject) -> None:
    """Body 仿宋 三号 with a fixed line pitch; title, subtitle, four heading levels, tables."""
    styles = document.styles
    body = styles[BODY_STYLE]
    _style_font(body, FANGSONG, SANHAO)
    _body_paragraph(body, indent=True, line=BODY_LINE)

    title = _paragraph_style(document, TITLE_STYLE)
    _style_font(title, TITLE_FONT, ERHAO)
    _body_paragraph(title, indent=False, line=TITLE_LINE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.keep_with_next = True

    subtitle = _paragraph_style(document, SUBTITLE_STYLE)
    _style_font(subtitle, KAITI, SANHAO)
    _body_paragraph(subtitle, indent=False, line=BODY_LINE)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.keep_with_next = True

    for level, name in HEADING_STYLES.items():
        heading = styles[name]
        _style_font(heading, HEADING_FONTS[level], SANHAO)
        _body_paragraph(heading, indent=True, line=BODY_LINE)
        # Levels 3-4 read as paragraphs; chaining keep-with-next through a list of them
        # would push whole pages ahead and leave blank half pages.
        heading.paragraph_format.keep_with_next = level <= 2

    table = _paragraph_style(document, TABLE_STYLE)
    _style_font(table, FANGSONG, XIAOSI)
    _body_paragraph(table, indent=False, line=TABLE_LINE)


def _paragraph_style(document: DocumentObject, name: str):
    styles = document.styles
    if name in [style.name for style in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[BODY_STYLE]
    style.quick_style = True
    return style


def _style_font(style, spec: FontSpec, size) -> None:
    font = style.font
    font.size = size
    font.bold = False
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style.element, spec)


def _body_paragraph(style, *, indent: bool, line) -> None:
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.left_indent = Pt(0)
    if indent:
        fmt.first_line_indent = SANHAO * INDENT_CHARS
        style.element.get_or_add_pPr().get_or_add_ind().set(
            qn("w:firstLineChars"), str(INDENT_CHARS * 100)
        )
    else:
        fmt.first_line_indent = Pt(0)
        ind = style.element.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), "0")


def _no_char_indent(paragraph: Paragraph) -> None:
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "0")
    ind.set(qn("w:firstLine"), "0")


# --- paragraphs -----------------------------------------------------------------------


def add_styled_paragraph(document: DocumentObject, text: str, style: str) -> Paragraph:
    """``document.add_paragraph(text, style=style)``, the same XML, with the style's id
    looked up once per document: python-docx finds it by scanning every style for the
    default one, for each paragraph — half the time of a short plan's export."""
    paragraph = document.add_paragraph(text)
    paragraph._p.style = _applied_style_id(document.part, style)
    return paragraph


def _applied_style_id(part, name: str) -> str | None:
    """The id python-docx writes for paragraph style ``name`` (None: the default style),
    looked up once per document part."""
    cache = part.__dict__.setdefault("_unionplan_applied_style_ids", {})
    if name not in cache:
        cache[name] = part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    return cache[name]


def add_title(document: DocumentObject, text: str) -> Paragraph:
    """The document title: 小标宋 二号, centred."""
    return add_styled_paragraph(document, text, TITLE_STYLE)


def add_subtitle(document: DocumentObject, text: str) -> Paragraph:
    """A line under the title, 楷体 三号 centred: （2027年度）."""
    return add_styled_paragraph(document, text, SUBTITLE_STYLE)


def add_blank_line(document: DocumentObject) -> Paragraph:
    """An empty body line: GB/T 9704 leaves one between the title and the text."""
    return add_styled_paragraph(document, "", BODY_STYLE)


def add_heading(document: DocumentObject, level: int, number: str, title: str) -> Paragraph:
    """``一、组织建设`` as a Word heading (for the navigation pane), 黑体/楷体/仿宋 三号.

    Levels 1 and 2 end with their number's own punctuation and no full stop, as in 公文;
    deeper levels read as the first words of a paragraph.
    """
    return add_styled_paragraph(document, f"{number}{title}", HEADING_STYLES[min(level, 4)])


def add_body(document: DocumentObject, text: str) -> Paragraph:
    """One body paragraph: 仿宋 三号, first line indented two characters."""
    return add_styled_paragraph(document, text, BODY_STYLE)


def add_signature(
    document: DocumentObject, organization: str, date: dt.date | None = None
) -> list[Paragraph]:
    """落款: organization and date at the right, with a blank line before them."""
    added = [add_blank_line(document)]
    for text in (organization, chinese_date(date) if date else ""):
        if not text:
            continue
        paragraph = add_styled_paragraph(document, text, BODY_STYLE)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        _no_char_indent(paragraph)
        paragraph.paragraph_format.right_indent = SANHAO * 2  # 右空二字, as GB/T 9704
        added.append(paragraph)
    return added


def chinese_date(date: dt.date) -> str:
    """成文日期 in Arabic figures as GB/T 9704-2012 asks: 2027年1月8日."""
    return f"{date.year}年{date.month}月{date.day}日"


# --- tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A table column: header text, width in millimetres and alignment of its cells."""

    header: str
    width_mm: float
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT


def add_table(
    document: DocumentObject,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    *,
    merge_first_column: bool = False,
) -> Table:
    """A bordered table with a header row that repeats on every page.

    Fixed column widths (Word and LibreOffice both honour them), rows that do not split
    across pages, 仿宋 小四 text and a 黑体 header. With ``merge_first_column``, runs of
    equal first cells (the same month) are merged vertically, as hand-made plans do.
    """
    table = document.add_table(rows=1, cols=len(columns))
    _table_properties(table)
    _set_widths(table, columns)
    header = table.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, columns, strict=True):
        _fill_cell(cell, column.header, WD_ALIGN_PARAGRAPH.CENTER, font=HEITI)
    if rows:
        add_table_row(table, columns, rows[0])
        prototype = _blank_copy(table.rows[-1]._tr)
        for values in rows[1:]:
            _copy_row(table, prototype, values)
    if merge_first_column:
        merge_equal_cells(table, 0, first_row=1, last_row=len(rows))
    return table


def add_table_row(
    table: Table, columns: Sequence[Column], values: Sequence[str], *, font: FontSpec = FANGSONG
) -> list[_Cell]:
    """Append a row; each cell aligned as its column says."""
    row = table.add_row()
    _cant_split(row)
    for cell, column, value in zip(row.cells, columns, values, strict=True):
        _fill_cell(cell, value, column.align, font=font)
        cell.width = Mm(column.width_mm)
    return list(row.cells)


def _copy_row(table: Table, prototype, values: Sequence[str]) -> None:
    """Append a copy of the row ``prototype`` (see ``_blank_copy``) holding ``values``.

    The same XML as ``add_table_row`` gives, in a fraction of the time: python-docx finds
    each child element by scanning its parent on every property set, which made the rows of
    a 1,000-item table cost four times what writing their text costs.
    """
    tr = copy.deepcopy(prototype)
    for run, value in zip(_runs(tr), values, strict=True):
        if not value:
            continue
        if _SPECIAL.isdisjoint(value):  # python-docx's ``run.text``: one w:t, spaces kept
            text = etree.SubElement(run, _T)
            text.text = value
            if value.strip() != value:
                text.set(_SPACE, "preserve")
        else:  # tabs and line breaks become w:tab and w:br
            run.text = value
    table._tbl.append(tr)


def _blank_copy(tr):
    """A copy of a row written by ``add_table_row``, its runs emptied (fonts kept)."""
    blank = copy.deepcopy(tr)
    for run in _runs(blank):
        run.text = ""
    return blank


def _runs(tr) -> list:
    return [tc.find(_P).find(_R) for tc in tr.iterchildren(_TC)]


_TC, _P, _R, _T, _SPACE = qn("w:tc"), qn("w:p"), qn("w:r"), qn("w:t"), qn("xml:space")
_SPECIAL = frozenset("\t\r\n")


def merge_equal_cells(table: Table, column: int, *, first_row: int, last_row: int) -> None:
    """Merge vertically each run of equal, non-empty cells of ``column`` in the rows given.

    Writes the ``w:vMerge`` marks itself, giving the XML python-docx's ``_Cell.merge`` gives
    (the first cell keeps its text, each cell below is emptied and continues it): ``merge``
    looks up every row's position in the table again, which made the month column of a
    1,000-item plan cost as much as the rest of the table.
    """
    cells = table.column_cells(column)
    texts = [cell.text for cell in cells]
    start = first_row
    while start <= last_row:
        end = start
        while end + 1 <= last_row and texts[start] and texts[end + 1] == texts[start]:
            end += 1
        if end > start:
            cells[start]._tc.vMerge = "restart"
            for row in range(start + 1, end + 1):
                _continue_merge(cells[row]._tc)
        start = end + 1


def _continue_merge(tc) -> None:
    """Make ``tc`` the continuation of the merged cell above: one bare paragraph."""
    for paragraph in tc.p_lst:
        tc.remove(paragraph)
    tc.append(OxmlElement("w:p"))
    tc.vMerge = "continue"


def _fill_cell(cell: _Cell, text: str, align, *, font: FontSpec) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    # Set the style id directly: ``paragraph.style = name`` searches every style of the
    # document on each call, which dominated the time of a long schedule table.
    paragraph._p.style = _style_id(cell.part, TABLE_STYLE)
    paragraph.alignment = align
    run = paragraph.add_run(text)
    if font is not FANGSONG:
        set_fonts(run._r, font)


def _style_id(part, name: str) -> str:
    """The id of paragraph style ``name`` in ``part``'s document, looked up once per part."""
    cache = part.__dict__.setdefault("_unionplan_style_ids", {})
    if name not in cache:
        cache[name] = part.styles[name].style_id
    return cache[name]


def _table_properties(table: Table) -> None:
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _put_table_property(tbl_pr, layout)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")  # eighths of a point: a ½ pt line
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    _put_table_property(tbl_pr, borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("left", "85"), ("right", "85")):  # 1.5 mm
        side = OxmlElement(f"w:{edge}")
        side.set(qn("w:w"), twips)
        side.set(qn("w:type"), "dxa")
        margins.append(side)
    _put_table_property(tbl_pr, margins)


# The order the schema (and Word, strictly) wants inside w:tblPr.
_TBL_PR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]


def _put_table_property(tbl_pr, element) -> None:
    """Replace or insert ``element`` in ``tbl_pr`` at its place in the schema order."""
    name = element.tag.split("}")[1]
    existing = tbl_pr.find(qn(f"w:{name}"))
    if existing is not None:
        tbl_pr.remove(existing)
    later = _TBL_PR_ORDER[_TBL_PR_ORDER.index(name) + 1 :]
    tbl_pr.insert_element_before(element, *[f"w:{tag}" for tag in later])


def _set_widths(table: Table, columns: Sequence[Column]) -> None:
    for column, grid_col in zip(table.columns, columns, strict=True):
        column.width = Mm(grid_col.width_mm)
    for cell, column in zip(table.rows[0].cells, columns, strict=True):
        cell.width = Mm(column.width_mm)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(int(sum(c.width_mm for c in columns) / 25.4 * 1440)))
    width.set(qn("w:type"), "dxa")
    _put_table_property(table._tbl.tblPr, width)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    _cant_split(row)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))
