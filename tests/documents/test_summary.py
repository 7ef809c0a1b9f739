"""The year-end summary writer on its own: plain dataclasses in, a Word document out."""

import datetime as dt
import io
import struct
import zlib
from decimal import Decimal

import docx
from docx.shared import Mm

from unionplan.documents.summary import (
    Chart,
    SummaryActivity,
    SummaryBudget,
    SummaryData,
    SummaryItem,
    SummarySection,
    SummaryTarget,
    summary_bytes,
)


def png_1x1() -> bytes:
    """A valid one-pixel PNG: the writer must embed whatever chart image it is given."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = png_1x1()


def sample() -> SummaryData:
    training = SummaryTarget("全年不少于4次集中培训", "3/4次（75%）", "未达成", met=False)
    return SummaryData(
        organization="实验中学工会",
        year=2027,
        plan_title="实验中学工会2027年工作计划",
        sections=[
            SummarySection(
                "加强工会干部培训",
                planned="组织工会干部参加市总工会集中培训。",
                targets=[training],
                children=[SummarySection("送温暖", planned="走访慰问困难教职工。")],
            )
        ],
        items=[
            SummaryItem(
                "3月8日",
                "三八妇女节活动",
                "已完成",
                True,
                Decimal(500),
                [SummaryActivity(dt.date(2027, 3, 8), "礼堂", 45, Decimal("320.50"))],
            ),
            SummaryItem("10月", "重阳节慰问退休教师", "已逾期", False, Decimal(2000)),
        ],
        targets=[training, SummaryTarget("建会率达到90%", "92%", "已达成", met=True)],
        budget=[SummaryBudget("节日活动", Decimal(500), Decimal("320.50"))],
        charts=[Chart("各月活动完成情况", PNG), Chart("经费预算与支出（按类别）", PNG)],
        signed_on=dt.date(2027, 12, 20),
    )


def open_doc(data: SummaryData) -> docx.document.Document:
    return docx.Document(io.BytesIO(summary_bytes(data)))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_title_overview_and_the_five_parts():
    document = open_doc(sample())
    paragraphs = texts(document)
    assert paragraphs[0] == "实验中学工会2027年度工作总结"
    overview = next(p for p in paragraphs if p.startswith("2027年"))
    assert "共安排活动2项，已完成1项（完成率50%）" in overview
    assert "累计开展活动1次、参加45人次" in overview and "已达成1项" in overview
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、计划执行情况", "二、主要活动完成情况", "三、目标完成情况",
                        "四、经费使用情况", "五、存在的问题和下一步打算"]  # fmt: skip


def test_the_plans_sections_follow_with_what_was_planned_and_their_targets():
    paragraphs = texts(open_doc(sample()))
    assert "（一）加强工会干部培训" in paragraphs
    assert (
        "1.送温暖" in paragraphs
        or "1. 送温暖" in paragraphs
        or any(p.endswith("送温暖") and p.startswith("1") for p in paragraphs)
    )
    assert "计划：组织工会干部参加市总工会集中培训。" in paragraphs
    assert "目标“全年不少于4次集中培训”：完成3/4次（75%），未达成。" in paragraphs


def test_tables_of_activities_targets_and_budget():
    items, targets, budget = open_doc(sample()).tables
    assert [c.text for c in items.rows[1].cells] == [
        "3月8日", "三八妇女节活动", "已完成", "3月8日", "45", "320.50"
    ]  # fmt: skip
    assert [c.text for c in items.rows[2].cells][2:] == ["已逾期", "", "", ""]
    assert targets.rows[2].cells[2].text == "已达成"
    assert [c.text for c in budget.rows[-1].cells] == ["合计", "500.00", "320.50", "64%"]


def test_charts_are_embedded_as_pictures_within_the_text_width():
    document = open_doc(sample())
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert all(abs(shape.width - Mm(150)) < Mm(1) for shape in shapes)
    assert "图：各月活动完成情况" in texts(document)


def test_unfinished_activities_are_listed_and_the_page_is_official():
    document = open_doc(sample())
    assert "尚未完成的活动有：重阳节慰问退休教师（已逾期）。" in texts(document)
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert texts(document)[-1] == "2027年12月20日"


def test_an_empty_year_still_gives_a_document():
    document = open_doc(SummaryData("某工会", 2027, "计划"))
    joined = "\n".join(texts(document))
    assert "本年度计划中没有列出活动" in joined and "未设定量化目标" in joined
    assert not document.tables
