"""参加范围 phrases from the corpus and beyond, read into filters; unknown words stay unresolved."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionplan.scope import parse_scope

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def compact(data: dict) -> dict:
    """Only the keys that restrict something, to keep the expectations readable."""
    out = {k: v for k, v in data.items() if v not in (None, [], "members", False)}
    if "any_of" in out:
        out["any_of"] = [compact(c) for c in out["any_of"]]
    return out


# (phrase, expected compact filter, expected unresolved). The first block is every 参加范围
# in ../shared/corpus (01.txt has the column; seed.txt and 06.txt name people inside items).
CASES = [
    # 01.txt, 参加范围 column
    ("患病离退休和在职职工", {"status": ["retired", "active"]}, ["患病"]),
    ("全院职工", {}, []),
    ("职工代表", {"tags": ["职工代表"]}, []),
    ("部分职工", {}, ["部分"]),
    ("全院女职工", {"gender": "female"}, []),
    ("课题有关人员", {}, ["课题有关"]),
    ("职工代表与部门负责人", {"any_of": [{"tags": ["职工代表"]}, {"posts": ["部门负责人"]}]}, []),
    ("全院护士", {"posts": ["护士"]}, []),
    ("参赛职工", {}, ["参赛"]),
    ("14岁以下的职工子女", {"target": "children", "children_age_max": 14}, []),
    ("高考、中考的职工子女", {"target": "children"}, ["高考", "中考"]),
    ("各工会小组成员", {}, ["工会小组"]),
    ("职工子女", {"target": "children"}, []),
    ("参加旅游职工", {}, ["参加旅游"]),
    ("复转军人、现役军人家属", {"tags": ["退役军人", "军属"]}, []),
    ("全院工会干部", {"tags": ["工会干部"]}, []),
    ("工会基层干部", {"tags": ["工会干部"], "union_level": "grassroots"}, []),
    # seed.txt (traditional characters, as published)
    ("70周歲以上退休老教師", {"age_min": 70, "status": ["retired"], "posts": ["教师"]}, []),
    ("生病、家庭困難的教師", {"posts": ["教师"], "hardship": "any"}, ["生病"]),
    ("女教工", {"gender": "female"}, []),
    ("教工代表", {"tags": ["职工代表"]}, []),
    ("35周歲以下教師", {"age_max": 35, "posts": ["教师"]}, []),
    ("工會委員", {"tags": ["工会委员"]}, []),
    ("在職、退休", {"status": ["active", "retired"]}, []),
    ("老教師", {"posts": ["教师"]}, ["老"]),
    ("退休老教师", {"status": ["retired"], "posts": ["教师"]}, []),
    ("在职老教师", {"status": ["active"], "posts": ["教师"]}, ["老"]),
    ("特困教師", {"posts": ["教师"], "hardship": "deep"}, []),
    ("困难教师", {"posts": ["教师"], "hardship": "any"}, []),
    ("困难职工子女", {"target": "children", "hardship": "any"}, []),
    ("全體教職工", {}, []),
    ("全體工會會員", {}, []),
    ("青年教師", {"age_max": 35, "posts": ["教师"]}, []),
    # 06.txt
    ("退休教工", {"status": ["retired"]}, []),
    ("新教工", {"new_hire": True}, []),
    ("部分教師代表", {"tags": ["职工代表"]}, ["部分"]),
    ("教工子女", {"target": "children"}, []),
    ("教職工", {}, []),
    # 10.txt
    ("全体工会会员", {}, []),
    ("工会委员和工会小组长", {"tags": ["工会委员", "工会小组长"]}, []),
    # The issue's examples and the forms people write
    ("全体会员", {}, []),
    ("全校教职工", {}, []),
    ("当月过生日的会员", {"birthday_month": "current"}, []),
    ("本月生日职工", {"birthday_month": "current"}, []),
    ("3月份过生日的会员", {"birthday_month": 3}, []),
    ("十二月过生日的职工", {"birthday_month": 12}, []),
    ("困难职工", {"hardship": "any"}, []),
    ("全体困难会员", {"hardship": "any"}, []),
    ("特困职工", {"hardship": "deep"}, []),
    ("劳模", {"tags": ["劳模"]}, []),
    ("劳动模范", {"tags": ["劳模"]}, []),
    ("退役军人", {"tags": ["退役军人"]}, []),
    ("党员", {"tags": ["党员"]}, []),
    ("女教师", {"gender": "female", "posts": ["教师"]}, []),
    ("全体女职工", {"gender": "female"}, []),
    ("男职工", {"gender": "male"}, []),
    ("男女职工", {}, []),
    ("男、女职工", {"any_of": [{"gender": "male"}, {"gender": "female"}]}, []),
    ("35—50周岁", {"age_min": 35, "age_max": 50}, []),
    ("35-50岁女职工", {"age_min": 35, "age_max": 50, "gender": "female"}, []),
    ("３５～５０周岁", {"age_min": 35, "age_max": 50}, []),
    ("35岁至50岁的职工", {"age_min": 35, "age_max": 50}, []),
    ("60岁及以上", {"age_min": 60}, []),
    ("60周岁(含)以上", {"age_min": 60}, []),
    ("七十周岁以上退休职工", {"age_min": 70, "status": ["retired"]}, []),
    ("35岁以内", {"age_max": 35}, []),
    ("不满35周岁的职工", {"age_max": 34}, []),
    ("超过60岁", {"age_min": 61}, []),
    ("年满50周岁", {"age_min": 50}, []),
    ("50周岁职工", {"age_min": 50, "age_max": 50}, []),
    ("不满14周岁的职工子女", {"target": "children", "children_age_max": 13}, []),
    ("35岁以下、50岁以上的职工", {"any_of": [{"age_max": 35}, {"age_min": 50}]}, []),
    ("离退休职工", {"status": ["retired"]}, []),
    ("离职人员", {"status": ["left"]}, []),
    ("在职职工", {"status": ["active"]}, []),
    ("内科职工", {"departments": ["内科"]}, []),
    ("办公室全体人员", {"departments": ["办公室"]}, []),
    ("全院医生和护士", {"posts": ["医生", "护士"]}, []),
    ("困难党员", {"tags": ["党员"], "hardship": "any"}, []),
    ("全院职工 职工代表", {}, []),
    # Federation plans (issue 11; the issue's own list is in tests/members/test_scope_commands.py)
    ("全市各级工会会员", {}, []),
    ("辖区职工", {}, []),
    ("辖区基层工会", {"target": "unions"}, []),
    ("已建工会企业", {"target": "unions", "sectors": ["enterprise"]}, []),
    ("辖区企业", {}, ["企业"]),  # enterprises without a union are not in the registry
    ("各基层工会女职工", {}, ["各基层工会女职工"]),  # unions are not narrowed by members
    ("全市企业职工", {"sectors": ["enterprise"]}, []),
    ("基层工会财务人员", {"tags": ["工会财务人员"], "union_level": "grassroots"}, []),
    (
        "基层工会财务人员、经审委员",
        {
            "any_of": [
                {"tags": ["工会财务人员"], "union_level": "grassroots"},
                {"tags": ["经审委员"]},
            ]
        },
        [],
    ),
    (
        "总工会委员、基层工会主席",
        {
            "any_of": [
                {"tags": ["工会委员"], "union_level": "own"},
                {"tags": ["工会主席"], "union_level": "grassroots"},
            ]
        },
        [],
    ),
    ("总工会机关干部", {"union_level": "own"}, []),
    ("总工会经费审查委员会", {"tags": ["经审委员"], "union_level": "own"}, []),
    ("工会经费审查委员会", {"tags": ["经审委员"]}, []),
    (
        "集体协商指导员、基层工会干部",
        {
            "any_of": [
                {"tags": ["集体协商指导员"]},
                {"tags": ["工会干部"], "union_level": "grassroots"},
            ]
        },
        [],
    ),
    ("新入职教职工", {"new_hire": True}, []),
    ("新入职教师", {"new_hire": True, "posts": ["教师"]}, []),
    ("新员工", {"new_hire": True}, []),
    ("一线生产岗位职工", {"tags": ["一线职工"]}, []),
    ("一线教师", {"tags": ["一线职工"], "posts": ["教师"]}, []),
    ("高温一线职工、户外劳动者", {"tags": ["一线职工"]}, ["高温", "户外劳动者"]),
    ("35周岁以下青年职工", {"age_max": 35}, []),
    ("28周岁以下青年职工", {"age_max": 28}, []),
    ("中青年教师", {"posts": ["教师"]}, ["中青年"]),
    ("入党积极分子", {}, ["入党积极分子"]),  # not a union standing
    ("退休劳动模范", {"status": ["retired"], "tags": ["劳模"]}, []),
    ("劳动模范、先进集体代表", {"tags": ["劳模"]}, ["先进集体代表"]),
    ("女职工代表", {"gender": "female", "tags": ["职工代表"]}, []),
    ("教代会代表", {"tags": ["职工代表"]}, []),
    # Welfare words: understood, unresolved until the welfare records say them (困难职工 is
    # read from the hardship files)
    ("大病职工", {}, ["大病职工"]),
    ("单亲职工", {}, ["单亲职工"]),
    ("生病住院及家庭困难教职工", {"hardship": "any"}, ["生病住院"]),
    # the understood part of alternatives is the understood alternatives, not "anyone"
    ("患病职工、劳动模范", {"tags": ["劳模"]}, ["患病职工"]),
    ("求职职工、农民工", {"tags": ["农民工"]}, ["求职"]),
    ("军队转业干部、退役军人", {"tags": ["退役军人"]}, []),  # not a department called 干部
    ("35周岁以下青年干部", {"age_max": 35}, []),
    ("参赛职工、女职工", {"gender": "female"}, ["参赛"]),
    ("xyz", {}, ["xyz"]),
    ("某某", {}, ["某某"]),
    ("80后职工", {}, ["80后"]),
    ("", {}, ["（空）"]),
    ("   ", {}, ["（空）"]),
    ("全体", {}, ["全体"]),
    ("的", {}, ["的"]),
]


@pytest.mark.parametrize(("text", "expected", "unresolved"), CASES, ids=[c[0] for c in CASES])
def test_phrase(text, expected, unresolved):
    result = parse_scope(text)
    assert compact(result.to_json()["filter"]) == expected
    assert result.unresolved == unresolved


def test_to_json_is_json_with_the_fixed_shape():
    document = parse_scope("70周岁以上退休老教师").to_json()
    assert set(document) == {"text", "filter", "unresolved", "notes"}
    assert document["text"] == "70周岁以上退休老教师"
    assert {"age_min", "age_max", "gender", "status", "tags", "departments", "birthday_month",
            "children_age_max", "target", "posts", "any_of"} <= set(document["filter"])  # fmt: skip
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document


@pytest.mark.parametrize(
    ("text", "source"),
    [("生病住院", "福利慰问台账"), ("大病", "福利慰问台账"), ("单亲", "困难职工档案")],
)  # fmt: skip
def test_welfare_words_say_where_the_answer_will_come_from(text, source):
    result = parse_scope(text)
    assert not result.resolved
    assert len(result.notes) == 1 and source in result.notes[0]
    assert result.filter.tags == []  # never taken from a roster label


def test_hardship_words_are_read_from_the_files_not_a_roster_label():
    """困难职工 means an approved hardship file; a roster's 标签 困难职工 must not count."""
    result = parse_scope("困难职工、劳动模范")
    assert result.resolved and result.notes == []
    assert [clause.hardship for clause in result.filter.any_of] == ["any", None]
    assert all("困难职工" not in clause.tags for clause in result.filter.any_of)


