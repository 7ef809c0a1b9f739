"""A plan as plain data: the shape every library speaks.

The parser produces it from documents, the generator from the activity library, the Django
models convert to and from it, and the document writers (Word, Excel, iCal) take it. Being
plain dataclasses (no Django), each of those can be used and tested on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

MAX_TITLE_LENGTH = 200
MAX_TEXT_LENGTH = 2000
# The heading under which a plan's month table is written when no section of its own holds
# it: the Word export adds it, and reading such a file back it is not a section of the plan.
SCHEDULE_TITLE = "主要活动安排"


@dataclass
class TargetData:
    """A quantified aim: 不少于4次集中培训 -> (">=", 4, None, "次")."""

    text: str
    comparator: str = ">="
    value: Decimal | None = None
    value_high: Decimal | None = None  # only for comparator "range"
    unit: str = ""


@dataclass
class SectionData:
    """A numbered part of a plan; its numbering follows from its place in the tree."""

    title: str
    body: str = ""
    children: list[SectionData] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)


@dataclass
class ItemData:
    """An activity of the month table (计划表)."""

    text: str
    month: int
    end_month: int | None = None  # a span: 七、八月份 -> month 7, end_month 8
    date: dt.date | None = None
    end_date: dt.date | None = None
    scope: str = ""  # 参加范围, in the scope language of unionplan.scope
    owner: str = ""  # 负责人
    budget: Decimal | None = None  # 经费, yuan
    category: str = "other"
    status: str = "planned"

    @property
    def months(self) -> list[int]:
        return list(range(self.month, (self.end_month or self.month) + 1))


@dataclass
class PlanData:
    """One organization's plan for one year."""

    title: str
    year: int | None = None
    organization: str = ""
    status: str = "draft"
    guiding_ideas: str = ""
    goals: str = ""
    sections: list[SectionData] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)  # targets outside any section
    items: list[ItemData] = field(default_factory=list)
    # The plan's own date — the 成文日期 of its 落款: the day it was approved, else the day it
    # was written (created); None when unknown. Never the day a file is exported.
    signed_on: dt.date | None = None
    # Which state and version an export was made from, as the line under its title says it:
    # （已通过，第3版，2027年1月16日批准） or （草稿）; empty for a plan that was never saved.
    edition: str = ""

    def all_targets(self) -> list[TargetData]:
        """Plan-level targets, then those of every section in document order."""
        found = list(self.targets)

        def walk(sections: list[SectionData]) -> None:
            for section in sections:
                found.extend(section.targets)
                walk(section.children)

        walk(self.sections)
        return found
