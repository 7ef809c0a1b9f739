import datetime as dt

import pytest

from tests.factories import OrganizationFactory, PlanFactory
from unionplan.errors import UserInputError
from unionplan.imports.saving import move_to_year, save_plans
from unionplan.plan.data import ItemData, PlanData, SectionData, TargetData
from unionplan.plans.models import Plan, ScheduleItem

pytestmark = pytest.mark.django_db


def plan_data(title="2027年工会工作计划", **kwargs) -> PlanData:
    return PlanData(
        title=title,
        sections=[
            SectionData(
                "指导思想",
                "坚持以职工为中心。",
                targets=[TargetData("不少于4次培训", ">=", 4, None, "次")],
            )
        ],
        items=[ItemData("三八妇女节慰问", 3, date=dt.date(2026, 3, 8), scope="全体女职工")],
        **kwargs,
    )


def test_save_plans_moves_dates_into_the_chosen_year():
    org = OrganizationFactory()
    (plan,) = save_plans(org, [plan_data()], year=2027)
    item = ScheduleItem.objects.get(plan=plan)
    assert item.date == dt.date(2027, 3, 8)
    assert plan.targets.get().section.title == "指导思想"


def test_move_to_year_handles_leap_day():
    data = PlanData("x", items=[ItemData("a", 2, date=dt.date(2028, 2, 29))])
    assert move_to_year(data, 2027).items[0].date == dt.date(2027, 2, 28)


def test_all_or_nothing_when_one_title_exists():
    org = OrganizationFactory()
    PlanFactory(organization=org, year=2027, title="篇二")
    with pytest.raises(UserInputError, match="已有2027年"):
        save_plans(org, [plan_data("篇一"), plan_data("篇二")], year=2027)
    assert not Plan.objects.filter(title="篇一").exists()


def test_bad_year_is_refused():
    with pytest.raises(UserInputError, match="1950"):
        save_plans(OrganizationFactory(), [plan_data()], year=3000)
