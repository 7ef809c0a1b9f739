"""The plan page, its blocks and creating a plan (blank or copied from last year)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import PlanFactory, ScheduleItemFactory, SectionFactory, TargetFactory
from tests.plans.conftest import fill_plan
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db


def detail(client, plan):
    return client.get(reverse("plans:detail", args=[plan.pk]))


def test_plan_page_shows_header_tree_targets_and_month_table(chair_client, full_plan):
    full_plan.guiding_ideas = "以习近平新时代中国特色社会主义思想为指导"
    full_plan.goals = "争创区优秀教工之家"
    full_plan.save()
    html = detail(chair_client, full_plan).text
    assert "2027年工会工作计划" in html
    assert full_plan.organization.name in html
    assert "2027年度" in html
    assert "草稿" in html
    assert "以习近平新时代中国特色社会主义思想为指导" in html
    assert "争创区优秀教工之家" in html
    # the numbered tree: 一、 （一） 1.
    assert '<span class="number">一、</span>组织建设' in html
    assert '<span class="number">二、</span>维权与民主管理' in html
    assert '<span class="number">（一）</span>加强工会干部培训' in html
    assert '<span class="number">1.</span>举办培训班' in html
    # targets with comparator label, value or range, unit
    assert "不少于" in html and "区间" in html
    assert "1—2" in html
    assert "工资集体协商覆盖率达到90%以上" in html
    # month table: columns, month labels, total of 10 × 100 yuan
    for column in ["月份", "活动内容", "参加范围", "负责人", "经费（元）"]:
        assert column in html
    assert "一月份" in html and "十月份" in html
    assert "1,000.00" in html


def test_span_of_months_and_dates_are_shown(chair_client, plan):
    ScheduleItemFactory(plan=plan, month=7, end_month=8, text="协助做好百年校庆筹备")
    ScheduleItemFactory(
        plan=plan, month=3, date=dt.date(2027, 3, 8), end_date=dt.date(2027, 3, 9), text="三八"
    )
    html = detail(chair_client, plan).text
    assert "七、八月份" in html
    assert "3月8日—3月9日" in html


def test_months_are_in_order_and_grouped(chair_client, plan):
    ScheduleItemFactory(plan=plan, month=5, text="五月活动甲")
    ScheduleItemFactory(plan=plan, month=1, text="一月活动")
    ScheduleItemFactory(plan=plan, month=5, text="五月活动乙")
    html = detail(chair_client, plan).text
    assert html.index("一月活动") < html.index("五月活动甲") < html.index("五月活动乙")
    assert html.count("五月份") == 1


def test_editor_sees_controls_viewer_does_not(chair_client, client, viewer, full_plan):
    ScheduleItemFactory(plan=full_plan, month=12, text="各类先进评比")
    last = ScheduleItemFactory(plan=full_plan, month=12, text="工会账务上交")
    second = TargetFactory(plan=full_plan, text="第二个目标")
    html = detail(chair_client, full_plan).text
    assert reverse("plans:items_add", args=[full_plan.pk]) in html
    assert reverse("plans:header_edit", args=[full_plan.pk]) in html
    # the row buttons' URLs, which the templates build from the plan's path
    rows = {
        "items": last,
        "targets": second,
        "sections": full_plan.sections.get(title="维权与民主管理"),
    }
    for kind, row in rows.items():
        for action in ["edit", "delete"]:
            assert reverse(f"plans:{kind}_{action}", args=[full_plan.pk, row.pk]) in html
        assert reverse(f"plans:{kind}_move", args=[full_plan.pk, row.pk, "up"]) in html
    child = full_plan.sections.filter(parent=None).first()
    assert f"{reverse('plans:sections_add', args=[full_plan.pk])}?parent={child.pk}" in html
    client.force_login(viewer)
    html = detail(client, full_plan).text
    assert "组织建设" in html
    for name in ["items_add", "sections_add", "targets_add", "header_edit"]:
        assert reverse(f"plans:{name}", args=[full_plan.pk]) not in html
    assert "/delete/" not in html and "/move/" not in html
    assert "hx-post" not in html


def test_controls_are_not_printed(chair_client, full_plan):
    html = detail(chair_client, full_plan).text
    assert 'class="actions toolbar no-print"' in html
    assert 'class="row-actions no-print"' in html
    assert "plans.css" in html


@pytest.mark.parametrize("items", [10, 200])
def test_plan_page_query_count_does_not_grow_with_items(
    chair_client, plan, items, django_assert_num_queries
):
    fill_plan(plan, items)
    detail(chair_client, plan)  # warm the session
    with django_assert_num_queries(PLAN_PAGE_QUERIES):
        response = detail(chair_client, plan)
    assert response.text.count('id="item-') == items


# session, user, roles, plan (+ visible orgs), sections, targets, items; then how the year
# goes: target progress (item states come from the items' status, participant counts in a
# request of their own); the review panel: its steps, the roles the workflow rules read and
# the plan's 调整 (revisions)
PLAN_PAGE_QUERIES = 11


def test_block_redraws_one_part(chair_client, full_plan):
    response = chair_client.get(reverse("plans:block", args=[full_plan.pk, "schedule"]))
    assert response.status_code == 200
    assert response.text.startswith('<section id="schedule"')
    assert "组织建设" not in response.text
    assert chair_client.get(reverse("plans:block", args=[full_plan.pk, "nope"])).status_code == 404


def test_page_needs_login(client, plan):
    response = detail(client, plan)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- create -------------------------------------------------------------------------------


def create(client, org, **data):
    return client.post(reverse("plans:create", args=[org.pk]), data)


def test_create_page_defaults_to_next_year(chair_client, org):
    next_year = dt.date.today().year + 1
    PlanFactory(organization=org, year=next_year)  # not the year after the latest plan
    response = chair_client.get(reverse("plans:create", args=[org.pk]))
    assert response.status_code == 200
    assert f'name="year" value="{next_year}"' in response.text


def test_create_blank_plan(chair_client, org):
    response = create(chair_client, org, title="2028年工会工作计划", year=2028)
    plan = Plan.objects.get(organization=org, title="2028年工会工作计划")
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.year == 2028 and plan.status == "draft"


def test_copy_last_years_plan_into_a_new_year(chair_client, org):
    old = PlanFactory(organization=org, year=2028, title="2028年工会工作计划", status="approved")
    top = SectionFactory(plan=old, title="组织建设")
    SectionFactory(plan=old, parent=top, title="干部培训")
    TargetFactory(plan=old, section=top, text="不少于4次培训")
    ScheduleItemFactory(
        plan=old, month=2, date=dt.date(2028, 2, 29), text="闰日活动", status="done"
    )
    ScheduleItemFactory(plan=old, month=10, text="重阳节慰问", budget=Decimal("3000"))
    preview = create(chair_client, org, title="", year=2029, copy_from=old.pk)
    assert preview.status_code == 200 and not Plan.objects.filter(year=2029).exists()
    assert "闰日活动" in preview.text  # the fifth Tuesday of February 2028 moved
    response = create(chair_client, org, title="", year=2029, copy_from=old.pk, confirm="1")
    new = Plan.objects.get(organization=org, year=2029)
    assert response.status_code == 302
    assert new.title == "2029年工会工作计划"
    assert new.status == "draft"
    assert [s.title for s in new.sections.order_by("id")] == ["组织建设", "干部培训"]
    assert new.targets.get().section.title == "组织建设"
    leap = new.items.get(text="闰日活动")
    assert leap.date == dt.date(2029, 2, 27) and leap.status == "planned"  # the last Tuesday
    assert new.items.get(text="重阳节慰问").budget == Decimal("3000.00")
    assert old.items.count() == 2  # the old plan is untouched


def test_plan_page_links_copy_to_new_year(chair_client, plan):
    html = detail(chair_client, plan).text
    assert f"{reverse('plans:create', args=[plan.organization.pk])}?copy_from={plan.pk}" in html
    page = chair_client.get(
        reverse("plans:create", args=[plan.organization.pk]), {"copy_from": plan.pk}
    )
    assert f'<option value="{plan.pk}" selected>' in page.text


def test_copy_from_another_organizations_plan_is_refused(chair_client, org):
    foreign = PlanFactory(title="别人的计划")
    response = create(chair_client, org, title="抄来的", year=2030, copy_from=foreign.pk)
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.text
    assert not Plan.objects.filter(organization=org).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "2027年工会工作计划", "year": 2027}, "已有标题为“2027年工会工作计划”的计划"),
        ({"title": "长" * 10_000, "year": 2027}, "计划标题过长：最多200个字，现有10000个字。"),
        ({"title": "   ", "year": 2027}, "计划标题不能为空。"),
        ({"title": "计划", "year": "明年"}, "输入整数"),
        ({"title": "计划", "year": 3000}, "2100"),
    ],
)
def test_create_bad_input_is_a_message_and_nothing_saved(chair_client, plan, data, message):
    before = Plan.objects.count()
    response = create(chair_client, plan.organization, **data)
    assert response.status_code == 200
    assert message in response.text
    assert Plan.objects.count() == before


def test_copy_onto_an_existing_title_is_refused(chair_client, plan):
    response = create(chair_client, plan.organization, title="", year=2027, copy_from=plan.pk)
    assert response.status_code == 200
    assert "已有标题为" in response.text
    assert Plan.objects.count() == 1


def test_plan_page_links_the_budget_drawn_from_it(chair_client, plan):
    html = detail(chair_client, plan).text
    assert reverse("funds:plan_budget", args=[plan.pk]) in html
    assert chair_client.get(reverse("funds:plan_budget", args=[plan.pk])).status_code == 200
