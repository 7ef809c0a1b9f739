"""The editor's forms give the plan library's messages, the same as imports and the command line."""

from decimal import Decimal

import pytest

from unionplan.plans.forms import ItemForm, PlanCreateForm, SectionForm, TargetForm

pytestmark = pytest.mark.django_db

ITEM = {"month": "3", "text": "三八节活动", "category": "women", "status": "planned"}


def test_item_form_cleans_budget_and_month():
    form = ItemForm(data={**ITEM, "month": " 3 ", "budget": "1,200元"}, year=2027)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["month"] == 3
    assert form.cleaned_data["budget"] == Decimal("1200.00")


def test_item_form_month_from_date_and_mismatch():
    form = ItemForm(data={**ITEM, "month": "", "date": "2027-03-08"}, year=2027)
    assert form.is_valid() and form.cleaned_data["month"] == 3
    form = ItemForm(data={**ITEM, "month": "4", "date": "2027-03-08"}, year=2027)
    assert not form.is_valid()
    assert form.errors["date"] == ["日期与所填月份不一致。"]


def test_item_form_span_and_year():
    assert ItemForm(data={**ITEM, "month": "7", "end_month": "8"}, year=2027).is_valid()
    form = ItemForm(data={**ITEM, "date": "2026-03-08"}, year=2027)
    assert not form.is_valid()
    assert "活动日期2026-03-08不在计划年度2027年内。" in form.non_field_errors()


def test_item_form_unknown_category():
    form = ItemForm(data={**ITEM, "category": "party"}, year=2027)
    assert not form.is_valid()
    assert "category" in form.errors


def test_section_form_title_rules():
    assert SectionForm(data={"title": " 组织建设 "}).is_valid()
    form = SectionForm(data={"title": "长" * 201})
    assert form.errors["title"] == ["章节标题过长：最多200个字，现有201个字。"]


def test_target_form_section_choice_must_be_of_the_plan():
    form = TargetForm(data={"text": "x", "comparator": ">=", "section": "999"}, sections=[])
    assert not form.is_valid()
    assert "section" in form.errors


def test_target_form_only_range_has_upper_value():
    form = TargetForm(data={"text": "x", "comparator": ">=", "value": "1", "value_high": "2"})
    assert form.non_field_errors() == ["只有区间目标才有上限。"]


def test_create_form_title_may_be_blank_only_when_copying(org):
    form = PlanCreateForm(data={"title": "", "year": 2028}, organization=org)
    assert form.errors["title"] == ["计划标题不能为空。"]


def test_create_form_year_bounds(org):
    form = PlanCreateForm(data={"title": "计划", "year": 1900}, organization=org)
    assert "year" in form.errors


@pytest.mark.parametrize(
    "typed, saved",
    [("五、新增章节", "新增章节"), ("（2）举办培训", "举办培训"), ("三八节", "三八节")],
)
def test_section_form_takes_a_typed_number_off(typed, saved):
    form = SectionForm(data={"title": typed, "body": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == saved


def test_section_form_keeps_a_title_that_is_only_a_number():
    form = SectionForm(data={"title": "五、", "body": ""})
    assert form.is_valid()  # kept as typed: better than an empty title
    assert form.cleaned_data["title"] == "五、"
