"""The Word writer: open what it wrote with python-docx and check content and layout."""

import datetime as dt
import io

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.documents.plans import item, make_plan
from unionplan.documents import write_docx
from unionplan.plan.data import SectionData

SIGNED = dt.date(2027, 1, 8)


def written(plan, **kwargs):
    out = io.BytesIO()
    write_docx(plan, out, signed_on=kwargs.pop("signed_on", SIGNED), **kwargs)
    out.seek(0)
    return docx.Document(out)


def texts(document):
    return [p.text for p in document.paragraphs]


def east_asia(element):
    return element.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))


def mm(length):
    return length / 36000


def test_page_is_a4_with_official_margins():
    section = written(make_plan()).sections[0]
    measured = [section.page_width, section.page_height, section.top_margin]
    measured += [section.bottom_margin, section.left_margin, section.right_margin]
    for value, expected in zip(measured, [210, 297, 37, 35, 28, 26], strict=True):
        assert abs(mm(value) - expected) < 0.1


def test_title_is_xiaobiaosong_erhao_centred_with_songti_fallback(tmp_path):
    path = tmp_path / "plan.docx"
    write_docx(make_plan(), path, signed_on=SIGNED)
    document = docx.Document(path)
    title = document.paragraphs[0]
    assert title.text == "城关街道工会2027年工作计划"
    style = title.style
    assert east_asia(style.element) == "方正小标宋简体"
    assert style.font.size == Pt(22)
    assert style.paragraph_format.alignment == 1  # centre
    font_table = next(
        rel.target_part.blob for rel in document.part.rels.values() if "fontTable" in rel.reltype
    ).decode()
    assert 'w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in font_table
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in font_table


def test_year_missing_from_title_is_given_as_a_subtitle():
    document = written(make_plan(title="城关街道工会工作计划"))
    assert document.paragraphs[1].text == "（2027年度）"
    assert east_asia(document.paragraphs[1].style.element) == "楷体_GB2312"


def test_headings_are_numbered_by_position_in_official_fonts():
    document = written(make_plan())
    headings = [(p.style.name, p.text) for p in document.paragraphs if "Heading" in p.style.name]
    assert headings == [
        ("Heading 1", "一、组织建设"),
        ("Heading 2", "（一）会员发展"),
        ("Heading 3", "1.摸底"),
        ("Heading 1", "二、主要活动安排"),
    ]
    styles = document.styles
    assert east_asia(styles["Heading 1"].element) == "黑体"
    assert east_asia(styles["Heading 2"].element) == "楷体_GB2312"
    assert east_asia(styles["Heading 3"].element) == "仿宋_GB2312"
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        assert styles[name].font.size == Pt(16)
        assert not styles[name].font.bold
        fonts = styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override ours


def test_body_is_fangsong_sanhao_fixed_pitch_indented_two_characters():
    document = written(make_plan())
    body = document.paragraphs[texts(document).index("加强基层工会组织建设。")]
    style = body.style
    assert style.name == "Normal"
    assert east_asia(style.element) == "仿宋_GB2312"
    assert style.font.size == Pt(16)
    fmt = style.paragraph_format
    assert fmt.line_spacing_rule == 4  # EXACTLY
    assert 28 <= fmt.line_spacing.pt <= 29
    assert fmt.first_line_indent == Pt(32)
    indent = style.element.find(qn("w:pPr")).find(qn("w:ind"))
    assert indent.get(qn("w:firstLineChars")) == "200"
    assert "扩大工会覆盖面。" in texts(document)  # every line of a body is a paragraph


def test_targets_are_written_inside_their_section():
    found = texts(written(make_plan()))
    sentence = found.index("工作目标：新建工会不少于10家。")
    assert found.index("一、组织建设") < sentence < found.index("（一）会员发展")


def test_preamble_comes_before_sections_but_is_not_repeated():
    plan = make_plan(
        guiding_ideas="坚持以职工为中心。", goals="加强基层工会组织建设。\n扩大工会覆盖面。"
    )
    found = texts(written(plan))
    assert found.index("坚持以职工为中心。") < found.index("一、组织建设")
    assert found.count("加强基层工会组织建设。") == 1  # already the body of section 一


