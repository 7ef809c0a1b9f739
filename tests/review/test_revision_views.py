"""The 调整 button of the plan page and the comparison page."""

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, RoleFactory, ScheduleItemFactory
from unionplan.plans.models import Plan
from unionplan.review import services
from unionplan.review.models import PlanRevision


@pytest.fixture
def approved(tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    services.review(school_plan, tree.district_chair, approve=True)
    school_plan.refresh_from_db()
    return school_plan


def test_the_chair_sees_the_button_and_opens_an_adjustment(client, tree, approved):
    client.force_login(tree.school_chair)
    page = client.get(reverse("plans:detail", args=[approved.pk])).content.decode()
    assert "申请调整计划" in page and "如需修改，请申请调整" in page
    answer = client.post(reverse("review:adjust", args=[approved.pk]), {"reason": "新增讲座"},
                         follow=True)  # fmt: skip
    page = answer.content.decode()
    assert "已开始第1次调整" in page
    assert Plan.objects.get(pk=approved.pk).status == "draft"
    assert reverse("review:revision", args=[approved.pk, 1]) in page


def test_a_committee_member_sees_no_button_and_is_refused(client, tree, approved):
    client.force_login(tree.school_committee)
    page = client.get(reverse("plans:detail", args=[approved.pk])).content.decode()
    assert "申请调整计划" not in page
    answer = client.post(reverse("review:adjust", args=[approved.pk]), {"reason": "x"},
                         follow=True)  # fmt: skip
    assert "只有本工会的工会主席可以申请调整计划" in answer.content.decode()
    assert not PlanRevision.objects.exists()


def test_no_reason_is_refused_in_chinese(client, tree, approved):
    client.force_login(tree.school_chair)
    answer = client.post(reverse("review:adjust", args=[approved.pk]), {"reason": ""}, follow=True)
    assert "申请调整必须填写调整原因" in answer.content.decode()
    assert Plan.objects.get(pk=approved.pk).status == "approved"


def test_the_comparison_shows_what_changed(client, tree, approved):
    approved.items.filter(text="教师节慰问").update(budget="12000.00")
    services.adjust(approved, tree.school_chair, "新增职工心理健康讲座")
    item = approved.items.get(text="教师节慰问")
    item.budget = "15000.00"
    item.save()
    ScheduleItemFactory(plan=approved, month=11, text="职工心理健康讲座", budget="2000.00")
    client.force_login(tree.district_chair)  # the reviewer reads it too
    page = client.get(reverse("review:revision", args=[approved.pk, 1])).content.decode()
    assert "第1次调整：与原计划对比" in page and "新增职工心理健康讲座" in page
    assert "新增 1 项，删除 0 项，修改 1 项" in page
    assert "<del>12,000.00</del>" in page and "<ins>15,000.00</ins>" in page
    assert "职工心理健康讲座" in page and "另有 1 项未变。" in page


def test_the_comparison_is_404_outside_and_for_an_unknown_number(client, tree, approved):
    services.adjust(approved, tree.school_chair, "原因")
    stranger = RoleFactory(organization=OrganizationFactory(name="别的工会"), role="chair").user
    client.force_login(stranger)
    assert client.get(reverse("review:revision", args=[approved.pk, 1])).status_code == 404
    client.force_login(tree.school_chair)
    assert client.get(reverse("review:revision", args=[approved.pk, 2])).status_code == 404
    assert client.post(reverse("review:revision", args=[approved.pk, 1])).status_code == 405
    assert client.get(reverse("review:adjust", args=[approved.pk])).status_code == 405


def test_the_comparison_costs_the_same_queries_for_2_and_40_items(
    client, tree, approved, django_assert_max_num_queries
):
    services.adjust(approved, tree.school_chair, "原因")
    client.force_login(tree.school_chair)
    url = reverse("review:revision", args=[approved.pk, 1])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for month in range(1, 13):
        for n in range(3):
            ScheduleItemFactory(plan=approved, month=month, text=f"{month}月活动{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
