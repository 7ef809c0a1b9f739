import json
from decimal import Decimal as D

from tests.factories import MemberFactory, PlanFactory, ScheduleItemFactory


def test_the_plans_welfare_items_are_checked_per_person(run_command, anhui):
    for _ in range(4):
        MemberFactory(organization=anhui)
    plan = PlanFactory(organization=anhui, year=2026)
    ScheduleItemFactory(
        plan=plan, month=1, text="春节慰问全体会员", scope="全体会员", budget=D(4000)
    )
    ScheduleItemFactory(
        plan=plan, month=9, text="中秋节慰问全体会员", scope="全体会员", budget=D(4800)
    )
    ScheduleItemFactory(plan=plan, month=5, text="职工篮球赛", scope="全体会员", budget=D(99999))
    code, out, err = run_command("welfare_plan", str(plan.pk), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == []  # 1000 + 1200 per person = 2200: at the cap, not over
    ScheduleItemFactory(
        plan=plan, month=6, text="端午节发放慰问品", scope="全体会员", budget=D(400)
    )
    code, out, _ = run_command("welfare_plan", str(plan.pk), "--json")
    (warning,) = json.loads(out)
    assert "全年节日慰问人均合计2,300.00元" in warning["message"]
    assert warning["cap"] == 2200 and "皖工发〔2025〕18号" in warning["rule"]["document"]
    code, out, _ = run_command("welfare_plan", str(plan.pk))
    assert out.startswith("警告：")


def test_an_unknown_plan(run_command, db):
    code, _, err = run_command("welfare_plan", "999")
    assert code == 2 and "找不到编号为 999 的计划" in err
