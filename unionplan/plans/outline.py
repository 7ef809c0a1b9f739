"""A plan's sections as a numbered tree, built from three queries whatever its size.

The plan page, the exports and copying a plan all need the same tree; building it here
keeps the numbering rule (``unionplan.plan.numbering``) in one place and the query count
independent of the number of sections, targets and items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unionplan.plan.numbering import section_number
from unionplan.plan.order import month_table_key
from unionplan.plans.models import Plan, ScheduleItem, Section, Target

# Ties of the month table's order (``unionplan.plan.order.month_table_key``, the one rule
# of the page and of every file): the order people gave the activities.
ITEM_ORDER = ("order", "id")


@dataclass
class SectionNode:
    section: Section
    level: int
    number: str
    children: list[SectionNode] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass
class Outline:
    plan: Plan
    sections: list[SectionNode]
    loose_targets: list[Target]  # targets not tied to a section
    items: list[ScheduleItem]

    def walk(self):
        """Every section node in document order."""
        stack = list(reversed(self.sections))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def build_outline(plan: Plan) -> Outline:
    sections = list(Section.objects.filter(plan=plan).order_by("order", "id"))
    targets = list(
        Target.objects.filter(plan=plan)
        .select_related("handed_down_from__plan__organization")
        .order_by("order", "id")
    )
    items = sorted(
        ScheduleItem.objects.filter(plan=plan).order_by(*ITEM_ORDER),
        key=lambda item: month_table_key(item.month, item.end_month, item.date),
    )
    by_parent: dict[int | None, list[Section]] = {}
    for section in sections:
        by_parent.setdefault(section.parent_id, []).append(section)
    targets_by_section: dict[int | None, list[Target]] = {}
    for target in targets:
        targets_by_section.setdefault(target.section_id, []).append(target)

    def nodes(parent_id: int | None, level: int) -> list[SectionNode]:
        children = by_parent.get(parent_id, [])
        return [
            SectionNode(
                section=section,
                level=level,
                number=section_number(min(level, 4), position),
                children=nodes(section.id, level + 1),
                targets=targets_by_section.get(section.id, []),
            )
            for position, section in enumerate(children, start=1)
        ]

    return Outline(
        plan=plan,
        sections=nodes(None, 1),
        loose_targets=targets_by_section.get(None, []),
        items=items,
    )
