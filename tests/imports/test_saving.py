"""``import_plans``: the one way a parsed document becomes saved plans (view and command)."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import OrganizationFactory, PlanFactory
from unionplan.errors import UserInputError
from unionplan.imports.saving import default_year, import_plans
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.text import parse_bytes

pytestmark = pytest.mark.django_db

NO_YEAR = (
    "学校工会工作计划\n一、指导思想\n坚持以职工为中心。\n全年不少于4次集中培训。\n"
    "二、活动安排\n三月份：\n1、3月8日庆祝三八妇女节，慰问女教工。\n2、2月29日迎春长跑\n"
    "七、八月份：\n1、组织工会委员参加工会工作培训\n"
)
TWO_PLANS = "篇一\n2026年工会工作计划\n一、指导思想\n团结职工。\n篇二\n2026年工会工作要点\n一、工作目标\n服务职工。\n"


def parsed(text: str):
    return parse_bytes(text.encode("utf-8"), "计划.txt")


def test_a_title_without_a_year_keeps_its_dates_in_the_confirmed_year():
    org = OrganizationFactory()
    (plan,) = import_plans(org, parsed(NO_YEAR), year=2028)
    assert plan.year == 2028
    dated = ScheduleItem.objects.get(plan=plan, text__contains="三八")
    assert dated.date == dt.date(2028, 3, 8)
    assert plan.items.filter(month=7, end_month=8).exists()
    assert plan.targets.get().value == Decimal(4)


def test_a_document_year_is_replaced_by_the_confirmed_one():
    text = NO_YEAR.replace("学校工会工作计划", "2026年学校工会工作计划", 1)
    result = parsed(text)
    assert default_year(result) == 2026
    (plan,) = import_plans(OrganizationFactory(), result, year=2027)
    assert plan.items.get(text__contains="三八").date == dt.date(2027, 3, 8)


def test_without_a_year_in_the_document_the_default_is_next_year():
    assert default_year(parsed(NO_YEAR)) == dt.date.today().year + 1


def test_only_the_chosen_plans_with_their_typed_titles():
    result = parsed(TWO_PLANS)
    assert len(result.plans) == 2
    (plan,) = import_plans(OrganizationFactory(), result, year=2027, titles={1: " 工作要点 "})
    assert plan.title == "工作要点"
    assert Plan.objects.count() == 1


def test_all_or_nothing_with_the_one_duplicate_title_message():
    org = OrganizationFactory()
    PlanFactory(organization=org, year=2027, title="篇二")
    with pytest.raises(UserInputError) as raised:
        import_plans(org, parsed(TWO_PLANS), year=2027)
    assert raised.value.message == "本工会2027年已有标题为“篇二”的计划，请换一个标题。"
    assert Plan.objects.count() == 1


def test_two_chosen_plans_of_one_title_are_refused_together():
    with pytest.raises(UserInputError, match="已有标题为“同名”"):
        import_plans(
            OrganizationFactory(), parsed(TWO_PLANS), year=2027, titles={0: "同名", 1: "同名"}
        )
    assert not Plan.objects.exists()


@pytest.mark.parametrize("year", [3000, "二〇二七"])
def test_bad_year_is_refused(year):
    with pytest.raises(UserInputError, match="1950"):
        import_plans(OrganizationFactory(), parsed(NO_YEAR), year=year)


def test_nothing_chosen_is_refused():
    with pytest.raises(UserInputError, match="至少选择一份"):
        import_plans(OrganizationFactory(), parsed(NO_YEAR), year=2027, titles={})
