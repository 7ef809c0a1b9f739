"""The table builders of ``official``: the fast row copy and month merge give the same XML
as building every row and merging through python-docx's own API."""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from unionplan.documents import official

COLUMNS = (
    official.Column("月份", 25, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("活动内容", 54),
    official.Column("负责人", 22, WD_ALIGN_PARAGRAPH.RIGHT),
)
# The shapes cells take in real plans: empty, multi-line, tabbed, padded, a month run.
ROWS = [
    ("1月", "元旦慰问困难职工", "工会主席"),
    ("1月", "春节前走访\n离退休老教师", ""),
    ("1月", " 寒假前安全教育 ", "副主席\t张三"),
    ("", "全年：会员信息更新", "办公室"),
    ("3月", "三八妇女节：女教职工健步走", "女工委员"),
    ("4月", "教职工运动会", "体育组"),
    ("4月", "", "工会主席"),
    ("12月", "年终总结", "工会主席"),
]


def by_python_docx(rows):
    """The table built the slow, obviously right way: each row and each merge by the API."""
    document = official.new_document()
    table = document.add_table(rows=1, cols=len(COLUMNS))
    official._table_properties(table)
    official._set_widths(table, COLUMNS)
    header = table.rows[0]
    official._repeat_header(header)
    for cell, column in zip(header.cells, COLUMNS, strict=True):
        official._fill_cell(cell, column.header, WD_ALIGN_PARAGRAPH.CENTER, font=official.HEITI)
    for values in rows:
        official.add_table_row(table, COLUMNS, values)
    cells = table.column_cells(0)
    texts = [cell.text for cell in cells]
    start = 1
    while start <= len(rows):
        end = start
        while end + 1 <= len(rows) and texts[start] and texts[end + 1] == texts[start]:
            end += 1
        if end > start:
            for row in range(start + 1, end + 1):
                cells[row].paragraphs[0].text = ""
            merged = cells[start].merge(cells[end])
            for paragraph in merged.paragraphs[1:]:
                if not paragraph.text:
                    paragraph._p.getparent().remove(paragraph._p)
        start = end + 1
    return table


def xml(table) -> bytes:
    return etree.tostring(table._tbl)


def test_table_rows_and_merged_months_are_the_xml_python_docx_writes():
    table = official.add_table(official.new_document(), COLUMNS, ROWS, merge_first_column=True)
    assert xml(table) == xml(by_python_docx(ROWS))
    assert [cell.text for cell in table.column_cells(1)][1:] == [row[1] for row in ROWS]
    january = table.column_cells(0)[1:4]
    assert {cell._tc for cell in january} == {january[0]._tc}  # one merged cell


def test_a_one_row_table_is_written_like_python_docx_writes_it():
    table = official.add_table(official.new_document(), COLUMNS, ROWS[:1], merge_first_column=True)
    assert xml(table) == xml(by_python_docx(ROWS[:1]))


def _parts(document) -> dict[str, bytes]:
    return {str(part.partname): part.blob for part in document.part.package.iter_parts()}


def test_a_new_document_is_a_fresh_copy_of_the_one_built_once():
    """Opened from saved bytes, each new document has every part of one built from scratch,
    and changing one does not reach the next."""
    built = official._build_new_document()
    first = official.new_document()
    assert _parts(first) == _parts(built)
    official.add_body(first, "只在第一份里")
    assert "只在第一份里" not in "".join(p.text for p in official.new_document().paragraphs)


def test_styled_paragraphs_are_the_xml_python_docx_writes():
    """add_styled_paragraph, with its cached style ids, against python-docx's add_paragraph
    (which looks the style up each time), for the default style and the others."""
    fast, slow = official.new_document(), official.new_document()
    styles = [official.BODY_STYLE, official.TITLE_STYLE, official.TABLE_STYLE,
              *official.HEADING_STYLES.values(), official.BODY_STYLE]  # fmt: skip
    for n, style in enumerate(styles):
        text = f"第{n}段" if n % 3 else ""
        official.add_styled_paragraph(fast, text, style)
        slow.add_paragraph(text, style=style)
    assert etree.tostring(fast.element.body) == etree.tostring(slow.element.body)
