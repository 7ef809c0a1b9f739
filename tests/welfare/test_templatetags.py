"""福利标准提示 on the plan page (``welfare_panel``) and the wizard's preview (``welfare_draft_panel``)."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MemberFactory, OrganizationFactory, PlanFactory, RoleFactory
from tests.factories import ScheduleItemFactory as Item
from tests.plans.test_views import PLAN_PAGE_QUERIES
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(anhui):
    for _ in range(4):
        MemberFactory(organization=anhui)
    return PlanFactory(organization=anhui, year=2026)


def panel(client, plan) -> str:
    text = client.get(reverse("plans:detail", args=[plan.pk])).text
    start = text.index('<section id="welfare-panel"')
    return text[start : text.index("</section>", start)]


def test_an_item_over_the_cap_is_a_warning_with_the_rule(anhui_chair_client, plan):
    Item(plan=plan, month=3, text="教职工生日慰问", scope="全体会员", budget=D(4000))
    html = panel(anhui_chair_client, plan)
    assert "福利标准提示" in html and "教职工生日慰问" in html
    assert "1,000.00" in html and "500.00" in html  # 4000 for 4 people, cap 500
    assert "超过生日慰问每次500.00元的上限" in html
    assert "皖工发〔2025〕18号" in html and "生日慰问条款" in html
    assert "待核对" in html  # the seed pack is not yet confirmed


def test_items_within_the_caps_say_so(anhui_chair_client, plan):
    Item(plan=plan, month=3, text="教职工生日慰问", scope="全体会员", budget=D(1600))
    Item(plan=plan, month=9, text="中秋节慰问全体会员", scope="全体会员", budget=D(4000))
    html = panel(anhui_chair_client, plan)
    assert "计划中的慰问项目均未超出经费规则。" in html
    assert "welfare-warnings" not in html


@pytest.mark.parametrize(
    ("province", "note"),
    [("", "本工会没有填写所在省份"), ("广东省", "尚无广东的经费规则")],
)
def test_no_pack_is_a_one_line_note(client, province, note):
    org = OrganizationFactory(province=province)
    client.force_login(RoleFactory(organization=org, role="chair").user)
    plan = PlanFactory(organization=org, year=2026)
    Item(plan=plan, month=3, text="教职工生日慰问", scope="全体会员", budget=D(4000))
    html = panel(client, plan)
    assert note in html and "welfare-warnings" not in html


def test_a_year_before_any_pack_is_a_note(anhui_chair_client, anhui):
    plan = PlanFactory(organization=anhui, year=2010)
    assert "不在安徽经费规则的施行期内" in panel(anhui_chair_client, plan)


def page_queries(client, plan) -> int:
    url = reverse("plans:detail", args=[plan.pk])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_welfare_items(plan, count: int) -> None:
    scopes = ["全体会员", "女职工", "70周岁以上退休职工", "全体会员"]
    for n in range(count):
        Item(plan=plan, month=n % 12 + 1, text=f"中秋节慰问{n}", scope=scopes[n % 4], budget=D(9))


def test_the_panel_costs_the_same_queries_however_many_items(anhui_chair_client, plan):
    add_welfare_items(plan, 10)
    few = page_queries(anhui_chair_client, plan)
    add_welfare_items(plan, 190)
    assert page_queries(anhui_chair_client, plan) == few
    # the headcounts: whether the union has unions below, then one aggregate of its members
    assert few <= PLAN_PAGE_QUERIES + 2


def wizard_preview(client, org):
    data = {"year": "2027", "sector": "school", "action": "preview"}
    return client.post(reverse("agenda:wizard", args=[org.pk]), data).text


def test_the_wizard_preview_shows_the_warnings_and_saves_nothing(anhui_chair_client, anhui):
    for _ in range(3):
        MemberFactory(organization=anhui)
    html = wizard_preview(anhui_chair_client, anhui)
    assert '<section id="welfare-panel"' in html
    # 16000 + 12000 + 16000 yuan of festival gifts for 3 people is far over 2200 a year
    assert "全年节日慰问人均合计" in html and "超过每人每年2,200.00元的上限" in html
    assert not Plan.objects.exists()


def test_the_wizard_preview_without_a_pack_has_a_note(client):
    org = OrganizationFactory(province="")
    client.force_login(RoleFactory(organization=org, role="chair").user)
    html = wizard_preview(client, org)
    assert "本工会没有填写所在省份" in html and "计划标题" in html
