"""Editing in place: add, edit, reorder and delete sections, targets and activities."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from tests.plans.conftest import HTMX
from unionplan.plans.models import Plan, ScheduleItem, Section, Target

pytestmark = pytest.mark.django_db


def url(name, plan, *args):
    return reverse(f"plans:{name}", args=[plan.pk, *args])


ITEM = {
    "month": "5",
    "end_month": "",
    "date": "",
    "end_date": "",
    "text": "与兄弟学校进行校际羽毛球友谊赛",
    "scope": "全体教职工",
    "owner": "工会主席",
    "budget": "1200",
    "category": "culture",
    "status": "planned",
}


# --- sections -----------------------------------------------------------------------------


def test_add_form_is_a_fragment_for_htmx_and_a_page_without(chair_client, plan):
    fragment = chair_client.get(url("sections_add", plan), **HTMX)
    assert fragment.text.startswith('<div id="sections-new-form"')
    assert "<html" not in fragment.text
    page = chair_client.get(url("sections_add", plan))
    assert "<html" in page.text and 'id="sections-new-form"' in page.text


def test_add_section_with_htmx_redraws_sections_and_targets(chair_client, plan):
    response = chair_client.post(
        url("sections_add", plan), {"title": "组织建设", "body": "夯实基础"}, **HTMX
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#sections"
    assert response["HX-Reswap"] == "outerHTML"
    assert '<span class="number">一、</span>组织建设' in response.text
    assert 'id="targets" class="card" hx-swap-oob="true"' in response.text
    assert Section.objects.get(plan=plan).body == "夯实基础"


def test_add_section_without_js_redirects_to_plan(chair_client, plan):
    response = chair_client.post(url("sections_add", plan), {"title": "组织建设"})
    assert response.status_code == 302
    assert response["Location"] == url("detail", plan) + "#sections"


def test_add_child_sections_down_to_four_levels(chair_client, plan):
    parent = None
    for title in ["一级", "二级", "三级", "四级"]:
        data = {"title": title, "parent": parent.pk if parent else ""}
        chair_client.post(url("sections_add", plan), data, **HTMX)
        parent = Section.objects.get(plan=plan, title=title)
    html = chair_client.get(url("detail", plan)).text
    assert '<span class="number">（1）</span>四级' in html
    response = chair_client.post(
        url("sections_add", plan), {"title": "五级", "parent": parent.pk}, **HTMX
    )
    assert "章节最多四级" in response.text
    assert not Section.objects.filter(title="五级").exists()


def test_parent_of_another_plan_is_404(chair_client, plan):
    foreign = SectionFactory()
    response = chair_client.post(url("sections_add", plan), {"title": "x", "parent": foreign.pk})
    assert response.status_code == 404


def test_edit_section(chair_client, plan):
    section = SectionFactory(plan=plan, title="旧标题")
    form = chair_client.get(url("sections_edit", plan, section.pk), **HTMX)
    assert 'value="旧标题"' in form.text
    assert 'name="version" value="1"' in form.text
    response = chair_client.post(
        url("sections_edit", plan, section.pk),
        {"title": "新标题", "body": "", "version": 1},
        **HTMX,
    )
    assert "新标题" in response.text
    section.refresh_from_db()
    assert (section.title, section.version) == ("新标题", 2)


def test_reorder_sections_renumbers(chair_client, plan):
    first = SectionFactory(plan=plan, title="甲", order=0)
    second = SectionFactory(plan=plan, title="乙", order=1)
    response = chair_client.post(url("sections_move", plan, second.pk, "up"), **HTMX)
    assert '<span class="number">一、</span>乙' in response.text
    assert '<span class="number">二、</span>甲' in response.text
    first.refresh_from_db()
    assert first.version == 2  # an open editor of 甲 learns that it moved
    # moving the first one up changes nothing
    chair_client.post(url("sections_move", plan, second.pk, "up"), **HTMX)
    assert list(Section.objects.filter(plan=plan).values_list("title", flat=True)) == ["乙", "甲"]


def test_delete_section_removes_children_keeps_targets(chair_client, plan):
    top = SectionFactory(plan=plan, title="甲")
    SectionFactory(plan=plan, parent=top, title="甲之下")
    target = TargetFactory(plan=plan, section=top)
    response = chair_client.post(url("sections_delete", plan, top.pk), **HTMX)
    assert response.status_code == 200
    assert not Section.objects.filter(plan=plan).exists()
    target.refresh_from_db()
    assert target.section is None


@pytest.mark.parametrize(
    ("data", "message"),
    [({"title": ""}, "章节标题不能为空。"), ({"title": "长" * 10_000}, "章节标题过长")],
)
def test_section_bad_input(chair_client, plan, data, message):
    response = chair_client.post(url("sections_add", plan), data, **HTMX)
    assert response.status_code == 200
    assert message in response.text
    assert 'id="sections-new-form"' in response.text
    assert not Section.objects.exists()


# --- targets ------------------------------------------------------------------------------


def test_add_target_to_a_section(chair_client, plan):
    section = SectionFactory(plan=plan, title="组织建设")
    form = chair_client.get(url("targets_add", plan), **HTMX)
    assert f'<option value="{section.pk}">一、组织建设</option>' in form.text
    response = chair_client.post(
        url("targets_add", plan),
        {
            "text": "再创十家示范工会",
            "comparator": ">=",
            "value": "10",
            "unit": "家",
            "section": section.pk,
        },
        **HTMX,
    )
    assert response["HX-Retarget"] == "#targets"
    assert "再创十家示范工会" in response.text
    target = Target.objects.get()
    assert (target.section, target.value, target.unit) == (section, Decimal(10), "家")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "x", "comparator": "range", "value": "5", "value_high": "2"}, "上限不能小于下限"),
        ({"text": "x", "comparator": "range", "value": "5"}, "区间目标须填写下限和上限"),
        ({"text": "x", "comparator": ">=", "value": "很多"}, "输入一个数字"),
        ({"text": "", "comparator": ">="}, "目标内容不能为空"),
    ],
)
def test_target_bad_input(chair_client, plan, data, message):
    response = chair_client.post(url("targets_add", plan), {"unit": "", **data}, **HTMX)
    assert message in response.text
    assert not Target.objects.exists()


def test_edit_and_delete_target(chair_client, plan):
    target = TargetFactory(plan=plan)
    chair_client.post(
        url("targets_edit", plan, target.pk),
        {"text": "不少于6次", "comparator": ">=", "value": "6", "unit": "次", "version": 1},
        **HTMX,
    )
    target.refresh_from_db()
    assert (target.text, target.value) == ("不少于6次", Decimal(6))
    chair_client.post(url("targets_delete", plan, target.pk), **HTMX)
    assert not Target.objects.exists()


# --- schedule items -----------------------------------------------------------------------


def test_add_item_with_htmx(chair_client, plan):
    response = chair_client.post(url("items_add", plan), ITEM, **HTMX)
    assert response["HX-Retarget"] == "#schedule"
    assert "与兄弟学校进行校际羽毛球友谊赛" in response.text
    assert "五月份" in response.text
    item = ScheduleItem.objects.get()
    assert (item.month, item.budget, item.category) == (5, Decimal("1200.00"), "culture")


def test_add_item_without_js(chair_client, plan):
    response = chair_client.post(url("items_add", plan), ITEM)
    assert response.status_code == 302
    assert ScheduleItem.objects.count() == 1


def test_a_date_gives_the_month(chair_client, plan):
    chair_client.post(url("items_add", plan), {**ITEM, "month": "", "date": "2027-09-10"}, **HTMX)
    assert ScheduleItem.objects.get().month == 9


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"budget": "一千元"}, "经费应为数字（单位：元），而不是“一千元”。"),
        ({"budget": "-5"}, "经费不能为负数。"),
        ({"month": "13"}, "月份应在1到12之间，而不是13。"),
        ({"month": "0"}, "月份应在1到12之间，而不是0。"),
        ({"month": "五月"}, "月份应为1到12之间的整数"),
        ({"month": ""}, "请填写月份或日期。"),
        ({"month": "8", "end_month": "7"}, "结束月份不能早于开始月份。"),
        (
            {"month": "5", "date": "2027-05-10", "end_date": "2027-05-01"},
            "结束日期不能早于开始日期。",
        ),
        ({"month": "5", "date": "2026-05-10"}, "不在计划年度2027年内"),
        ({"month": "5", "date": "2027-02-30"}, "有效的日期"),
        ({"text": "长" * 10_000}, "活动内容过长"),
        ({"text": ""}, "活动内容不能为空。"),
        ({"scope": "全" * 600}, "参加范围过长"),
    ],
)
def test_item_bad_input_is_a_message_and_nothing_saved(chair_client, plan, changes, message):
    response = chair_client.post(url("items_add", plan), {**ITEM, **changes}, **HTMX)
    assert response.status_code == 200
    assert message in response.text
    assert not ScheduleItem.objects.exists()
    # the typed values are still in the form
    assert 'value="全体教职工"' in response.text or "全" * 600 in response.text


def test_item_bad_input_without_js_is_a_page(chair_client, plan):
    response = chair_client.post(url("items_add", plan), {**ITEM, "budget": "abc"})
    assert response.status_code == 200
    assert "<html" in response.text and "经费应为数字" in response.text


def test_edit_item_form_is_a_table_row(chair_client, plan):
    item = ScheduleItemFactory(plan=plan)
    response = chair_client.get(url("items_edit", plan, item.pk), **HTMX)
    assert response.text.startswith(f'<tr id="items-{item.pk}-form"')


def test_edit_item(chair_client, plan):
    item = ScheduleItemFactory(plan=plan, month=3)
    response = chair_client.post(
        url("items_edit", plan, item.pk), {**ITEM, "month": "4", "version": 1}, **HTMX
    )
    assert "四月份" in response.text
    item.refresh_from_db()
    assert (item.month, item.version, item.text) == (4, 2, ITEM["text"])


def test_bad_edit_changes_nothing(chair_client, plan):
    item = ScheduleItemFactory(plan=plan, month=3, budget=Decimal("500.00"))
    response = chair_client.post(
        url("items_edit", plan, item.pk), {**ITEM, "budget": "abc", "version": 1}, **HTMX
    )
    assert "经费应为数字" in response.text
    item.refresh_from_db()
    assert (item.month, item.budget, item.version) == (3, Decimal("500.00"), 1)


def test_reorder_items_within_a_month(chair_client, plan):
    a = ScheduleItemFactory(plan=plan, month=3, text="甲", order=0)
    b = ScheduleItemFactory(plan=plan, month=3, text="乙", order=1)
    ScheduleItemFactory(plan=plan, month=4, text="丙", order=2)
    response = chair_client.post(url("items_move", plan, b.pk, "up"), **HTMX)
    assert response.text.index("乙") < response.text.index("甲")
    response = chair_client.post(url("items_move", plan, b.pk, "down"), **HTMX)
    assert response.text.index("甲") < response.text.index("乙") < response.text.index("丙")
    assert chair_client.post(url("items_move", plan, a.pk, "sideways"), **HTMX).status_code == 200


def test_delete_item(chair_client, plan):
    item = ScheduleItemFactory(plan=plan)
    response = chair_client.post(url("items_delete", plan, item.pk))
    assert response.status_code == 302
    assert not ScheduleItem.objects.exists()


def test_delete_and_move_need_post(chair_client, plan):
    item = ScheduleItemFactory(plan=plan)
    assert chair_client.get(url("items_delete", plan, item.pk)).status_code == 405
    assert chair_client.get(url("items_move", plan, item.pk, "up")).status_code == 405
    assert ScheduleItem.objects.exists()


# --- plan header --------------------------------------------------------------------------

HEADER = {
    "title": "2027年工会工作计划（修订）",
    "year": 2027,
    "status": "approved",  # posted by hand: the form has no status, so it is ignored
    "guiding_ideas": "坚持以职工为中心",
    "goals": "争创模范职工之家",
}


def test_edit_header(chair_client, plan):
    form = chair_client.get(url("header_edit", plan), **HTMX)
    assert 'value="2027年工会工作计划"' in form.text
    response = chair_client.post(url("header_edit", plan), {**HEADER, "version": 1}, **HTMX)
    assert response["HX-Retarget"] == "#header"
    assert "坚持以职工为中心" in response.text and "已通过" not in response.text
    assert 'name="status"' not in form.text
    plan.refresh_from_db()
    assert (plan.title, plan.status, plan.goals, plan.version) == (
        HEADER["title"],
        "draft",
        "争创模范职工之家",
        2,
    )


def test_header_duplicate_title_and_year_outside_dates(chair_client, plan):
    Plan.objects.create(organization=plan.organization, year=2027, title="另一份计划")
    response = chair_client.post(
        url("header_edit", plan), {**HEADER, "title": "另一份计划", "version": 1}, **HTMX
    )
    assert "已有标题为“另一份计划”的计划" in response.text
    ScheduleItemFactory(plan=plan, month=5, date=dt.date(2027, 5, 1))
    response = chair_client.post(
        url("header_edit", plan), {**HEADER, "year": 2028, "version": 1}, **HTMX
    )
    assert "有1项活动的日期不在2028年内" in response.text
    plan.refresh_from_db()
    assert (plan.title, plan.year, plan.version) == ("2027年工会工作计划", 2027, 1)


def test_header_title_of_10000_characters(chair_client, plan):
    response = chair_client.post(
        url("header_edit", plan), {**HEADER, "title": "长" * 10_000, "version": 1}, **HTMX
    )
    assert "计划标题过长：最多200个字，现有10000个字。" in response.text
    plan.refresh_from_db()
    assert plan.title == "2027年工会工作计划"


# --- a number typed before a section's title (issue 9, item 7) ------------------------------


def test_a_typed_section_number_is_not_shown_or_exported_twice(chair_client, plan):
    import io

    import docx

    SectionFactory(plan=plan, title="组织建设", order=0)
    response = chair_client.post(url("sections_add", plan), {"title": "二、新增章节"}, **HTMX)
    assert '<span class="number">二、</span>新增章节' in response.text
    assert Section.objects.get(plan=plan, order=1).title == "新增章节"
    child = chair_client.post(
        url("sections_add", plan),
        {"title": "（一）三八节活动", "parent": Section.objects.get(title="新增章节").pk},
        **HTMX,
    )
    assert '<span class="number">（一）</span>三八节活动' in child.text  # 三八 is no number
    word = chair_client.get(reverse("plans:export", args=[plan.pk, "docx"]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "二、新增章节" in text and "二、二、" not in text
    assert "（一）三八节活动" in text and "（一）（一）" not in text
