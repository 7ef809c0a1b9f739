"""A small plan factory for the writer tests: each test states the parts it looks at."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData


def item(text="慰问退休教师", month=1, **fields) -> ItemData:
    if "budget" in fields and fields["budget"] is not None:
        fields["budget"] = Decimal(str(fields["budget"]))
    return ItemData(text=text, month=month, **fields)


def make_plan(*, items=None, sections=None, targets=None, **fields) -> PlanData:
    """A two-section plan with three activities, unless told otherwise."""
    if sections is None:
        sections = [
            SectionData(
                title="组织建设",
                body="加强基层工会组织建设。\n扩大工会覆盖面。",
                targets=[TargetData("新建工会不少于10家", ">=", Decimal(10), unit="家")],
                children=[SectionData(title="会员发展", children=[SectionData(title="摸底")])],
            ),
            SectionData(title="主要活动安排"),
        ]
    if items is None:
        items = [
            item("庆三八妇女节", 3, date=dt.date(2027, 3, 8), scope="女职工", owner="王芳",
                 budget=2000),
            item("职工健身活动", 3, scope="全体职工", budget="1500.50"),
            item("协助百年校庆筹备", 7, end_month=8, owner="张强"),
        ]  # fmt: skip
    defaults = {"title": "城关街道工会2027年工作计划", "year": 2027, "organization": "城关街道工会"}
    return PlanData(**{**defaults, **fields}, sections=sections, targets=targets or [], items=items)
