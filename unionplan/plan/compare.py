"""What a 调整 changed: the approved plan and its revision, row by row.

A revision is made by editing the approved plan in place, so every section, target and
activity keeps its id: a row is matched by id, never by its text, and a reworded activity
is one "changed" row rather than one removed and one added. The approved side is a
snapshot (``Snapshot``), taken when the adjustment was opened; the other side is the plan
now (or the next adjustment's snapshot, for an older one).

Pure Python: the rows are plain dicts of JSON values, as the snapshot stores them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from unionplan.plan.data import ItemData, TargetData
from unionplan.plan.money import money
from unionplan.plan.wording import target_label, when_label

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"
KIND_LABELS = {ADDED: "新增", REMOVED: "删除", CHANGED: "修改", SAME: "未变"}

# The fields a snapshot keeps of each kind of row.
PLAN_FIELDS = ("title", "guiding_ideas", "goals")
SECTION_FIELDS = ("title", "body", "parent", "order")
TARGET_FIELDS = ("text", "comparator", "value", "value_high", "unit", "section", "order")
ITEM_FIELDS = ("month", "end_month", "date", "end_date", "text", "scope", "owner", "budget",
               "category", "order")  # fmt: skip

# The columns the comparison shows for each part: (key, heading, the fields it is made of).
# A row differs when a shown field does; a row only moved up or down has not changed.
COLUMNS: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
    "sections": [("title", "标题", ("title",)), ("body", "正文", ("body",))],
    "targets": [("label", "目标", ("text", "comparator", "value", "value_high", "unit"))],
    "items": [
        ("when", "时间", ("month", "end_month", "date", "end_date")),
        ("text", "活动内容", ("text",)),
        ("scope", "参加范围", ("scope",)),
        ("owner", "负责人", ("owner",)),
        ("budget", "经费（元）", ("budget",)),
    ],
}
PARTS = {part: tuple(f for _k, _h, fields in columns for f in fields)
         for part, columns in COLUMNS.items()}  # fmt: skip

Row = dict[str, Any]
Snapshot = dict[str, Any]  # {"plan": Row, "sections": [Row], "targets": [Row], "items": [Row]}


@dataclass(frozen=True)
class RowChange:
    kind: str  # ADDED, REMOVED, CHANGED or SAME
    before: Row | None
    after: Row | None
    fields: tuple[str, ...] = ()  # the fields that differ, for CHANGED

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Comparison:
    plan: RowChange
    parts: dict[str, list[RowChange]] = field(default_factory=dict)
    budget_before: Decimal = Decimal("0")
    budget_after: Decimal = Decimal("0")

    @property
    def budget_difference(self) -> Decimal:
        return self.budget_after - self.budget_before

    def counts(self) -> dict[str, int]:
        """{kind: rows of that kind} over every part, the plan's own fields counted once."""
        counted = {ADDED: 0, REMOVED: 0, CHANGED: 0}
        for change in [self.plan, *(c for rows in self.parts.values() for c in rows)]:
            if change.kind in counted:
                counted[change.kind] += 1
        return counted

    @property
    def changed(self) -> bool:
        return any(self.counts().values())


def _differing(before: Row, after: Row, fields: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in fields if _normal(before.get(name)) != _normal(after.get(name)))


def _normal(value: Any) -> Any:
    """Equal money is equal however it was written ("3000" and "3000.00"); "" is None."""
    if value in ("", None):
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value)).normalize()
    if isinstance(value, str):
        try:
            return Decimal(value).normalize() if value.strip()[:1].isdigit() else value
        except InvalidOperation:
            return value
    return value


def compare_rows(before: list[Row], after: list[Row], fields: tuple[str, ...]) -> list[RowChange]:
    """Each row of either side, matched by ``id``: the rows of ``after`` in their order (each
    new, changed or the same), with each removed row placed after the row that preceded it."""
    old = {row["id"]: row for row in before}
    new_ids = {row["id"] for row in after}
    changes: list[RowChange] = []
    removed_after: dict[Any, list[Row]] = {}
    previous = None
    for row in before:
        if row["id"] not in new_ids:
            removed_after.setdefault(previous, []).append(row)
        else:
            previous = row["id"]
    changes += [RowChange(REMOVED, row, None) for row in removed_after.get(None, [])]
    for row in after:
        earlier = old.get(row["id"])
        if earlier is None:
            changes.append(RowChange(ADDED, None, row))
        else:
            differing = _differing(earlier, row, fields)
            changes.append(RowChange(CHANGED if differing else SAME, earlier, row, differing))
        changes += [RowChange(REMOVED, gone, None) for gone in removed_after.get(row["id"], [])]
    return changes


def _budget(items: list[Row]) -> Decimal:
    total = Decimal("0")
    for item in items:
        if item.get("budget") not in (None, ""):
            total += Decimal(str(item["budget"]))
    return total


def compare(before: Snapshot, after: Snapshot) -> Comparison:
    """The approved plan ``before`` against its revision ``after``."""
    plan_fields = _differing(before["plan"], after["plan"], PLAN_FIELDS)
    return Comparison(
        plan=RowChange(
            CHANGED if plan_fields else SAME, before["plan"], after["plan"], plan_fields
        ),
        parts={
            part: compare_rows(before.get(part, []), after.get(part, []), fields)
            for part, fields in PARTS.items()
        },
        budget_before=_budget(before.get("items", [])),
        budget_after=_budget(after.get("items", [])),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def cells(part: str, row: Row | None) -> dict[str, str]:
    """{column key: text} of a snapshot row, worded as the plan page words it."""
    if row is None:
        return {}
    if part == "items":
        item = ItemData(text=row.get("text", ""), month=row["month"], end_month=row.get("end_month"),
                        date=_date(row.get("date")), end_date=_date(row.get("end_date")))  # fmt: skip
        return {"when": when_label(item), "text": item.text, "scope": row.get("scope") or "",
                "owner": row.get("owner") or "", "budget": money(_decimal(row.get("budget")))}  # fmt: skip
    if part == "targets":
        target = TargetData(text=row.get("text", ""), comparator=row.get("comparator") or ">=",
                            value=_decimal(row.get("value")),
                            value_high=_decimal(row.get("value_high")), unit=row.get("unit") or "")  # fmt: skip
        return {"label": target_label(target)}
    return {"title": row.get("title", ""), "body": row.get("body", "")}


def changed_columns(part: str, change: RowChange) -> set[str]:
    """The keys of the columns whose fields ``change`` altered."""
    return {key for key, _heading, fields in COLUMNS[part] if set(fields) & set(change.fields)}
