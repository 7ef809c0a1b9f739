import contextlib
import json
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionplan.errors import UserInputError
from unionplan.text import MAX_FILE_BYTES, ParseResult, parse_bytes, parse_path

DOCUMENTS = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
SEED_LIKE = """工會工作年度計劃篇三
一、指導思想：
堅持以“科學發(fā)展觀”重要思想為指導。
二、工作目標：
各基層工會全年不少於1次集中培訓。
四、主要活動安排：
七、八月份：
1、協助學校做好學校百年校慶的籌備工作
2、慰問70周歲以上退休老教師。
"""


def _json(text, **kwargs):
    return parse_bytes(text.encode(), "plan.txt", **kwargs).to_json_dict()


def test_json_has_exactly_the_shape_of_design_5():
    data = _json(SEED_LIKE)
    assert set(data) == {"source", "plans", "warnings"}
    plan = data["plans"][0]
    assert set(plan) == {"title", "year", "sections", "schedule", "targets"}
    assert set(plan["sections"][0]) == {"level", "number", "title", "body", "children"}
    assert set(plan["schedule"][0]) == {"month", "months", "items"}
    assert set(plan["schedule"][0]["items"][0]) == {"text", "scope", "budget"}
    assert set(plan["targets"][0]) == {"text", "comparator", "value", "unit"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_json_values():
    plan = _json(SEED_LIKE)["plans"][0]
    assert plan["title"] == "工會工作年度計劃篇三"
    assert plan["sections"][0] == {
        "level": 1,
        "number": "一、",
        "title": "指導思想",
        "body": "堅持以“科學發展觀”重要思想為指導。",
        "children": [],
    }
    assert plan["schedule"][0]["month"] == 7 and plan["schedule"][0]["months"] == [7, 8]
    assert plan["schedule"][0]["items"][1] == {
        "text": "慰問70周歲以上退休老教師",
        "scope": "70周歲以上退休老教師",
        "budget": None,
    }
    target = plan["targets"][0]
    assert (target["comparator"], target["value"], target["unit"]) == (">=", 1, "次")
    assert isinstance(target["value"], int)


def test_schedule_items_carry_the_budget_their_row_or_text_names():
    text = (
        "活动安排\n三月份：\n1、女职工登山活动，经费2000元\n2、慰问困难职工每人500元\n"
        "3、职工运动会，约1.5万元\n4、演讲比赛，预算：1,200.50元\n"
        "| 时间 | 活动内容 | 经费 |\n|---|---|---|\n| 五月 | 羽毛球比赛 | 3万 |\n"
        "| 六月 | 观影 | 无 |\n"
    )
    items = [i for e in _json(text)["plans"][0]["schedule"] for i in e["items"]]
    assert [i["budget"] for i in items] == [2000, None, 15000, 1200.5, 30000, None]
    assert isinstance(items[0]["budget"], int)


def test_range_and_decimal_values_are_json_numbers():
    targets = _json("计划\n组织1—2期培训，覆盖率达到98.5%。")["plans"][0]["targets"]
    assert [t["value"] for t in targets] == [[1, 2], 98.5]


def test_simplified_output_converts_every_text():
    plan = _json(SEED_LIKE, simplified=True)["plans"][0]
    assert plan["title"] == "工会工作年度计划篇三"
    assert plan["schedule"][0]["items"][1]["scope"] == "70周岁以上退休老教师"


@pytest.mark.parametrize(
    "name",
    ["plan_gbk.txt", "plan_big5.txt", "plan_utf8_bom.txt", "plan_numbering_table.docx",
     "plan_table.html", "plan_quarters.txt", "plan.md"],
)  # fmt: skip
def test_every_test_document_gives_sections_schedule_and_targets(name):
    result = parse_path(DOCUMENTS / name, simplified=True)
    plan = result.to_json_dict()["plans"][0]
    assert plan["year"] in (2025, 2026)
    assert plan["sections"] and plan["schedule"] and plan["targets"]
    assert result.warnings == []


def test_encodings_give_the_same_plan():
    plans = [
        parse_path(DOCUMENTS / name, simplified=True).to_json_dict()["plans"]
        for name in ("plan_gbk.txt", "plan_big5.txt", "plan_utf8_bom.txt")
    ]
    assert plans[0] == plans[1] == plans[2]


def test_word_document_plan_data():
    data = parse_path(DOCUMENTS / "plan_numbering_table.docx").plan_data(0)
    assert data.year == 2025
    assert [s.title for s in data.sections][:2] == ["指导思想", "工作目标"]
    assert [t.value for t in data.sections[1].children[0].targets] == [Decimal(90)]
    first = data.items[0]
    assert (first.text, first.month, first.scope, first.owner, first.budget, first.category) == (
        "春节送温暖慰问困难职工", 1, "困难职工", "赵敏", Decimal(20000), "welfare",
    )  # fmt: skip
    summer = data.items[-1]
    assert (summer.month, summer.end_month, summer.months) == (7, 8, [7, 8])


def test_plan_data_dates_need_a_year():
    result = parse_bytes("计划\n三月份：\n1、3.8妇女节联欢".encode(), "a.txt")
    assert result.plan_data(0).items[0].date is None
    assert str(result.plan_data(0, year=2026).items[0].date) == "2026-03-08"
    with pytest.raises(UserInputError):
        result.plan_data(3)


def test_plan_data_keeps_guiding_ideas_in_their_section_only():
    data = parse_bytes(SEED_LIKE.encode(), "a.txt").plan_data(0)
    assert "科學發展觀" in data.sections[0].body
    assert data.guiding_ideas == "" and data.goals == ""
    assert data.all_targets()[0].unit == "次"


def test_plan_data_preamble_becomes_guiding_ideas():
    text = "2027年市总工会工作计划\n2027年工会工作总体思路是：服务大局、服务职工。\n（一）加强学习\n各基层工会全年不少于1次集中培训。\n"
    data = parse_bytes(text.encode(), "a.txt").plan_data(0)
    assert "总体思路" in data.guiding_ideas
    assert data.sections[0].title.startswith("加强学习")


def test_parse_path_errors_are_user_errors(tmp_path):
    with pytest.raises(UserInputError, match="找不到"):
        parse_path(tmp_path / "missing.txt")
    with pytest.raises(UserInputError, match="文件夹"):
        parse_path(tmp_path)


# --- robustness ----------------------------------------------------------------------------


def test_50_mb_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(UserInputError, match="过大"):
        parse_path(path)


@pytest.mark.parametrize(
    "data",
    [b"", os.urandom(4096), bytes(range(256)) * 64, b"\x00" * 1000],
)
def test_empty_or_binary_is_a_clear_error(data):
    with pytest.raises(UserInputError):
        parse_bytes(data, "plan.txt")


def test_truncated_docx_is_a_clear_error():
    data = (DOCUMENTS / "plan_numbering_table.docx").read_bytes()
    with pytest.raises(UserInputError, match=r"损坏|不完整"):
        parse_bytes(data[: len(data) // 2], "plan.docx")


def test_ten_thousand_lines_without_structure_give_a_warning():
    text = "\n".join(f"这是没有任何编号的第{i}行普通文字，内容平平。" for i in range(10_000))
    result = parse_bytes(text.encode(), "plain.txt")
    assert result.warnings and result.to_json_dict()["plans"][0]["sections"] == []


def test_a_long_line_without_breaks_does_not_hang():
    line = ("一、" + "不少于" * 50_000 + "1—" * 50_000 + "(ā" * 50_000).encode()
    started = time.perf_counter()
    assert isinstance(parse_bytes(line, "long.txt"), ParseResult)
    assert time.perf_counter() - started < 30  # a hang guard, not a speed test


_CHARS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc"))
_PLANNY = st.sampled_from(
    ["一、", "（一）", "1、", "(1)", "一月份：", "七、八月份", "第一季度", "3月8日", "3.8",
     "不少于", "1—2期", "十家", "%", "篇一", "\n", " | ", "\t", "發(fā)", "</p>", "?;顒?",
     "指导思想：", "工作计划", "以上", "两次", "百分之", "①"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PLANNY, st.text(_CHARS, max_size=12)), max_size=40))
def test_random_text_gives_a_result_or_a_user_error(pieces):
    text = "".join(pieces)
    for name in ("random.txt", "random.html", "random.md", "random"):
        try:
            result = parse_bytes(text.encode(), name)
        except UserInputError:
            continue
        json.dumps(result.to_json_dict())
        for index in range(len(result.plans)):
            result.plan_data(index, year=2024)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["r.txt", "r.docx", "r.html", "r"]))
