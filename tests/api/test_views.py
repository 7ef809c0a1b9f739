"""The API sees what the pages see: scoping, plans in full, the workflow and the board."""

import pytest

from tests.api.conftest import client_for
from tests.factories import MemberFactory, PlanFactory, ScheduleItemFactory, TargetFactory
from unionplan.plans.models import Plan
from unionplan.review import cascade
from unionplan.review.models import PlanStep
from unionplan.review.statistics import statistics


def _ids(answer) -> set[int]:
    return {row["id"] for row in answer.json()["results"]}


def test_a_school_sees_itself_and_a_district_sees_its_subtree(tree):
    assert _ids(client_for(tree.school_chair).get("/api/v1/organizations/")) == {tree.school.pk}
    seen = _ids(client_for(tree.district_chair).get("/api/v1/organizations/"))
    assert seen == {tree.district.pk, tree.school.pk, tree.other.pk}


def test_another_union_s_organization_and_plan_answer_404(tree, school_plan):
    client = client_for(tree.other_chair)
    assert client.get(f"/api/v1/organizations/{tree.school.pk}/").status_code == 404
    answer = client.get(f"/api/v1/plans/{school_plan.pk}/")
    assert answer.status_code == 404
    assert answer.json()["detail"] == "未找到。"
    assert _ids(client.get("/api/v1/plans/")) == set()


def test_a_plan_comes_with_its_sections_targets_and_items_in_order(tree, school_plan):
    answer = client_for(tree.school_committee).get(f"/api/v1/plans/{school_plan.pk}/")
    assert answer.status_code == 200
    plan = answer.json()
    assert (plan["title"], plan["year"], plan["status"], plan["status_label"]) == (
        "实验小学工会2027年工作计划", 2027, "draft", "草稿",
    )  # fmt: skip
    top, child = plan["sections"]
    assert (top["title"], top["parent"]) == ("主要工作", None)
    assert (child["title"], child["parent"]) == ("加强职工教育", top["id"])
    assert [item["text"] for item in plan["items"]] == ["三八妇女节活动", "教师节慰问"]
    assert [item["budget"] for item in plan["items"]] == ["3000.00", "12000.00"]
    built, written = plan["targets"]
    assert (built["label"], built["section"]) == ("不少于4次", top["id"])
    assert (written["label"], written["value"], written["unit"]) == (
        "集体协商覆盖率达到90%以上", "90.00", "%",
    )  # fmt: skip
    assert built["handed_down_from"] is None


def test_a_share_of_a_federation_target_names_it(tree, school_plan):
    district_plan = PlanFactory(organization=tree.district, year=2027)
    target = TargetFactory(plan=district_plan, text="开展技能培训", value=4, unit="次")
    cascade.split(target, tree.district_chair, "equal")
    answer = client_for(tree.school_chair).get(f"/api/v1/plans/{school_plan.pk}/").json()
    (share,) = [t for t in answer["targets"] if t["handed_down_from"]]
    assert (share["handed_down_from"], share["value"], share["text"]) == (
        target.pk, "2.00", "开展技能培训"
    )  # fmt: skip


def test_the_plan_list_filters_and_refuses_bad_filters_in_chinese(tree, school_plan):
    PlanFactory(organization=tree.other, year=2026, title="第一中学工会2026年工作计划")
    client = client_for(tree.district_chair)
    assert len(_ids(client.get("/api/v1/plans/"))) == 2
    assert _ids(client.get("/api/v1/plans/?year=2027")) == {school_plan.pk}
    assert _ids(client.get(f"/api/v1/plans/?organization={tree.other.pk}&year=2027")) == set()
    assert _ids(client.get("/api/v1/plans/?status=draft")) == _ids(client.get("/api/v1/plans/"))
    bad = client.get("/api/v1/plans/?year=二〇二七")
    assert bad.status_code == 400 and "应为整数" in bad.json()["year"]
    bad = client.get("/api/v1/plans/?status=done")
    assert bad.status_code == 400 and "计划状态" in bad.json()["status"]


