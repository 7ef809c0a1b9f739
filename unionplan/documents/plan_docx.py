"""The annual plan as a Word document in the layout of Chinese official documents.

Title, an optional preamble (指导思想, 工作目标), the numbered sections with their targets,
the month table (计划表) with its total, and the 落款. Layout comes from ``official``; this
module only decides what goes where.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH

from unionplan.documents import docx_package, official
from unionplan.plan.data import SCHEDULE_TITLE, ItemData, PlanData, SectionData
from unionplan.plan.money import money, total_budget
from unionplan.plan.numbering import MAX_LEVEL, section_number
from unionplan.plan.order import ordered_items
from unionplan.plan.wording import paragraphs, targets_sentence, when_label

SCHEDULE_COLUMNS = (
    official.Column("月份", 25, WD_ALIGN_PARAGRAPH.CENTER),
    official.Column("活动内容", 54),
    official.Column("参加范围", 30),
    official.Column("负责人", 22, WD_ALIGN_PARAGRAPH.CENTER),  # 工会主席 on one line
    official.Column("经费（元）", 25, WD_ALIGN_PARAGRAPH.RIGHT),
)  # 156 mm: the full width of the 版心
TOTAL_LABEL = "合计"
# A section whose title contains one of these takes the month table.
_SCHEDULE_WORDS = ("活动安排", "计划表", "工作安排", "活动计划", "工作日程")


def write_docx(plan: PlanData, out: str | BinaryIO, *, signed_on: dt.date | None = None) -> None:
    """Write ``plan`` as .docx to ``out`` (a path or a binary file object).

    ``signed_on`` is the 成文日期 of the 落款; by default the plan's own date
    (``plan.signed_on``: approval, else creation), never the day of the export.
    """
    document = plan_document(plan, signed_on=signed_on)
    document.save(out)


def plan_document(plan: PlanData, *, signed_on: dt.date | None = None) -> DocumentObject:
    """The python-docx Document of ``plan``, for callers that add to it before saving."""
    document = official.new_document()
    docx_package.describe(
        document, title=plan.title, organization=plan.organization, subject="年度工作计划"
    )
    official.add_title(document, plan.title)
    if plan.year and str(plan.year) not in plan.title:
        official.add_subtitle(document, f"（{plan.year}年度）")
    if plan.edition:  # which state and version this file comes from
        official.add_subtitle(document, plan.edition)
    official.add_blank_line(document)
    _preamble(document, plan)
    table_home = _schedule_section(plan.sections) if plan.items else None
    _sections(document, plan, plan.sections, level=1, table_home=table_home)
    if plan.items and table_home is None:
        number = section_number(1, len(plan.sections) + 1)
        official.add_heading(document, 1, number, SCHEDULE_TITLE)
        add_schedule_table(document, plan.items)
    official.add_signature(document, plan.organization, signed_on or plan.signed_on)
    return document


def _preamble(document: DocumentObject, plan: PlanData) -> None:
    """指导思想 and 工作目标 before the sections — unless a section already holds that text
    (the generator copies those sections' bodies into the plan's fields)."""
    bodies = {_squash(section.body) for section in plan.sections}
    for text in (plan.guiding_ideas, plan.goals):
        if text.strip() and _squash(text) not in bodies:
            for paragraph in paragraphs(text):
                official.add_body(document, paragraph)
    sentence = targets_sentence(plan.targets)
    if sentence:
        official.add_body(document, sentence)


def _sections(
    document: DocumentObject,
    plan: PlanData,
    sections: list[SectionData],
    *,
    level: int,
    table_home: SectionData | None,
) -> None:
    for position, section in enumerate(sections, start=1):
        shown = min(level, MAX_LEVEL)
        official.add_heading(document, shown, section_number(shown, position), section.title)
        for paragraph in paragraphs(section.body):
            official.add_body(document, paragraph)
        sentence = targets_sentence(section.targets)
        if sentence:
            official.add_body(document, sentence)
        _sections(document, plan, section.children, level=level + 1, table_home=table_home)
        if section is table_home:
            add_schedule_table(document, plan.items)


def _schedule_section(sections: list[SectionData]) -> SectionData | None:
    """The top-level section about the activity schedule (四、主要活动安排), if any."""
    for section in sections:
        if any(word in section.title for word in _SCHEDULE_WORDS):
            return section
    return None


def add_schedule_table(document: DocumentObject, items: list[ItemData]):
    """The 计划表: 月份 | 活动内容 | 参加范围 | 负责人 | 经费（元）, one row per activity, months
    merged over consecutive rows, and a 合计 row with the total budget."""
    ordered = ordered_items(items)
    rows = [
        (
            when_label(item),
            item.text,
            item.scope,
            item.owner,
            money(item.budget),
        )
        for item in ordered
    ]
    table = official.add_table(document, SCHEDULE_COLUMNS, rows, merge_first_column=True)
    total = official.add_table_row(
        table,
        SCHEDULE_COLUMNS,
        (TOTAL_LABEL, "", "", "", money(total_budget(items)) or "0"),
        font=official.HEITI,
    )
    merged = total[0].merge(total[3])
    merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for paragraph in merged.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    return table


def _squash(text: str) -> str:
    return "".join(text.split())