def test_schedule_is_a_table_with_header_rows_and_total():
    document = written(make_plan())
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["月份", "活动内容", "参加范围", "负责人", "经费（元）"]
    assert cells[1] == ["3月8日", "庆三八妇女节", "女职工", "王芳", "2,000.00"]
    assert cells[2] == ["3月", "职工健身活动", "全体职工", "", "1,500.50"]
    assert cells[3] == ["7—8月", "协助百年校庆筹备", "", "张强", ""]
    assert cells[4][0] == "合计"
    assert cells[4][-1] == "3,500.50"
    assert len(table.rows) == 5


def test_schedule_table_repeats_its_header_and_has_borders_and_fixed_widths():
    table = written(make_plan()).tables[0]
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")).get(qn("w:val"), "true") in ("true", "1", "on")
    assert header.find(qn("w:cantSplit")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    props = table._tbl.tblPr
    borders = props.find(qn("w:tblBorders"))
    assert {child.get(qn("w:val")) for child in borders} == {"single"}
    assert len(borders) == 6
    assert props.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    widths = [mm(column.width) for column in table.columns]
    assert abs(sum(widths) - 156) < 0.5  # the full 版心
    assert widths[1] == max(widths)  # 活动内容 gets the room


def test_schedule_table_text_is_fangsong_xiaosi_and_header_heiti():
    table = written(make_plan()).tables[0]
    body = table.rows[1].cells[1].paragraphs[0]
    assert east_asia(body.style.element) == "仿宋_GB2312"
    assert body.style.font.size == Pt(12)
    assert body.style.paragraph_format.first_line_indent == Pt(0)
    header_run = table.rows[0].cells[0].paragraphs[0].runs[0]
    assert east_asia(header_run._r) == "黑体"


def test_schedule_goes_into_the_schedule_section():
    document = written(make_plan())
    body = list(document.element.body.iterchildren())
    heading = next(
        e for e in body if e.tag == qn("w:p") and "主要活动安排" in "".join(e.itertext())
    )
    assert body[body.index(heading) + 1].tag == qn("w:tbl")


def test_without_a_schedule_section_one_is_added_after_the_others():
    plan = make_plan(sections=[SectionData(title="组织建设"), SectionData(title="保障措施")])
    found = texts(written(plan))
    assert found.index("二、保障措施") < found.index("三、主要活动安排")


def test_no_items_means_no_table_and_no_added_section():
    document = written(make_plan(items=[], sections=[SectionData(title="组织建设")]))
    assert document.tables == []
    assert "二、主要活动安排" not in texts(document)


def test_same_month_rows_share_one_merged_month_cell():
    plan = make_plan(items=[item("甲", 5), item("乙", 5), item("丙", 6)])
    table = written(plan).tables[0]
    column = [row.cells[0] for row in table.rows[1:4]]
    assert column[0]._tc is column[1]._tc  # one merged cell spans 甲 and 乙
    assert column[0].text == "5月"
    assert column[2].text == "6月"
    assert [row.cells[1].text for row in table.rows[1:4]] == ["甲", "乙", "丙"]


def test_rows_follow_the_month_order_whatever_the_order_given():
    plan = make_plan(items=[item("九月的事", 9), item("一月的事", 1), item("二月的事", 2)])
    table = written(plan).tables[0]
    assert [row.cells[1].text for row in table.rows[1:4]] == ["一月的事", "二月的事", "九月的事"]


def test_footer_has_a_centred_page_field_between_dashes_in_songti_sihao():
    footer = written(make_plan()).sections[0].footer
    paragraph = footer.paragraphs[0]
    assert paragraph.alignment == 1
    xml = paragraph._p.xml
    assert "PAGE" in "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
    assert xml.count('w:fldCharType="begin"') == 1 and 'w:fldCharType="end"' in xml
    assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
    run = paragraph.runs[0]
    assert east_asia(run._r) == "宋体"
    assert run.font.size == Pt(14)


def test_signature_gives_organization_and_date_at_the_end():
    found = texts(written(make_plan()))
    assert found[-2:] == ["城关街道工会", "2027年1月8日"]


def test_signature_of_an_old_plan_has_no_invented_date():
    found = texts(written(make_plan(year=2001, title="旧计划"), signed_on=None))
    assert found[-1] == "城关街道工会"
