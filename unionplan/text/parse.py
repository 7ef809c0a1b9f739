"""The entry points: a file (path or bytes) -> ParseResult -> JSON or PlanData.

``ParseResult.to_json_dict()`` is the JSON of DESIGN.md §5, which `unionplan plan parse`
prints; ``ParseResult.plan_data(i)`` is the i-th plan in the shape the rest of the system
speaks (unionplan.plan.data), for the import preview and for saving.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from unionplan.errors import UserInputError
from unionplan.plan.data import SCHEDULE_TITLE, ItemData, PlanData, SectionData, TargetData
from unionplan.text.categories import guess_category
from unionplan.text.clean import to_simplified
from unionplan.text.model import Entry, Item, Plan, Section, Target
from unionplan.text.readers import MAX_FILE_BYTES, read_blocks, too_large_message
from unionplan.text.structure import build_plans


@dataclass
class ParseResult:
    """What a document holds: its plans, and warnings about what was not understood."""

    source: str
    plans: list[Plan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict:
        """The JSON document of DESIGN.md §5 (ready for json.dumps)."""
        return {
            "source": self.source,
            "plans": [_plan_json(plan) for plan in self.plans],
            "warnings": list(self.warnings),
        }

    def plan_data(self, index: int = 0, *, year: int | None = None) -> PlanData:
        """The ``index``-th plan as PlanData; ``year`` (else the plan's own) dates activities."""
        if not 0 <= index < len(self.plans):
            raise UserInputError(f"文件中只有{len(self.plans)}份计划，没有第{index + 1}份。")
        return _plan_data(self.plans[index], year or self.plans[index].year)


def parse_bytes(data: bytes, filename: str, *, simplified: bool = False) -> ParseResult:
    """Parse an uploaded file; UserInputError (in Chinese) for anything unreadable."""
    blocks, _ = read_blocks(data, filename)
    plans, warnings = build_plans(blocks, simplified=simplified)
    return ParseResult(Path(filename or "").name, plans, warnings)


def parse_path(path: str | Path, *, simplified: bool = False) -> ParseResult:
    """Parse a file on disk; a missing, unreadable or oversized file is a UserInputError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise UserInputError(f"“{path}”是一个文件夹，不是文件。")
        if path.stat().st_size > MAX_FILE_BYTES:  # refused before reading 50 MB into memory
            raise UserInputError(too_large_message(path.stat().st_size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserInputError(f"找不到文件“{path}”。") from None
    except PermissionError:
        raise UserInputError(f"没有权限读取文件“{path}”。") from None
    except OSError as error:
        raise UserInputError(f"无法读取文件“{path}”：{error.strerror or error}。") from None
    return parse_bytes(data, path.name, simplified=simplified)


# --- JSON -----------------------------------------------------------------------------------


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _plan_json(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "year": plan.year,
        "sections": [_section_json(section) for section in plan.sections],
        "schedule": [_entry_json(entry) for entry in plan.schedule],
        "targets": [_target_json(target) for target in plan.all_targets()],
    }


def _section_json(section: Section) -> dict:
    return {
        "level": section.level,
        "number": section.number,
        "title": section.title,
        "body": "\n".join(section.body),
        "children": [_section_json(child) for child in section.children],
    }


def _entry_json(entry: Entry) -> dict:
    return {
        "month": entry.when.month,
        "months": entry.when.months,
        "items": [
            {
                "text": item.text,
                "scope": item.scope,
                "budget": _number(item.budget) if item.budget is not None else None,
            }
            for item in entry.items
        ],
    }


def _target_json(target: Target) -> dict:
    value: object = _number(target.value)
    if target.comparator == "range" and target.high is not None:
        value = [_number(target.value), _number(target.high)]
    return {
        "text": target.text,
        "comparator": target.comparator,
        "value": value,
        "unit": target.unit,
    }


# --- PlanData -------------------------------------------------------------------------------


def _plan_data(plan: Plan, year: int | None) -> PlanData:
    # The last section, 五、主要活动安排, holding nothing but the month table is where the
    # table goes, not a section of the plan: the Word export writes it there again.
    kept = plan.sections
    if kept and _only_schedule(kept[-1]) and _simplified(kept[-1].title) == SCHEDULE_TITLE:
        kept = kept[:-1]
    sections = [_section_data(section) for section in kept]
    data = PlanData(
        title=plan.title or "工作计划",
        year=year,
        organization=plan.signed_by,
        signed_on=_date(plan.signed_on[0], plan.signed_on[1:]) if plan.signed_on else None,
        sections=sections,
        targets=[_target_data(target) for target in plan.targets],
        items=[_item_data(item, entry, year) for entry in plan.schedule for item in entry.items],
    )
    # The preamble before the first section (篇二's 总体思路); 指导思想 and 工作目标 written as
    # numbered sections stay there only, so a plan never carries the same text twice.
    data.guiding_ideas = "\n".join(plan.intro)
    return data


def _simplified(text: str) -> str:
    return to_simplified(text).strip().rstrip("：:")


def _only_schedule(section: Section) -> bool:
    return bool(section.body) and not (section.prose or section.children or section.targets)


def _section_data(section: Section) -> SectionData:
    return SectionData(
        title=section.title,
        body="\n".join(section.prose),
        children=[_section_data(child) for child in section.children],
        targets=[_target_data(target) for target in section.targets],
    )


def _target_data(target: Target) -> TargetData:
    return TargetData(target.text, target.comparator, target.value, target.high, target.unit)


def _item_data(item: Item, entry: Entry, year: int | None) -> ItemData:
    when = entry.when
    return ItemData(
        text=item.text,
        month=when.month,
        end_month=when.end_month if when.end_month != when.month else None,
        date=_date(year, item.day),
        end_date=_date(year, item.end_day),
        scope=item.scope or "",
        owner=item.owner,
        budget=item.budget,
        category=guess_category(item.text),
    )


def _date(year: int | None, day: tuple[int, int] | None) -> dt.date | None:
    if year is None or day is None:
        return None
    try:
        return dt.date(year, *day)
    except ValueError:  # 2月30日: keep the month, drop the impossible day
        return None
