"""A small plan factory for the writer tests: each test states the parts it looks at."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan import vocab
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


def generated_plan(count: int = 200, year: int = 2027) -> PlanData:
    """A plan of ``count`` activities drawn by the generator from every sector's library,
    in the shapes real plans have: most dated (some over several days, one across the new
    year), some only a month or a span of months, every status, budgets in whole yuan and in
    cents or none, and a few texts as people paste them (a leading dash, a plus, a formula
    sign, an apostrophe)."""
    from unionplan.generator.library import sector_codes
    from unionplan.generator.plan import generate_plan

    drafts = [
        generate_plan(sector, year, organization="城关街道总工会") for sector in sector_codes()
    ]
    pool = [item for draft in drafts for item in draft.items]
    statuses = [code for code, _label in vocab.ITEM_STATUSES]
    pasted = [
        "- 走访慰问困难职工",
        "+1 新会员入会仪式",
        "=职工之家=建设",
        "'三八'节活动",
        "@全体 职工大会",
    ]
    items = []
    for n in range(count - 1):
        base = pool[n % len(pool)]
        fields = dict(vars(base), status=statuses[n % len(statuses)])
        if n % 7 == 3:  # month only
            fields.update(date=None, end_date=None)
        if n % 23 == 5:  # 七、八月份
            fields.update(date=None, end_date=None, end_month=min(base.month + 1, 12))
        if n % 11 == 2:
            fields["budget"] = Decimal(f"{n * 37 % 5000}.{n % 100:02d}")
        if n % 13 == 4:
            fields["budget"] = None
        if n % 40 == 9:
            fields["text"] = pasted[n // 40 % len(pasted)]
        items.append(ItemData(**fields))
    items.append(
        ItemData(
            "岁末年初走访慰问",
            12,
            date=dt.date(year, 12, 29),
            end_date=dt.date(year + 1, 1, 2),
            scope="困难职工",
            budget=Decimal("8000"),
            category="welfare",
        )
    )
    first = drafts[0]
    first.targets.append(TargetData("全年开展集中培训不少于4次。", ">=", Decimal(4), unit="次"))
    return PlanData(
        title=f"城关街道总工会{year}年工作计划（{count}项）",
        year=year,
        organization="城关街道总工会",
        sections=first.sections,
        targets=first.targets,
        items=items,
    )
