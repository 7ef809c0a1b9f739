"""The workflow on the plan page: the buttons each person sees, and what pressing them does."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import RoleFactory
from unionplan.plans.models import Plan
from unionplan.review import services
from unionplan.review.models import PlanStep


def page(client, plan):
    return client.get(reverse("plans:detail", args=[plan.pk])).content.decode()


def test_chair_sees_submit_and_submits(client, tree, school_plan):
    client.force_login(tree.school_chair)
    assert reverse("review:submit", args=[school_plan.pk]) in page(client, school_plan)
    response = client.post(reverse("review:submit", args=[school_plan.pk]), {"comment": "请审"})
    assert response.status_code == 302
    assert Plan.objects.get(pk=school_plan.pk).status == "submitted"
    text = page(client, school_plan)
    assert "已提交上级工会审批" in text and "请审" in text
    assert reverse("review:submit", args=[school_plan.pk]) not in text
    assert reverse("review:review", args=[school_plan.pk]) not in text  # not their own
    assert reverse("plans:header_edit", args=[school_plan.pk]) not in text  # read-only


def test_committee_member_sees_no_workflow_buttons(client, tree, school_plan):
    client.force_login(tree.school_committee)
    text = page(client, school_plan)
    assert reverse("review:submit", args=[school_plan.pk]) not in text
    response = client.post(reverse("review:submit", args=[school_plan.pk]))
    assert Plan.objects.get(pk=school_plan.pk).status == "draft"
    assert "只有本工会的工会主席" in client.get(response["Location"]).content.decode()


def test_reviewer_returns_with_comment_then_approves(client, tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    client.force_login(tree.district_chair)
    url = reverse("review:review", args=[school_plan.pk])
    assert url in page(client, school_plan)
    client.post(url, {"decision": "return", "comment": "", "version": 2})
    assert Plan.objects.get(pk=school_plan.pk).status == "submitted"
    assert "退回计划必须填写意见" in page(client, school_plan)
    client.post(url, {"decision": "return", "comment": "请补充预算", "version": 2})
    assert Plan.objects.get(pk=school_plan.pk).status == "returned"
    assert "请补充预算" in page(client, school_plan)
    services.submit(school_plan, tree.school_chair)
    client.post(url, {"decision": "approve", "comment": "同意", "version": 2})  # stale page
    assert Plan.objects.get(pk=school_plan.pk).status == "submitted"
    assert "已被修改" in page(client, school_plan)
    client.post(url, {"decision": "approve", "comment": "同意", "version": 3})
    assert Plan.objects.get(pk=school_plan.pk).status == "approved"
    assert PlanStep.objects.filter(plan=school_plan).count() == 4


def test_workflow_urls_need_post_and_hide_from_strangers(client, tree, school_plan):
    client.force_login(tree.district_chair)
    assert client.get(reverse("review:submit", args=[school_plan.pk])).status_code == 405
    client.force_login(RoleFactory(role="chair").user)
    assert client.post(reverse("review:review", args=[school_plan.pk])).status_code == 404


def test_plan_page_queries_do_not_grow_with_steps(client, tree, school_plan):
    client.force_login(tree.district_chair)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("plans:detail", args=[school_plan.pk])).status_code == 200
        return len(queries)

    services.submit(school_plan, tree.school_chair)
    few = count()
    for _ in range(10):
        services.review(school_plan, tree.district_chair, approve=False, comment="再改")
        services.submit(school_plan, tree.school_chair)
    assert PlanStep.objects.count() == 21
    assert count() == few


def test_the_bell_counts_unread_notifications(client, tree, school_plan):
    services.submit(school_plan, tree.school_chair)
    client.force_login(tree.district_chair)
    bell = client.get(reverse("review:bell")).content.decode()
    assert 'class="unread-count">1<' in bell
    inbox = client.get(reverse("review:inbox")).content.decode()
    assert "实验小学工会提交了《2027年工会工作计划》，请审批。" in inbox
    assert reverse("plans:detail", args=[school_plan.pk]) in inbox
    client.post(reverse("review:inbox"))
    assert "unread-count" not in client.get(reverse("review:bell")).content.decode()
    services.review(school_plan, tree.district_chair, approve=False, comment="请补充预算")
    client.force_login(tree.school_chair)
    assert 'class="unread-count">1<' in client.get(reverse("review:bell")).content.decode()
    assert "被退回：请补充预算" in client.get(reverse("review:inbox")).content.decode()
    assert client.post(reverse("review:bell")).status_code == 405
    # the page loads the bell after it is drawn: no query of its own in every page
    assert reverse("review:bell") in client.get(reverse("home")).content.decode()


def test_the_panel_in_english(client, tree, school_plan, settings):
    services.submit(school_plan, tree.school_chair)
    client.force_login(tree.district_chair)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = page(client, school_plan)
    assert "Submission and review" in text and "Submitted" in text and "version 2" in text
    assert "提交与审批" not in text and "尚未提交" not in text