def test_the_plan_list_costs_the_same_queries_for_3_and_30_plans(
    tree, django_assert_max_num_queries
):
    client = client_for(tree.district_chair)
    for year in range(2020, 2023):
        PlanFactory(organization=tree.school, year=year)
    client.get("/api/v1/plans/")  # the token's last use is written once
    with django_assert_max_num_queries(6) as few:
        assert len(_ids(client.get("/api/v1/plans/"))) == 3
    for year in range(1990, 2017):
        PlanFactory(organization=tree.other, year=year)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(_ids(client.get("/api/v1/plans/"))) == 30


def test_submit_return_resubmit_approve_through_the_api(tree, school_plan):
    chair, reviewer = client_for(tree.school_chair), client_for(tree.district_chair)
    url = f"/api/v1/plans/{school_plan.pk}/"
    answer = chair.post(url + "submit/", {"comment": "请审批"}, format="json")
    assert answer.status_code == 201
    assert answer.json()["state"] == "submitted" and answer.json()["comment"] == "请审批"

    refused = reviewer.post(url + "review/", {"decision": "return"}, format="json")
    assert refused.status_code == 400 and "意见" in refused.json()["detail"]
    returned = reviewer.post(
        url + "review/", {"decision": "return", "comment": "请补充经费"}, format="json"
    )
    assert returned.status_code == 201 and returned.json()["state"] == "returned"

    assert chair.post(url + "submit/", {}, format="json").status_code == 201
    version = Plan.objects.get(pk=school_plan.pk).version
    approved = reviewer.post(
        url + "review/", {"decision": "approve", "version": version}, format="json"
    )
    assert approved.status_code == 201 and approved.json()["state"] == "approved"
    history = chair.get(url + "history/").json()
    assert [step["state"] for step in history] == ["submitted", "returned", "submitted", "approved"]
    assert history[1]["comment"] == "请补充经费"


@pytest.mark.parametrize(
    ("who", "action", "body"),
    [
        ("school_committee", "submit/", {}),  # only the chair submits
        ("school_chair", "review/", {"decision": "approve"}),  # nobody reviews their own
        ("district_chair", "review/", {"decision": "approve"}),  # nothing submitted yet
    ],
)
def test_a_step_the_person_may_not_take_is_a_400_and_changes_nothing(
    tree, school_plan, who, action, body
):
    answer = client_for(getattr(tree, who)).post(
        f"/api/v1/plans/{school_plan.pk}/{action}", body, format="json"
    )
    assert answer.status_code == 400
    assert answer.json()["detail"] and answer.json()["detail"].isascii() is False
    assert PlanStep.objects.count() == 0
    assert Plan.objects.get(pk=school_plan.pk).status == "draft"


def test_an_empty_plan_cannot_be_submitted(tree):
    empty = PlanFactory(organization=tree.school, year=2028)
    answer = client_for(tree.school_chair).post(
        f"/api/v1/plans/{empty.pk}/submit/", {}, format="json"
    )
    assert answer.status_code == 400 and "活动" in answer.json()["detail"]


def test_a_bad_decision_and_a_bad_body_are_refused_in_chinese(tree, school_plan):
    client = client_for(tree.district_chair)
    url = f"/api/v1/plans/{school_plan.pk}/review/"
    answer = client.post(url, {"decision": "maybe"}, format="json")
    assert answer.status_code == 400 and "approve" in answer.json()["decision"][0]
    answer = client.post(url, "not json", content_type="application/json")
    assert answer.status_code == 400


