"""Section numbers: drawn from a section's place, and a typed one taken off (issue 9, item 7)."""

import pytest

from unionplan.plan.numbering import section_number, strip_section_number


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("五、新增章节", "新增章节"),
        ("十二、 年终总结", "年终总结"),
        ("一.组织建设", "组织建设"),
        ("（三）加强培训", "加强培训"),
        ("(三)加强培训", "加强培训"),
        ("3.加强培训", "加强培训"),
        ("3、加强培训", "加强培训"),
        ("3． 学习", "学习"),
        ("（1）举办培训班", "举办培训班"),
        (" (12) 举办培训班", "举办培训班"),
    ],
)
def test_a_typed_number_of_the_scheme_is_taken_off(typed, kept):
    assert strip_section_number(typed) == kept


@pytest.mark.parametrize(
    "title",
    ["三八节活动", "2027年工作要点", "1.5万元慰问金发放", "第一部分 总体要求", "一、", "（一）",
     "五一劳动节", "十佳职工评选", "3D打印竞赛", "12345热线"],
)  # fmt: skip
def test_other_beginnings_stay(title):
    assert strip_section_number(title) == title


@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("position", [1, 5, 12])
def test_every_number_the_plan_draws_is_recognised(level, position):
    assert strip_section_number(section_number(level, position) + "工作目标") == "工作目标"
