"""Running the year in a real browser: record an activity, see it done, download the summary."""

import datetime as dt
from decimal import Decimal

import docx
import pytest

from tests.e2e.conftest import login
from tests.factories import (
    PASSWORD,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    TargetFactory,
)
from tests.records.factories import ExpenseLineFactory, TargetMeasureFactory, held

pytestmark = pytest.mark.django_db(transaction=True)

FORM_SHOT = "/tmp/unionplan-record-form.png"
DASHBOARD_SHOT = "/tmp/unionplan-dashboard.png"
PLAN_SHOT = "/tmp/unionplan-records-plan.png"


@pytest.fixture
def school(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    org = OrganizationFactory(name="实验中学工会", sector="school")
    year = dt.date.today().year
    plan = PlanFactory(organization=org, year=year, title=f"{year}年学校工会工作计划")
    item = ScheduleItemFactory(
        plan=plan, month=3, text="三八妇女节女教职工活动", scope="女教职工", category="women"
    )
    for name in ("王芳", "李娜", "张静"):
        MemberFactory(organization=org, name=name, gender="female", department="语文组")
    # A few more activities and a target, so the dashboard has something to draw.
    training = ScheduleItemFactory(plan=plan, month=5, text="工会干部培训", category="training",
                                   budget=Decimal(800))  # fmt: skip
    for record in held(training, 2, others_count=15, date=dt.date(year, 5, 12)):
        ExpenseLineFactory(record=record, amount=Decimal(260), category="training")
    ScheduleItemFactory(plan=plan, month=9, text="教师节慰问", category="festival")
    TargetMeasureFactory(target=TargetFactory(plan=plan, text="全年不少于4次集中培训"),
                         category="training")  # fmt: skip
    user = RoleFactory(organization=org, role="chair").user
    login(page, user.username, PASSWORD)
    return org, plan, item


def test_record_an_activity_see_it_done_and_download_the_summary(page, school, tmp_path):
    _org, plan, item = school
    page.goto(f"{page.base_url}/records/plan/{plan.pk}/")
    page.click(f"#item-{item.pk} a:has-text('记录')")
    page.wait_for_selector("h1:has-text('记录一次活动')")
    page.fill("#id_date", f"{plan.year}-03-08")
    page.fill("#id_place", "学校礼堂")
    page.fill("#id_others_count", "5")
    page.check("label.attendee:has-text('王芳') input")
    page.check("label.attendee:has-text('李娜') input")
    page.select_option("select[name='expenses-0-category']", "prize")
    page.fill("input[name='expenses-0-amount']", "320.50")
    page.fill("input[name='expenses-0-payee']", "文具店")
    page.fill("#id_summary", "开展女教职工趣味运动会，参加踊跃。")
    page.screenshot(path=FORM_SHOT, full_page=True)
    page.click("button:has-text('保存')")

    page.wait_for_selector("text=活动记录已保存")
    assert page.locator("h1 .badge").inner_text() == "已完成"
    assert "参加 7 人次" in page.content()

    page.goto(f"{page.base_url}/records/plan/{plan.pk}/")
    assert page.locator(f"#item-{item.pk} .badge").inner_text() == "已完成"
    page.screenshot(path=PLAN_SHOT, full_page=True)
    page.click("#summary-download")  # a background job: its page offers the file when done
    page.wait_for_selector("#job-status.job-done")
    with page.expect_download() as download_info:
        page.click("#job-status a:has-text('下载')")
    path = tmp_path / "summary.docx"
    download_info.value.save_as(path)
    document = docx.Document(path)
    assert document.paragraphs[0].text == f"实验中学工会{plan.year}年度工作总结"
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["3月", "三八妇女节女教职工活动", "已完成", "3月8日", "7", "320.50"] in rows
    assert len(document.inline_shapes) == 2


def test_the_dashboard_renders_its_charts(page, school):
    org, plan, _item = school
    page.goto(f"{page.base_url}/dashboard/org/{org.pk}/?year={plan.year}")
    for chart in ("chart-items", "chart-participation", "chart-budget", "chart-targets"):
        page.wait_for_selector(f"#{chart}[data-rendered='1'] canvas")
    page.wait_for_timeout(300)
    page.screenshot(path=DASHBOARD_SHOT, full_page=True)
    assert page.locator("#kpi-done").inner_text() == "1 / 3"
