import datetime as dt
from decimal import Decimal

import pytest

from unionplan.errors import UserInputError
from unionplan.fundrules import KINDS, load_packs, normalize_province, pack_in_force
from unionplan.fundrules.packs import PACKS_DIR, parse_pack

GOOD = """
[pack]
id = "test-2020"
province = "安徽省"
title = "测试办法"
document_number = "测工发〔2020〕1号"
in_force_from = 2020-01-01
status = "待核对"

[rules.birthday]
per_event = 300
frequency = "yearly"
article = "第五条"
"""


def test_every_shipped_pack_loads_cites_its_document_and_awaits_confirmation():
    packs = load_packs()
    assert {p.id for p in packs} >= {
        "anhui-2018", "anhui-2025", "fujian-2018", "guizhou", "heilongjiang-2017"
    }  # fmt: skip
    for pack in packs:
        assert pack.status == "待核对"
        assert pack.title and pack.in_force_from
        assert set(pack.rules) <= set(KINDS)
        for rule in pack.rules.values():
            assert rule.article
            assert rule.per_event or rule.per_person_year


def test_the_figures_quoted_in_the_issue():
    packs = {p.id: p for p in load_packs()}
    anhui18, anhui25 = packs["anhui-2018"], packs["anhui-2025"]
    assert anhui18.rules["festival"].per_person_year == 1500
    assert anhui18.rules["relative_death"].per_event == 1000
    assert anhui25.rules["festival"].per_person_year == 2200
    assert anhui25.rules["festival"].forms_forbidden == ("现金", "购物卡")
    assert anhui25.rules["hospital"].frequency == "per_illness_yearly"
    assert anhui25.document_number == "皖工发〔2025〕18号"
    assert packs["fujian-2018"].rules["hospital"].event_cap("手术") == 1000
    assert packs["fujian-2018"].rules["hospital"].event_cap() == 500
    assert packs["guizhou"].rules["festival"].event_cap("春节") == 500
    assert packs["guizhou"].rules["festival"].event_cap("中秋") == 200
    assert packs["heilongjiang-2017"].rules["festival"].per_person_year == 1000


def test_a_province_and_a_date_choose_the_version_in_force():
    packs = load_packs()
    assert pack_in_force(packs, "安徽省", dt.date(2018, 3, 12)).id == "anhui-2018"
    assert pack_in_force(packs, "安徽", dt.date(2024, 12, 31)).id == "anhui-2018"
    assert pack_in_force(packs, "安徽省", dt.date(2025, 6, 1)).id == "anhui-2025"
    with pytest.raises(UserInputError, match="不在安徽经费规则的施行期内"):
        pack_in_force(packs, "安徽省", dt.date(2018, 3, 11))
    with pytest.raises(UserInputError, match="尚无西藏的经费规则"):
        pack_in_force(packs, "西藏自治区", dt.date(2025, 1, 1))
    with pytest.raises(UserInputError, match="没有填写所在省份"):
        pack_in_force(packs, "", dt.date(2025, 1, 1))


def test_province_names_lose_their_suffix():
    assert normalize_province("广西壮族自治区") == "广西"
    assert normalize_province(" 福建省 ") == "福建"
    assert normalize_province("北京市") == "北京"


def test_a_good_pack_parses():
    pack = parse_pack(GOOD, "test.toml")
    assert pack.province == "安徽"
    assert pack.rules["birthday"].per_event == Decimal("300")
    assert pack.document == "《测试办法》（测工发〔2020〕1号）"


@pytest.mark.parametrize(
    ("broken", "words"),
    [
        ("[pack\n", "不是有效的 TOML"),
        (GOOD.replace('status = "待核对"', 'status = "ok"'), "status 应为"),
        (GOOD.replace("per_event = 300", 'per_event = "三百"'), "应为金额数字"),
        (GOOD.replace("per_event = 300", "per_event = -1"), "应大于0元"),
        (GOOD.replace("per_event = 300\n", ""), "须有 per_event"),
        (GOOD.replace('"yearly"', '"weekly"'), "frequency 应为"),
        (GOOD.replace("rules.birthday", "rules.pizza"), "未知的慰问种类“pizza”"),
        (GOOD.replace("in_force_from = 2020-01-01", 'in_force_from = "2020"'), "应为日期"),
        (GOOD.replace('article = "第五条"', ""), "缺少“article”"),
        (GOOD.replace('title = "测试办法"', 'title = "测试办法"\ncolour = 1'), "不认识的项"),
    ],
)
def test_a_broken_pack_is_refused_in_chinese_naming_the_file(broken, words):
    with pytest.raises(UserInputError) as caught:
        parse_pack(broken, "broken.toml")
    assert caught.value.message.startswith("经费规则文件 broken.toml 有误")
    assert words in caught.value.message


def test_an_operator_folder_replaces_a_shipped_pack_and_adds_new_ones(tmp_path, monkeypatch):
    confirmed = (PACKS_DIR / "heilongjiang-2017.toml").read_text("utf-8")
    confirmed = confirmed.replace('status = "待核对"', 'status = "已核对"')
    confirmed = confirmed.replace("per_person_year = 1000", "per_person_year = 1200")
    (tmp_path / "hlj.toml").write_text(confirmed, "utf-8")
    (tmp_path / "test.toml").write_text(GOOD.replace("安徽省", "西藏自治区"), "utf-8")
    monkeypatch.setenv("UNIONPLAN_FUND_RULES_DIR", str(tmp_path))
    packs = {p.id: p for p in load_packs()}
    assert packs["heilongjiang-2017"].status == "已核对"
    assert packs["heilongjiang-2017"].rules["festival"].per_person_year == 1200
    assert packs["test-2020"].province == "西藏"


def test_a_missing_operator_folder_is_said_so(tmp_path):
    with pytest.raises(UserInputError, match="经费规则目录"):
        load_packs(tmp_path / "nowhere")


def test_two_files_with_one_id_in_a_folder_are_refused(tmp_path):
    (tmp_path / "a.toml").write_text(GOOD, "utf-8")
    (tmp_path / "b.toml").write_text(GOOD, "utf-8")
    with pytest.raises(UserInputError, match="id 相同"):
        load_packs(tmp_path)


def test_as_dict_carries_citations_and_rules():
    pack = pack_in_force(load_packs(), "安徽省", dt.date(2025, 6, 1))
    data = pack.as_dict()
    assert data["document_number"] == "皖工发〔2025〕18号"
    assert data["rules"]["festival"]["per_person_year"] == 2200
    assert data["rules"]["hospital"]["frequency_text"] == "同一疾病每年一次"
