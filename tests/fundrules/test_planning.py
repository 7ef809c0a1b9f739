import datetime as dt
from decimal import Decimal as D

from unionplan.fundrules import load_packs, pack_in_force
from unionplan.fundrules.planning import PlannedGift, check_plan, welfare_kind

ANHUI = pack_in_force(load_packs(), "安徽省", dt.date(2026, 1, 1))
GUIZHOU = pack_in_force(load_packs(), "贵州省", dt.date(2026, 1, 1))


def test_which_items_are_gifts():
    assert welfare_kind("中秋节慰问全体会员") == ("festival", "中秋")
    assert welfare_kind("为当月过生日的会员送生日蛋糕") == ("birthday", None)
    assert welfare_kind("看望住院职工并送慰问金") == ("hospital", None)
    assert welfare_kind("中秋联欢晚会") is None
    assert welfare_kind("职工篮球赛") is None


def test_the_issues_example_is_within_anhuis_yearly_cap_but_counts_towards_it():
    gifts = [PlannedGift("中秋节慰问全体会员", D(60000), 86)]
    assert check_plan(ANHUI, gifts) == []
    gifts += [PlannedGift(f"{f}慰问", D(86000), 86) for f in ("春节", "端午")]  # 1000 each
    (warning,) = check_plan(ANHUI, gifts)
    assert "全年节日慰问人均合计2,697.67元" in warning.message
    assert warning.cap == 2200 and warning.document.endswith("（皖工发〔2025〕18号）")


def test_a_per_event_cap_by_festival():
    gifts = [PlannedGift("春节慰问", D(43000), 86), PlannedGift("中秋慰问", D(43000), 86)]
    (warning,) = check_plan(GUIZHOU, gifts)  # 500 each: 春节 allowed, 中秋 over 200
    assert warning.text == "中秋慰问" and warning.cap == 200 and warning.per_person == 500


def test_items_without_people_or_budget_are_skipped():
    assert check_plan(ANHUI, [PlannedGift("春节慰问", D(100000), 0)]) == []
    assert check_plan(ANHUI, [PlannedGift("春节慰问", D(0), 10)]) == []


def test_visiting_retired_members_is_not_the_retirement_keepsake():
    assert welfare_kind("“教师节”庆祝活动，慰问在职和退休教职工") is None
    assert welfare_kind("重阳节走访慰问70周岁以上退休老教师") is None
    assert welfare_kind("为光荣退休教职工发放纪念品") == ("retirement", None)
    assert welfare_kind("退休慰问") == ("retirement", None)