def test_understood_phrases_have_no_notes():
    assert parse_scope("基层工会主席").notes == []


def test_everyone_only_when_understood():
    assert parse_scope("全体教职工").is_everyone
    assert not parse_scope("部分职工").is_everyone
    assert not parse_scope("部分职工").resolved


def test_pinyin_scrape_noise_is_ignored():
    assert parse_scope("退(tuì)休教工").unresolved == []


def _corpus_01_scopes() -> list[str]:
    lines = [line.strip(" |") for line in (CORPUS / "01.txt").read_text("utf-8").splitlines()]
    start = lines.index("参加范围") + 1
    cells = lines[start + 2 :: 3]  # month, activities, scope, month, …
    return [phrase for cell in cells for phrase in cell.split()]


@pytest.mark.skipif(not (CORPUS / "01.txt").exists(), reason="corpus not present")
def test_every_scope_of_corpus_01_has_a_case():
    phrases = _corpus_01_scopes()
    assert len(phrases) > 30
    assert set(phrases) <= {case[0] for case in CASES}


@given(st.text(max_size=40))
def test_random_text_never_crashes(text):
    result = parse_scope(text)
    assert isinstance(result.unresolved, list)
    json.dumps(result.to_json(), ensure_ascii=False)


KNOWN = ["全体", "女", "职工", "退休", "教师", "、", "和", "35周岁以下", "子女", "劳模", "的"]


@given(
    st.lists(st.sampled_from(KNOWN), max_size=6), st.sampled_from(["某某", "xyz", "参赛", "临时"])
)
def test_an_unknown_word_is_never_dropped(words, unknown):
    position = len(words) // 2
    text = "".join(words[:position]) + unknown + "".join(words[position:])
    result = parse_scope(text)
    assert result.unresolved
    assert not result.is_everyone


@pytest.mark.parametrize(
    ("text", "everyone", "status"),
    [
        ("全体教职工（含退休教职工）", True, []),
        ("全体教职工(含退休)", True, []),
        ("在职教职工（包括退休教职工）", False, ["active", "retired"]),
    ],
)
def test_including_clause_widens_to_both(text, everyone, status):
    """ "A（含B）" means A and B — never B alone (which once made 团拜会 list only retirees)."""
    result = parse_scope(text)
    assert result.is_everyone is everyone
    assert sorted(result.filter.status) == sorted(status)
    assert result.unresolved == []


def test_excluding_clause_is_not_silently_applied():
    assert parse_scope("全体教职工（不含退休）").unresolved
