import pytest

from unionplan.text.blocks import Table
from unionplan.text.structure import build_plans


def _plans(text):
    plans, warnings = build_plans(text.strip().split("\n"))
    return plans, warnings


def _tree(sections):
    return [(s.level, s.number, s.title, _tree(s.children)) for s in sections]


def _schedule(plan):
    return [(e.when.months, [i.text for i in e.items]) for e in plan.schedule]


def test_sections_nest_in_the_order_markers_appear():
    plans, _ = _plans(
        """工会计划
一、指导思想：坚持服务职工。
二、主要工作
（一）组织建设。正文在此。
1、发展会员
（二）民主管理
三、保障措施"""
    )
    assert _tree(plans[0].sections) == [
        (1, "一、", "指导思想", []),
        (1, "二、", "主要工作", [
            (2, "（一）", "组织建设", [(3, "1、", "发展会员", [])]),
            (2, "（二）", "民主管理", []),
        ]),
        (1, "三、", "保障措施", []),
    ]  # fmt: skip
    assert plans[0].sections[0].body == ["坚持服务职工。"]
    assert plans[0].sections[1].children[0].body == ["正文在此。"]


def test_a_plan_starting_at_a_lower_marker_has_it_at_level_1():
    plans, _ = _plans("计划篇一\n前言。\n（一）夯实基础。一是…\n（二）机制创新\n1、细则")
    assert _tree(plans[0].sections) == [
        (1, "（一）", "夯实基础", []),
        (1, "（二）", "机制创新", [(2, "1、", "细则", [])]),
    ]
    assert plans[0].intro == ["前言。"]


def test_an_outer_marker_after_an_inner_one_goes_up_not_down():
    plans, _ = _plans("计划\n1、前言\n一、正文\n二、结尾")
    assert [(s.level, s.number) for s in plans[0].sections] == [
        (1, "1、"),
        (1, "一、"),
        (1, "二、"),
    ]


def test_levels_stop_at_four():
    plans, _ = _plans("计划\n一、甲\n（一）乙\n第一，丙\n1、丁\n（1）戊")
    deepest = plans[0].sections[0].children[0].children[0].children[0]
    assert (deepest.level, deepest.children, deepest.body) == (4, [], ["（1）戊"])


def test_colon_headings_are_sections_when_nothing_is_numbered():
    plans, _ = _plans(
        "2009年工会工作计划\n指导思想：在党委领导下开展工作。\n具体工作：\n一月份：联欢会"
    )
    assert [(s.number, s.title) for s in plans[0].sections] == [
        (None, "指导思想"),
        (None, "具体工作"),
    ]
    assert plans[0].year == 2009
    assert _schedule(plans[0]) == [([1], ["联欢会"])]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("引言\n计划篇一\n一、甲\n计划篇二\n一、乙", ["计划篇一", "计划篇二"]),
        ("模板锦集9篇\n工作计划 篇1\n一、甲", ["工作计划 篇1"]),
        (
            "第一篇 学校工会计划\n一、甲\n第二篇 医院工会计划\n一、乙",
            ["第一篇 学校工会计划", "第二篇 医院工会计划"],
        ),
        ("工会工作计划\n一、甲\n工会工作计划\n一、乙", ["工会工作计划", "工会工作计划"]),
        (
            "工會工作計劃篇一\n一、甲\n工會工作計劃篇二\n一、乙",
            ["工會工作計劃篇一", "工會工作計劃篇二"],
        ),
    ],
)
def test_several_plans_in_one_document(text, titles):
    plans, _ = _plans(text)
    assert [plan.title for plan in plans] == titles


def test_a_preamble_with_structure_is_a_plan_of_its_own():
    plans, _ = _plans("总计划\n一、总则\n计划篇一\n一、甲")
    assert [p.title for p in plans] == ["总计划", "计划篇一"]


@pytest.mark.parametrize(
    ("title", "year"),
    [("2009年工会工作计划", 2009), ("20XX年工会工作计划", None), ("工会计划", None),
     ("2024-2025学年工会计划", 2024), ("20xx年度计划", None)],
)  # fmt: skip
def test_year(title, year):
    plans, _ = _plans(f"{title}\n一、甲")
    assert plans[0].year == year


