"""The plan's way up and its 调整, in a Chinese browser: the union's chair submits, the
district returns it with a comment, the chair resubmits, the district approves; then the
chair opens a 调整 with a reason and the district reads the comparison with the approved plan.
"""

from tests.e2e.conftest import login
from tests.factories import (
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
)
from unionplan.plans.models import Plan, ScheduleItem


def _person(org, role, username, last, first):
    user = RoleFactory(organization=org, role=role, user__username=username).user
    user.last_name, user.first_name = last, first
    user.set_password("pw-2027")
    user.save()
    return user


def test_submit_return_resubmit_approve_then_adjust_and_compare(page, browser, live_server, shots):
    district = FederationFactory(name="区总工会")
    school = OrganizationFactory(name="实验小学工会", parent=district)
    _person(school, "chair", "zhuxi", "王", "芳")
    _person(district, "chair", "quzong", "李", "强")
    plan = PlanFactory(organization=school, year=2027, title="实验小学工会2027年工作计划")
    ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动", budget="3000.00")
    ScheduleItemFactory(plan=plan, month=9, text="教师节慰问", budget="12000.00")
    url = f"{live_server.url}/plans/{plan.pk}/"

    reviewer_context = browser.new_context(locale="zh-CN")
    reviewer = reviewer_context.new_page()
    reviewer.base_url = live_server.url
    login(reviewer, "quzong", "pw-2027")
    login(page, "zhuxi", "pw-2027")

    def submit(comment=""):
        page.goto(url)
        page.fill(".workflow-submit textarea", comment)
        page.click(".workflow-submit button")
        page.wait_for_load_state()
        assert "已提交上级工会审批" in page.locator("main").inner_text(), page.locator(
            "main"
        ).inner_text()[:600]

    submit("请审批")
    reviewer.goto(url)
    reviewer.click(".workflow-review button[value=return]")  # no comment: refused
    reviewer.wait_for_selector("text=退回计划必须填写意见")
    reviewer.fill(".workflow-review textarea", "请补充教师节经费测算")
    reviewer.click(".workflow-review button[value=return]")
    reviewer.wait_for_selector("text=计划已退回")
    page.goto(url)
    assert "请补充教师节经费测算" in page.locator("#workflow").inner_text()
    submit("已补充")
    reviewer.goto(url)
    reviewer.click(".workflow-review button[value=approve]")
    reviewer.wait_for_selector("text=计划已通过")

    page.goto(url)
    page.click("summary:has-text('申请调整计划')")
    page.click("button:has-text('开始调整')")  # no reason: the browser asks for one first
    assert page.locator(".workflow-adjust textarea:invalid").count() == 1
    assert Plan.objects.get(pk=plan.pk).status == "approved"
    page.fill(".workflow-adjust textarea", "区总工会新增部署职工心理健康讲座")
    page.click("button:has-text('开始调整')")
    page.wait_for_selector("text=已开始第1次调整")
    ScheduleItem.objects.filter(plan=plan, text="教师节慰问").update(budget="15000.00")
    ScheduleItemFactory(plan=plan, month=11, text="职工心理健康讲座", budget="2000.00")
    submit("调整后报批")

    reviewer.goto(url)
    reviewer.click("#workflow a:has-text('第1次调整')")
    reviewer.wait_for_selector("h1:has-text('第1次调整：与原计划对比')")
    text = reviewer.locator("main").inner_text()
    assert "新增 1 项，删除 0 项，修改 1 项" in text
    assert "区总工会新增部署职工心理健康讲座" in text
    assert reviewer.locator("#part-items ins").first.inner_text() == "15,000.00"
    for width in (1366, 390):
        reviewer.set_viewport_size({"width": width, "height": 900})
        reviewer.screenshot(path=str(shots / f"revision-{width}.png"), full_page=True)
    reviewer.goto(url)
    reviewer.click(".workflow-review button[value=approve]")
    reviewer.wait_for_selector("text=计划已通过")
    assert Plan.objects.get(pk=plan.pk).revisions.get().approved_step is not None
    reviewer_context.close()
