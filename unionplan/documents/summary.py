"""The year-end summary (年度工作总结) as a Word document — pure, no Django.

It takes plain dataclasses (``SummaryData``) and lays them out with the same official-document
building blocks as the plan (``unionplan.documents.official``): what the plan set out to do,
section by section, then what was done — activities with dates and participants, targets met
and missed, spending against budget, with the dashboard's charts as pictures — and a last
part left for the committee to write. It is a draft to edit, not a finished report.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm

from unionplan.accounting.accounts import LineFigures, figures_total
from unionplan.documents import docx_package, official
from unionplan.plan.money import money
from unionplan.plan.numbering import section_number

ZERO = Decimal("0.00")
CHART_WIDTH_MM = 150


@dataclass
class SummaryActivity:
    """One time an activity was held."""

    date: dt.date
    place: str = ""
    participants: int = 0
    spent: Decimal = ZERO


@dataclass
class SummaryItem:
    """A planned activity and what became of it."""

    when: str  # 3月, 7–8月, 3月8日
    text: str
    state: str  # 已完成, 已逾期…
    done: bool
    budget: Decimal | None = None
    activities: list[SummaryActivity] = field(default_factory=list)

    @property
    def participants(self) -> int:
        return sum(a.participants for a in self.activities)

    @property
    def spent(self) -> Decimal:
        return sum((a.spent for a in self.activities), ZERO)


@dataclass
class SummaryTarget:
    text: str
    progress: str  # 3/4次（75%）
    status: str  # 已达成, 未达成…
    met: bool


@dataclass
class SummarySection:
    """A section of the plan: its title, what it planned (its text) and its targets."""

    title: str
    planned: str = ""
    targets: list[SummaryTarget] = field(default_factory=list)
    children: list[SummarySection] = field(default_factory=list)


@dataclass
class SummaryBudget:
    label: str
    budget: Decimal
    spent: Decimal


@dataclass
class Chart:
    title: str
    png: bytes


@dataclass
class SummaryData:
    organization: str
    year: int
    plan_title: str
    sections: list[SummarySection] = field(default_factory=list)
    items: list[SummaryItem] = field(default_factory=list)
    targets: list[SummaryTarget] = field(default_factory=list)
    budget: list[SummaryBudget] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    signed_on: dt.date | None = None
    # Plan vs budget vs actual by account line (every kind of expense); empty: not shown.
    lines: list[LineFigures] = field(default_factory=list)
    whole_subtree: bool = False  # a federation's figures include the unions below it

    @property
    def title(self) -> str:
        return f"{self.organization}{self.year}年度工作总结"


ITEM_COLUMNS = (
    official.Column("时间", 20, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("活动内容", 46),
    official.Column("完成情况", 20, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("开展日期", 28, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("参加人次", 20, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("支出（元）", 22, WD_ALIGN_PARAGRAPH.RIGHT),
)  # 156 mm
TARGET_COLUMNS = (
    official.Column("目标", 84),
    official.Column("完成情况", 44, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("评价", 28, WD_ALIGN_PARAGRAPH.CENTER),
)
BUDGET_COLUMNS = (
    official.Column("类别", 46),
    official.Column("预算（元）", 38, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("支出（元）", 38, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("执行率", 34, WD_ALIGN_PARAGRAPH.RIGHT),
)
LINE_COLUMNS = (
    official.Column("会计科目", 44),
    official.Column("计划（元）", 28, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("预算（元）", 28, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("实际（元）", 28, WD_ALIGN_PARAGRAPH.RIGHT),
    official.Column("执行率", 28, WD_ALIGN_PARAGRAPH.RIGHT),
)
PLANNED_EXCERPT = 150  # characters of a section's text quoted as "what was planned"


def write_summary(data: SummaryData, out: str | BinaryIO) -> None:
    """Write the summary as .docx to ``out`` (a path or a binary file object)."""
    summary_document(data).save(out)


def summary_bytes(data: SummaryData) -> bytes:
    out = io.BytesIO()
    write_summary(data, out)
    return out.getvalue()


def summary_document(data: SummaryData) -> DocumentObject:
    document = official.new_document()
    docx_package.describe(
        document, title=data.title, organization=data.organization, subject="年度工作总结"
    )
    official.add_title(document, data.title)
    official.add_blank_line(document)
    official.add_body(document, overview(data))
    parts = [
        ("计划执行情况", _plan_part),
        ("主要活动完成情况", _items_part),
        ("目标完成情况", _targets_part),
        ("经费使用情况", _budget_part),
        ("存在的问题和下一步打算", _next_part),
    ]
    for position, (title, write) in enumerate(parts, start=1):
        official.add_heading(document, 1, section_number(1, position), title)
        write(document, data)
    official.add_signature(document, data.organization, data.signed_on)
    return document


def overview(data: SummaryData) -> str:
    """The opening paragraph: the year in figures."""
    done = sum(1 for item in data.items if item.done)
    held = sum(len(item.activities) for item in data.items)
    people = sum(item.participants for item in data.items)
    met = sum(1 for t in data.targets if t.met)
    budget = sum((b.budget for b in data.budget), ZERO)
    spent = sum((b.spent for b in data.budget), ZERO)
    rate = f"（完成率{round(done * 100 / len(data.items))}%）" if data.items else ""
    return (
        f"{data.year}年，{data.organization}按照《{data.plan_title}》，全年共安排活动"
        f"{len(data.items)}项，已完成{done}项{rate}，累计开展活动{held}次、参加{people}人次；"
        f"设定目标{len(data.targets)}项，已达成{met}项；全年活动经费预算{money(budget)}元，"
        f"实际支出{money(spent)}元。现将全年工作总结如下。"
    )


def _plan_part(document: DocumentObject, data: SummaryData) -> None:
    if not data.sections:
        official.add_body(document, "本年度计划未分章节。")

    def walk(sections: list[SummarySection], level: int) -> None:
        for position, section in enumerate(sections, start=1):
            number = section_number(min(level, 4), position)
            official.add_heading(document, level, number, section.title)
            if section.planned:
                official.add_body(document, f"计划：{_excerpt(section.planned)}")
            for target in section.targets:
                official.add_body(
                    document, f"目标“{target.text}”：完成{target.progress}，{target.status}。"
                )
            walk(section.children, level + 1)

    walk(data.sections, 2)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PLANNED_EXCERPT else text[:PLANNED_EXCERPT] + "……"


def _items_part(document: DocumentObject, data: SummaryData) -> None:
    if not data.items:
        official.add_body(document, "本年度计划中没有列出活动。")
        return
    done = [item for item in data.items if item.done]
    official.add_body(
        document, f"全年计划活动{len(data.items)}项，已完成{len(done)}项。各项活动开展情况见下表。"
    )
    rows = [
        [
            item.when,
            item.text,
            item.state,
            _dates(item),
            str(item.participants) if item.activities else "",
            money(item.spent) if item.activities else "",
        ]
        for item in data.items
    ]
    official.add_table(document, ITEM_COLUMNS, rows, merge_first_column=True)
    _chart(document, data, "各月活动完成情况")


def _dates(item: SummaryItem) -> str:
    return "、".join(f"{a.date.month}月{a.date.day}日" for a in item.activities)


def _targets_part(document: DocumentObject, data: SummaryData) -> None:
    if not data.targets:
        official.add_body(document, "本年度计划未设定量化目标。")
        return
    met = [t for t in data.targets if t.met]
    text = f"计划设定量化目标{len(data.targets)}项，已达成{len(met)}项"
    missed = [t.text for t in data.targets if not t.met]
    text += f"，尚未达成的有：{'；'.join(missed)}。" if missed else "，全部达成。"
    official.add_body(document, text)
    rows = [[t.text, t.progress, t.status] for t in data.targets]
    official.add_table(document, TARGET_COLUMNS, rows)


def _budget_part(document: DocumentObject, data: SummaryData) -> None:
    budget = sum((b.budget for b in data.budget), ZERO)
    spent = sum((b.spent for b in data.budget), ZERO)
    official.add_body(
        document,
        f"全年活动经费预算{money(budget)}元，实际支出{money(spent)}元"
        + (f"，执行率{round(spent * 100 / budget)}%。" if budget else "。"),
    )
    if data.budget:
        rows = [[b.label, money(b.budget), money(b.spent), _rate(b.budget, b.spent)]
                for b in data.budget]  # fmt: skip
        rows.append(["合计", money(budget), money(spent), _rate(budget, spent)])
        official.add_table(document, BUDGET_COLUMNS, rows)
    _chart(document, data, "经费预算与支出")
    _lines_part(document, data)


def _lines_part(document: DocumentObject, data: SummaryData) -> None:
    """计划 / 预算 / 实际 by account line: the activities' 经费, the budget approved with the
    plan (and adjusted), and every expense — records, welfare, reimbursements."""
    shown = [line for line in data.lines if line.any()]
    if not shown:
        return
    whole = "（含下级工会）" if data.whole_subtree else ""
    total = figures_total(data.lines)
    budget = "未批准" if total.budget is None else f"{money(total.budget)}元"
    official.add_body(
        document,
        f"按《工会会计制度》会计科目{whole}：计划经费{money(total.planned)}元，批准预算{budget}，"
        f"实际支出{money(total.actual)}元（含活动支出、福利慰问和报销）。",
    )
    rows = [_line_row(line) for line in [*shown, total]]
    official.add_table(document, LINE_COLUMNS, rows)


def _line_row(line: LineFigures) -> list[str]:
    budget = "—" if line.budget is None else money(line.budget)
    rate = "" if line.percent is None else f"{line.percent}%"
    return [line.label, money(line.planned), budget, money(line.actual), rate]


def _rate(budget: Decimal, spent: Decimal) -> str:
    return f"{round(spent * 100 / budget)}%" if budget else ""


def _next_part(document: DocumentObject, data: SummaryData) -> None:
    open_items = [item for item in data.items if not item.done]
    if open_items:
        listed = "；".join(f"{item.text}（{item.state}）" for item in open_items)
        official.add_body(document, f"尚未完成的活动有：{listed}。")
    official.add_body(
        document, "（请在此补充本年度工作中存在的问题、经验体会和下一年度的工作打算。）"
    )


def _chart(document: DocumentObject, data: SummaryData, prefix: str) -> None:
    """The chart whose title starts with ``prefix``, centred, with its caption."""
    for chart in data.charts:
        if chart.title.startswith(prefix):
            paragraph = official.add_styled_paragraph(document, "", official.TABLE_STYLE)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            # The table style's exact line pitch would clip the picture to one line.
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            paragraph.add_run().add_picture(io.BytesIO(chart.png), width=Mm(CHART_WIDTH_MM))
            caption = official.add_styled_paragraph(
                document, f"图：{chart.title}", official.TABLE_STYLE
            )
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