def test_numbered_lines_under_a_month_are_activities_until_a_section_marker():
    plans, _ = _plans(
        """计划
四、活动安排：
一月份：
1、庆元旦活动
2、慰问70周岁以上退休老教师。
七、八月份：
1、协助学校做好校庆筹备
五、保障措施
1、经费保障"""
    )
    plan = plans[0]
    assert _schedule(plan) == [
        ([1], ["庆元旦活动", "慰问70周岁以上退休老教师"]),
        ([7, 8], ["协助学校做好校庆筹备"]),
    ]
    assert plan.schedule[0].items[1].scope == "70周岁以上退休老教师"
    assert _tree(plan.sections) == [
        (1, "四、", "活动安排", []),
        (1, "五、", "保障措施", [(2, "1、", "经费保障", [])]),
    ]
    assert "一月份：" in plan.sections[0].body


def test_a_number_continuing_the_sections_ends_the_schedule():
    plans, _ = _plans("计划\n1、目标\n2、安排\n三月：\n1、联欢\n3、保障措施")
    assert _schedule(plans[0]) == [([3], ["联欢"])]
    assert [s.title for s in plans[0].sections] == ["目标", "安排", "保障措施"]


def test_unnumbered_lines_under_a_month_are_activities():
    plans, _ = _plans("计划\n十一月份\n教职工羽毛球比赛\n工会委员学习培训")
    assert _schedule(plans[0]) == [([11], ["教职工羽毛球比赛", "工会委员学习培训"])]


def test_targets_stay_with_their_section_and_not_in_the_schedule():
    plans, _ = _plans(
        "计划\n组织两次培训。\n一、目标\n入会率达到95%以上。\n二、安排\n6月：\n1、组织一次座谈会"
    )
    plan = plans[0]
    assert [t.text for t in plan.targets] == ["组织两次培训"]
    assert [t.value for t in plan.sections[0].targets] == [95]
    assert plan.sections[1].targets == []


def test_tables_become_schedule_entries():
    blocks = ["计划", "一、安排", Table([["时间", "活动内容"], ["三月", "联欢 比赛"]])]
    plans, _ = build_plans(blocks)
    assert _schedule(plans[0]) == [([3], ["联欢", "比赛"])]
    assert plans[0].sections[0].body == ["时间 | 活动内容", "三月 | 联欢 比赛"]


def test_junk_lines_of_web_pages_are_dropped():
    plans, _ = _plans("计划\n一、甲\n下一页更多精彩“工会工作年度计划”")
    assert plans[0].sections[0].body == []


def test_a_plan_without_structure_gets_a_warning():
    plans, warnings = _plans("只有一句话。\n又一句话。")
    assert len(plans) == 1 and plans[0].title == ""
    assert warnings and "没有识别出" in warnings[0]


def test_simplified_output():
    plans, _ = build_plans(["工會計劃", "一、組織建設"], simplified=True)
    assert (plans[0].title, plans[0].sections[0].title) == ("工会计划", "组织建设")


def test_numbered_month_headings_and_headings_naming_their_content():
    plans, _ = _plans(
        "计划\n一、活动安排\n（一）三月份活动安排：\n1、庆三八\n（二）第二季度工作重点\n1、运动会\n二、保障"
    )
    assert _schedule(plans[0]) == [([3], ["庆三八"]), ([4, 5, 6], ["运动会"])]
    assert [s.title for s in plans[0].sections] == ["活动安排", "保障"]


@pytest.mark.parametrize(
    "note",
    [
        "（2027年度）",
        "（征求意见稿）",
        "（2026年3月5日工会委员会讨论通过）",
        "(2026年2月经教代会审议通过)",
        "（已通过，第3版，2027年1月16日批准）",
    ],
)
def test_a_bracketed_note_under_the_title_is_not_the_plans_text(note):
    plans, _ = _plans(
        f"""实验小学工会2027年工作计划
{note}
为做好本年度工会工作，特制定本计划。
一、指导思想
坚持服务职工。
"""
    )
    assert plans[0].intro == ["为做好本年度工会工作，特制定本计划。"]
    assert [s.title for s in plans[0].sections] == ["指导思想"]


def test_a_bracketed_line_that_is_a_heading_or_its_number_stays():
    plans, _ = _plans(
        """实验小学工会2027年工作计划
（一）指导思想
坚持服务职工。
（二）主要工作
开展活动。
"""
    )
    assert [s.title for s in plans[0].sections] == ["指导思想", "主要工作"]