def test_random_bytes_give_a_result_or_a_user_error(data, name):
    with contextlib.suppress(UserInputError):
        parse_bytes(data, name)


def test_saved_plan_keeps_schedule_lines_out_of_section_text():
    text = "2027年工会工作计划\n一、主要活动安排\n三月份：\n1、植树活动\n二、保障措施\n落实经费。\n"
    data = parse_bytes(text.encode(), "plan.txt").plan_data(0)
    assert [s.title for s in data.sections] == ["主要活动安排", "保障措施"]  # not last: kept
    assert "植树" not in data.sections[0].body
    """The month lines become items; a saved section's text must not repeat them."""
    text = "2027年工会工作计划\n一、指导思想\n服务职工。\n二、主要活动安排\n三月份：\n1、庆祝三八妇女节\n2、植树活动\n"
    result = parse_bytes(text.encode(), "plan.txt")
    data = result.plan_data(0)
    assert [item.text for item in data.items] == ["庆祝三八妇女节", "植树活动"]
    # 二、主要活动安排 held only the month table: it is where the table goes (the Word export
    # writes it there again), not a section of the saved plan
    assert [section.title for section in data.sections] == ["指导思想"]
    assert data.sections[0].body == "服务职工。"
    # the JSON keeps the document's text under its section, as DESIGN.md §5 shows
    assert "植树" in result.to_json_dict()["plans"][0]["sections"][1]["body"]