def test_the_board_lists_the_district_s_unions_with_their_states(tree, school_plan):
    client = client_for(tree.district_chair)
    client.post(f"/api/v1/plans/{school_plan.pk}/submit/", {}, format="json")  # not the chair
    client_for(tree.school_chair).post(f"/api/v1/plans/{school_plan.pk}/submit/", {}, format="json")
    board = client.get(f"/api/v1/board/{tree.district.pk}/2027/").json()
    rows = {row["name"]: row for row in board["rows"]}
    assert rows["实验小学工会"]["state"] == "submitted"
    assert rows["实验小学工会"]["state_label"] == "已提交"
    assert rows["实验小学工会"]["budget"] == "15000.00"
    assert rows["第一中学工会"]["state"] == "none"
    assert board["counts"]["submitted"] == 1 and board["counts"]["none"] == 1
    only = client.get(f"/api/v1/board/{tree.district.pk}/2027/?state=none").json()
    assert [row["name"] for row in only["rows"]] == ["第一中学工会"]
    assert client.get(f"/api/v1/board/{tree.district.pk}/2027/?state=x").status_code == 400


def test_the_board_is_refused_below_and_unknown_outside(tree):
    answer = client_for(tree.school_chair).get(f"/api/v1/board/{tree.district.pk}/2027/")
    assert answer.status_code == 403 and "审批看板" in answer.json()["detail"]
    assert client_for(tree.other_chair).get(f"/api/v1/board/{tree.city.pk}/2027/").status_code in {
        403, 404,
    }  # fmt: skip
    assert (
        client_for(tree.district_chair).get(f"/api/v1/board/{tree.city.pk}/2027/").status_code
        == 403
    )
    assert (
        client_for(tree.district_chair).get(f"/api/v1/board/{tree.district.pk}/1900/").status_code
        == 404
    )


def test_the_browser_session_works_too_with_csrf(tree, school_plan, client):
    client.force_login(tree.school_chair)
    assert client.get(f"/api/v1/plans/{school_plan.pk}/").status_code == 200
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(tree.school_chair)
    answer = strict.post(
        f"/api/v1/plans/{school_plan.pk}/submit/", "{}", content_type="application/json"
    )
    assert answer.status_code == 403  # a page's session may not post without the CSRF token
    assert not PlanStep.objects.exists()


def test_items_are_not_counted_per_row(tree, school_plan, django_assert_max_num_queries):
    client = client_for(tree.school_chair)
    client.get(f"/api/v1/plans/{school_plan.pk}/")
    with django_assert_max_num_queries(8) as few:
        client.get(f"/api/v1/plans/{school_plan.pk}/")
    for month in range(1, 13):
        ScheduleItemFactory(plan=school_plan, month=month, text=f"{month}月活动")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(f"/api/v1/plans/{school_plan.pk}/").json()["items"]) == 14


def test_the_statistics_are_the_page_s_figures(tree, school_plan, django_assert_max_num_queries):
    for _ in range(2):
        MemberFactory(organization=tree.school)
    MemberFactory(organization=tree.other)
    client = client_for(tree.district_chair)
    with django_assert_max_num_queries(12):
        answer = client.get(f"/api/v1/statistics/{tree.district.pk}/2027/")
    assert answer.status_code == 200
    data = answer.json()
    lines, total = statistics(tree.district, 2027)
    assert [line["name"] for line in data["lines"]] == [line.name for line in lines]
    by_name = {line["name"]: line for line in data["lines"]}
    assert by_name["实验小学工会"]["members"] == 2 and by_name["第一中学工会"]["members"] == 1
    assert data["total"]["members"] == total.members == 3
    assert data["total"]["organizations"] == 2 and data["total"]["welfare_amount"] == "0.00"
    assert data["total"]["campaign_amount"] == "0.00" and data["total"]["campaign_people"] == 0
    assert (data["organization"], data["year"]) == (tree.district.pk, 2027)


def test_the_statistics_are_refused_below_and_unknown_outside(tree):
    answer = client_for(tree.school_chair).get(f"/api/v1/statistics/{tree.district.pk}/2027/")
    assert answer.status_code == 403 and "主席或工作人员" in answer.json()["detail"]
    outside = client_for(tree.district_chair).get(f"/api/v1/statistics/{tree.city.pk}/2027/")
    assert outside.status_code in {403, 404}
    assert (
        client_for(tree.district_chair).get(f"/api/v1/statistics/{tree.district.pk}/1900/")
    ).status_code == 404
