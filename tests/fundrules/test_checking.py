import datetime as dt
from decimal import Decimal as D

import pytest

from unionplan.errors import UserInputError
from unionplan.fundrules import Given, check, load_packs, pack_in_force

PACKS = load_packs()
ANHUI_2025 = pack_in_force(PACKS, "安徽省", dt.date(2025, 6, 1))
ANHUI_2018 = pack_in_force(PACKS, "安徽省", dt.date(2020, 6, 1))
FUJIAN = pack_in_force(PACKS, "福建省", dt.date(2020, 6, 1))
GUIZHOU = pack_in_force(PACKS, "贵州省", dt.date(2020, 6, 1))
DAY = dt.date(2025, 9, 17)


def test_a_festival_gift_within_the_yearly_cap_is_allowed():
    history = [Given("festival", dt.date(2025, 1, 20), D(800))]
    decision = check(ANHUI_2025, "festival", D(600), DAY, history)
    assert decision.allowed
    assert (decision.cap, decision.used, decision.remaining) == (D(2200), D(800), D(1400))
    assert "符合规定" in decision.reason and "皖工发〔2025〕18号" in decision.reason


def test_the_festivals_of_a_year_together_stay_within_the_yearly_cap():
    history = [Given("festival", dt.date(2025, m, 1), D(500)) for m in (1, 4, 5, 6)]
    history.append(Given("festival", dt.date(2024, 9, 1), D(2000)))  # last year does not count
    decision = check(ANHUI_2025, "festival", D(300), DAY, history)
    assert not decision.allowed
    assert (decision.used, decision.remaining) == (D(2000), D(200))
    assert "每人每年不超过2,200.00元" in decision.reason
    assert "还可发200.00元" in decision.reason


def test_other_kinds_do_not_count_against_the_festival_cap():
    history = [Given("hospital", dt.date(2025, 2, 1), D(2000), "肺炎")]
    assert check(ANHUI_2025, "festival", D(2200), DAY, history).allowed


def test_cash_and_shopping_cards_are_refused_for_festivals_vouchers_allowed():
    assert not check(ANHUI_2025, "festival", D(100), DAY, [], form="现金").allowed
    refused = check(ANHUI_2025, "festival", D(100), DAY, [], form="购物卡")
    assert "不得以购物卡形式发放" in refused.reason
    assert check(ANHUI_2025, "festival", D(100), DAY, [], form="指定商家提货券").allowed


def test_a_birthday_once_a_year_and_within_its_cap():
    assert check(ANHUI_2025, "birthday", D(500), DAY, []).allowed
    assert not check(ANHUI_2025, "birthday", D(501), DAY, []).allowed
    again = check(
        ANHUI_2025, "birthday", D(100), DAY, [Given("birthday", dt.date(2025, 3, 1), D(300))]
    )
    assert not again.allowed and "每人每年一次" in again.reason
    assert again.remaining == 0
    next_year = check(
        ANHUI_2025, "birthday", D(100), DAY, [Given("birthday", dt.date(2024, 3, 1), D(300))]
    )
    assert next_year.allowed


def test_the_same_illness_once_a_year_another_illness_again():
    history = [Given("hospital", dt.date(2025, 2, 1), D(1000), "肺炎")]
    same = check(ANHUI_2025, "hospital", D(500), DAY, history, illness="肺炎")
    assert not same.allowed and "同一疾病（肺炎）" in same.reason
    other = check(ANHUI_2025, "hospital", D(2000), DAY, history, illness="骨折")
    assert other.allowed and other.used == 0


def test_a_hospital_visit_needs_the_illness_where_the_rule_counts_by_illness():
    with pytest.raises(UserInputError, match="须注明疾病名称"):
        check(ANHUI_2025, "hospital", D(500), DAY, [])


def test_death_and_retirement_once():
    history = [Given("retirement", dt.date(2019, 6, 1), D(500))]
    decision = check(ANHUI_2025, "retirement", D(500), DAY, history)
    assert not decision.allowed and "每人只能一次" in decision.reason


def test_per_event_caps_by_occasion():
    assert check(FUJIAN, "hospital", D(1000), dt.date(2020, 5, 1), [], occasion="手术").allowed
    assert not check(FUJIAN, "hospital", D(1000), dt.date(2020, 5, 1), []).allowed
    assert check(GUIZHOU, "festival", D(500), dt.date(2020, 1, 20), [], occasion="春节").allowed
    refused = check(GUIZHOU, "festival", D(300), dt.date(2020, 9, 20), [], occasion="中秋")
    assert not refused.allowed and refused.cap == 200


def test_the_older_pack_has_the_older_figures():
    assert not check(ANHUI_2018, "festival", D(1600), dt.date(2020, 9, 1), []).allowed
    assert check(ANHUI_2018, "festival", D(1500), dt.date(2020, 9, 1), []).allowed


def test_bad_input_is_refused_in_chinese():
    with pytest.raises(UserInputError, match="未知的慰问种类"):
        check(ANHUI_2025, "pizza", D(1), DAY, [])
    with pytest.raises(UserInputError, match="没有关于困难帮扶的规定"):
        check(ANHUI_2025, "hardship", D(1), DAY, [])
    with pytest.raises(UserInputError, match="施行期内"):
        check(ANHUI_2018, "festival", D(1), DAY, [])
    with pytest.raises(UserInputError, match="金额须大于0元"):
        check(ANHUI_2025, "festival", D(0), DAY, [])


def test_as_dict_is_the_command_line_shape():
    data = check(ANHUI_2025, "festival", D(600), DAY, []).as_dict()
    assert set(data) == {"allowed", "cap", "used", "remaining", "rule", "reason"}
    assert data["rule"]["document"].endswith("（皖工发〔2025〕18号）")
    assert data["rule"]["article"]
    assert (data["cap"], data["used"], data["remaining"]) == (2200, 0, 2200)
