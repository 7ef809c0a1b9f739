"""A Word file the app writes comes back (issue 9 item 5): export -> parse -> import keeps
the top-level sections, every item with its month, dates, scope, owner and budget, and every
target; the 落款 at the end is read as the 落款, not as a section or an activity.

Checked field by field on the plans the demo is made of (the draft generator's plan of every
sector, and seed.txt's three real plans as the demo imports them) and on a generated plan of
200 items with every shape of month, date and amount a plan has.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

import pytest

from unionplan import vocab
from unionplan.documents.plan_docx import write_docx
from unionplan.generator import generate_plan
from unionplan.imports.saving import import_plans
from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData
from unionplan.plans.convert import plan_to_data
from unionplan.text import parse_bytes, parse_path

YEAR = 2027
SIGNED_ON = dt.date(2027, 1, 8)
SEED = Path(__file__).resolve().parents[2] / "unionplan" / "demo" / "seed.txt"
SECTORS = [code for code, _ in vocab.SECTORS]


def _exported(data: PlanData) -> bytes:
    out = io.BytesIO()
    write_docx(data, out, signed_on=SIGNED_ON)
    return out.getvalue()


def _parsed(data: PlanData):
    return parse_bytes(_exported(data), "计划.docx")


def _item_fields(item: ItemData) -> tuple:
    return (item.month, item.end_month, item.date, item.end_date, item.text, item.scope,
            item.owner, item.budget)  # fmt: skip


def _items(data: PlanData) -> list[tuple]:
    return sorted((_item_fields(item) for item in data.items), key=repr)


def _target_fields(target: TargetData) -> tuple:
    return (target.text, target.comparator, target.value, target.value_high, target.unit)


def _targets(data: PlanData) -> list[tuple]:
    return [_target_fields(target) for target in data.all_targets()]


def assert_round_trip(original: PlanData, back: PlanData) -> None:
    """Field by field: sections, items, targets of ``back`` are those of ``original``."""
    assert back.title == original.title
    assert [s.title for s in back.sections] == [s.title for s in original.sections]
    assert _items(back) == _items(original)
    assert _targets(back) == _targets(original)
    assert (back.organization, back.signed_on) == (original.organization, SIGNED_ON)


@pytest.mark.parametrize("sector", SECTORS)
def test_generated_plan_of_every_sector_comes_back(sector):
    original = generate_plan(sector, YEAR, organization="示例单位工会")
    result = _parsed(original)
    assert len(result.plans) == 1 and result.warnings == []
    assert_round_trip(original, result.plan_data(0, year=YEAR))


def test_the_signature_is_not_a_section_nor_an_item():
    original = generate_plan("school", YEAR, organization="实验小学工会")
    plan = _parsed(original).plans[0]
    assert (plan.signed_by, plan.signed_on) == ("实验小学工会", (2027, 1, 8))
    texts = [s.title for s in plan.sections] + [i.text for e in plan.schedule for i in e.items]
    texts += [line for s in plan.sections for line in s.body] + plan.intro
    assert not any(t == "实验小学工会" or "2027年1月8日" in t for t in texts)
    assert all(entry.items for entry in plan.schedule)


def _plan_of_200_items() -> PlanData:
    """200 activities: single months, spans, dates and date ranges, amounts small and large
    (1,182,000.00 is where a reader stopping at the comma lost money), scopes and owners."""
    rng = random.Random(9)
    items = []
    for index in range(200):
        month = index % 12 + 1
        item = ItemData(text=f"第{index + 1}项活动：{rng.choice(['职工篮球赛', '困难职工走访慰问', '读书分享会', '技能比武'])}",
                        month=month, scope=rng.choice(["", "全体会员", "女职工", "一线职工"]),
                        owner=rng.choice(["", "王红", "工会主席"]))  # fmt: skip
        shape = index % 5
        if shape == 1 and month < 12:
            item.end_month = month + 1
        elif shape == 2:
            item.date = dt.date(YEAR, month, rng.randint(1, 28))
        elif shape == 3:
            start = rng.randint(1, 20)
            item.date, item.end_date = dt.date(YEAR, month, start), dt.date(YEAR, month, start + 5)
        amounts = [
            None,
            Decimal("800"),
            Decimal("200000"),
            Decimal("1182000.00"),
            Decimal("2500.5"),
        ]
        item.budget = amounts[index % len(amounts)]
        items.append(item)
    sections = [
        SectionData("指导思想", "以习近平新时代中国特色社会主义思想为指导，服务职工。"),
        SectionData(
            "工作目标",
            "全面完成年度任务。",
            targets=[
                TargetData("职工入会率达到95%以上", ">=", Decimal(95), None, "%"),
                TargetData("新建职工之家不少于3家", ">=", Decimal(3), None, "家"),
                TargetData("组织1—2期工会干部培训", "range", Decimal(1), Decimal(2), "期"),
            ],
        ),
        SectionData(
            "重点工作",
            "围绕中心，服务大局。",
            children=[
                SectionData("加强组织建设", "推进新就业形态劳动者入会。"),
                SectionData("关心职工生活", "做好困难职工帮扶。"),
            ],
        ),
        SectionData("保障措施", "加强经费管理。"),
    ]
    return PlanData(title=f"示例公司工会{YEAR}年工作计划", year=YEAR, organization="示例公司工会",
                    sections=sections, items=items)  # fmt: skip


def test_a_plan_of_200_items_comes_back():
    original = _plan_of_200_items()
    result = _parsed(original)
    back = result.plan_data(0, year=YEAR)
    assert len(back.items) == 200
    assert_round_trip(original, back)


def test_export_parse_import_of_the_demo_plans(org):
    """seed.txt's plans as the demo imports them, then exported, parsed and imported again."""
    first = import_plans(org, parse_path(SEED), year=YEAR - 1)
    for plan in first:
        original = plan_to_data(plan)
        result = _parsed(original)
        plan.delete()  # the title is free again for the second import
        (again,) = import_plans(org, result, year=YEAR - 1)
        back = plan_to_data(again)
        assert [s.title for s in back.sections] == [s.title for s in original.sections]
        assert _items(back) == _items(original)
        assert _targets(back) == _targets(original)


def test_the_edition_under_the_title_is_written_and_not_read_back_as_content():
    """（已通过，第3版，…批准） says which state and version the file comes from; importing the
    file gives the plan back without it in any text (a new plan starts as a draft)."""
    from dataclasses import asdict, replace

    import docx

    edition = "（已通过，第3版，2027年1月16日批准）"
    original = replace(generate_plan("school", YEAR, organization="实验小学工会"), edition=edition)
    content = _exported(original)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
    assert edition in paragraphs[:4]
    result = parse_bytes(content, "计划.docx")
    assert len(result.plans) == 1 and result.warnings == []
    back = result.plan_data(0, year=YEAR)
    assert_round_trip(original, back)
    assert "第3版" not in repr(asdict(back))
