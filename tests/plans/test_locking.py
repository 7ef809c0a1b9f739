"""Two people editing the same row: the second is told, and loses nothing they typed."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from tests.plans.conftest import HTMX
from unionplan.plans.models import ScheduleItem, Section

pytestmark = pytest.mark.django_db

CONFLICT = "此内容已被他人修改"
DELETED = "此内容已被他人删除"


@pytest.fixture
def two_editors(org, make_user):
    """Two logged-in sessions of two committee members of ``org``."""
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(make_user(org, "committee"))
        clients.append(client)
    return clients


def version_in(html: str) -> int:
    marker = 'name="version" value="'
    start = html.index(marker) + len(marker)
    return int(html[start : html.index('"', start)])


def test_second_save_is_told_and_keeps_what_was_typed(two_editors, plan):
    first, second = two_editors
    item = ScheduleItemFactory(plan=plan, month=3, text="慰问女教工", budget=500)
    edit = reverse("plans:items_edit", args=[plan.pk, item.pk])
    seen_by_first = version_in(first.get(edit, **HTMX).text)
    seen_by_second = version_in(second.get(edit, **HTMX).text)
    base = {"month": "3", "scope": "", "owner": "", "category": "women", "status": "planned"}

    saved = first.post(
        edit,
        {**base, "text": "慰问女教工并发放节日用品", "budget": "800", "version": seen_by_first},
        **HTMX,
    )
    assert "慰问女教工并发放节日用品" in saved.text

    response = second.post(
        edit,
        {**base, "text": "三八节女工健步走", "budget": "650", "version": seen_by_second},
        **HTMX,
    )
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert 'value="三八节女工健步走"' in response.text  # their input, still in the form
    assert 'value="650"' in response.text
    assert "慰问女教工并发放节日用品" in response.text  # the stored values, next to theirs
    assert "800.00" in response.text
    item.refresh_from_db()
    assert (item.text, item.version) == ("慰问女教工并发放节日用品", 2)
    # the form now carries the new version: saving again overwrites knowingly
    assert version_in(response.text) == 2
    again = second.post(
        edit, {**base, "text": "三八节女工健步走", "budget": "650", "version": 2}, **HTMX
    )
    assert CONFLICT not in again.text
    item.refresh_from_db()
    assert (item.text, str(item.budget), item.version) == ("三八节女工健步走", "650.00", 3)


def test_conflict_on_a_section(two_editors, plan):
    first, second = two_editors
    section = SectionFactory(plan=plan, title="组织建设")
    edit = reverse("plans:sections_edit", args=[plan.pk, section.pk])
    first.post(edit, {"title": "组织建设（修改一）", "version": 1}, **HTMX)
    response = second.post(
        edit, {"title": "组织建设（修改二）", "body": "正文", "version": 1}, **HTMX
    )
    assert CONFLICT in response.text
    assert 'value="组织建设（修改二）"' in response.text
    assert "组织建设（修改一）" in response.text
    assert Section.objects.get().title == "组织建设（修改一）"


def test_conflict_on_a_target_shows_choice_labels(two_editors, plan):
    first, second = two_editors
    target = TargetFactory(plan=plan)
    edit = reverse("plans:targets_edit", args=[plan.pk, target.pk])
    data = {"text": "达到90%以上", "comparator": ">=", "value": "90", "unit": "%", "version": 1}
    first.post(edit, {**data, "comparator": "<="}, **HTMX)
    response = second.post(edit, data, **HTMX)
    assert CONFLICT in response.text
    assert "<td>不超过</td>" in response.text and "<td>不少于</td>" in response.text


def test_conflict_on_the_plan_header(two_editors, plan):
    first, second = two_editors
    edit = reverse("plans:header_edit", args=[plan.pk])
    data = {"title": plan.title, "year": 2027, "status": "draft", "goals": "", "version": 1}
    first.post(edit, {**data, "guiding_ideas": "第一人写的指导思想"}, **HTMX)
    response = second.post(edit, {**data, "guiding_ideas": "第二人写的指导思想"}, **HTMX)
    assert CONFLICT in response.text
    assert "第二人写的指导思想</textarea>" in response.text
    assert "第一人写的指导思想" in response.text
    plan.refresh_from_db()
    assert plan.guiding_ideas == "第一人写的指导思想"


def test_a_move_by_someone_else_is_a_conflict_too(two_editors, plan):
    first, second = two_editors
    a = SectionFactory(plan=plan, title="甲", order=0)
    SectionFactory(plan=plan, title="乙", order=1)
    first.post(reverse("plans:sections_move", args=[plan.pk, a.pk, "down"]), **HTMX)
    response = second.post(
        reverse("plans:sections_edit", args=[plan.pk, a.pk]),
        {"title": "甲改", "version": 1},
        **HTMX,
    )
    assert CONFLICT in response.text


def test_row_deleted_meanwhile_offers_to_add_it_again(two_editors, plan):
    first, second = two_editors
    item = ScheduleItemFactory(plan=plan, month=6, text="召开教代会")
    edit = reverse("plans:items_edit", args=[plan.pk, item.pk])
    second.get(edit, **HTMX)
    first.post(reverse("plans:items_delete", args=[plan.pk, item.pk]), **HTMX)
    data = {
        "month": "6",
        "text": "召开第五届教代会",
        "category": "democracy",
        "status": "planned",
        "version": 1,
    }
    response = second.post(edit, data, **HTMX)
    assert response.status_code == 200
    assert DELETED in response.text
    assert 'value="召开第五届教代会"' in response.text
    assert response.text.startswith(f'<tr id="items-{item.pk}-form"')
    add = reverse("plans:items_add", args=[plan.pk])
    assert f'hx-post="{add}"' in response.text
    assert not ScheduleItem.objects.exists()
    second.post(add, data, **HTMX)
    assert ScheduleItem.objects.get().text == "召开第五届教代会"


def test_section_deleted_meanwhile_goes_back_under_its_parent(two_editors, plan):
    first, second = two_editors
    parent = SectionFactory(plan=plan, title="主要工作")
    child = SectionFactory(plan=plan, parent=parent, title="民主管理")
    first.post(reverse("plans:sections_delete", args=[plan.pk, child.pk]), **HTMX)
    response = second.post(
        reverse("plans:sections_edit", args=[plan.pk, child.pk]),
        {"title": "民主管理（改）", "parent": parent.pk, "version": 1},
        **HTMX,
    )
    assert DELETED in response.text
    assert f'name="parent" value="{parent.pk}"' in response.text
