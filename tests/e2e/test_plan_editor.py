"""The plan editor in a real browser: create a plan, fill it in through htmx, export Word."""

import docx
import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, RoleFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOT = "/tmp/unionplan-plan-page.png"


@pytest.fixture
def chair_login(page):
    org = OrganizationFactory(name="实验小学工会", sector="school")
    user = RoleFactory(organization=org, role="chair").user
    login(page, user.username, PASSWORD)
    return org


def test_create_plan_fill_it_in_and_export_word(page, chair_login, tmp_path):
    org = chair_login
    page.goto(f"{page.base_url}/orgs/{org.pk}/")
    page.click("text=新建工作计划")
    page.fill("#id_title", "2027年学校工会工作计划")
    page.fill("#id_year", "2027")
    page.click("button:has-text('新建')")
    page.wait_for_selector("h1:has-text('2027年学校工会工作计划')")

    # a section, through the htmx form that opens in place
    page.click("#sections a:has-text('添加章节')")
    form = page.locator("#sections-new-form")
    form.locator("input[name=title]").fill("组织广大教职工深入学习理论")
    form.locator("textarea[name=body]").fill("配合学校党总支，组织学习《工会规程》。")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#sections .section-title:has-text('一、组织广大教职工深入学习理论')")

    # a child section under it
    page.click("#sections a:has-text('添加下级')")
    child = page.locator("[id$='-new-form']").first
    child.locator("input[name=title]").fill("开展多项活动")
    child.locator("button[type=submit]").click()
    page.wait_for_selector("#sections .section-title:has-text('（一）开展多项活动')")

    # a target tied to the section
    page.click("#targets a:has-text('添加目标')")
    form = page.locator("#targets-new-form")
    form.locator("input[name=text]").fill("全年不少于4次集中培训")
    form.locator("input[name=value]").fill("4")
    form.locator("input[name=unit]").fill("次")
    form.locator("select[name=section]").select_option(label="一、组织广大教职工深入学习理论")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#targets td:has-text('全年不少于4次集中培训')")

    # a schedule item; a bad budget first, then fixed
    page.click("#schedule a:has-text('添加活动')")
    form = page.locator("#items-new-form")
    form.locator("input[name=month]").fill("5")
    form.locator("input[name=text]").fill("与兄弟学校进行校际羽毛球友谊赛")
    form.locator("input[name=scope]").fill("全体教职工")
    form.locator("input[name=budget]").fill("一千二")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#items-new-form >> text=经费应为数字")
    form = page.locator("#items-new-form")
    assert form.locator("input[name=text]").input_value() == "与兄弟学校进行校际羽毛球友谊赛"
    form.locator("input[name=budget]").fill("1200")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#schedule td:has-text('与兄弟学校进行校际羽毛球友谊赛')")
    assert "五月份" in page.locator("#schedule").inner_text()
    assert "1,200.00" in page.locator("#schedule tfoot").inner_text()

    # edit the item in its row
    page.click("#schedule tr[id^=item-] a:has-text('编辑')")
    row_form = page.locator("#schedule tr.editing")
    row_form.locator("input[name=owner]").fill("工会主席")
    row_form.locator("button[type=submit]").click()
    page.wait_for_selector("#schedule td:has-text('工会主席')")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=SCREENSHOT, full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=SCREENSHOT.replace(".png", "-print.png"), full_page=True)
    assert not page.locator("a[data-format=docx]").is_visible()  # no buttons on paper
    page.emulate_media(media="screen")
    page.click("#header a:has-text('修改计划信息')")
    page.click("#schedule tr[id^=item-] a:has-text('编辑')")
    page.wait_for_selector("#schedule tr.editing")
    page.screenshot(path=SCREENSHOT.replace(".png", "-editing.png"), full_page=True)
    page.click("#schedule tr.editing a:has-text('取消')")
    page.wait_for_selector("#schedule tr.editing", state="detached")

    with page.expect_download() as info:
        page.click("a[data-format=docx]")
    download = info.value
    assert download.suggested_filename == "2027年学校工会工作计划.docx"
    path = tmp_path / "plan.docx"
    download.save_as(path)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "2027年学校工会工作计划" in text
    assert "组织广大教职工深入学习理论" in text
    assert "与兄弟学校进行校际羽毛球友谊赛" in cells


def test_viewer_sees_no_edit_controls(page, live_server):
    from tests.factories import PlanFactory, ScheduleItemFactory

    org = OrganizationFactory(name="人民医院工会", sector="hospital")
    plan = PlanFactory(organization=org, title="2027年医院工会工作计划")
    ScheduleItemFactory(plan=plan, month=5, text="护士节慰问")
    user = RoleFactory(organization=org, role="viewer").user
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    assert "护士节慰问" in page.locator("#schedule").inner_text()
    assert page.locator("text=添加活动").count() == 0
    assert page.locator("#schedule button").count() == 0


def test_conflict_in_the_browser_keeps_what_was_typed(page):
    import datetime as dt
    from decimal import Decimal

    from django.db.models import F

    from tests.factories import PlanFactory, ScheduleItemFactory, SectionFactory, TargetFactory
    from unionplan.plans.models import ScheduleItem

    org = OrganizationFactory(name="实验小学工会", sector="school")
    plan = PlanFactory(
        organization=org,
        title="2027年学校工会工作计划",
        guiding_ideas="坚持以职工为中心，全面履行工会职能，团结动员全体教职工。",
        goals="争创区“优秀教工之家”，丰富教职工业余生活。",
    )
    top = SectionFactory(plan=plan, title="组织广大教职工深入学习理论", order=0)
    SectionFactory(plan=plan, parent=top, title="配合学校党总支组织学习", order=0)
    SectionFactory(plan=plan, title="切实加强学校民主管理", order=1)
    TargetFactory(plan=plan, section=top, text="全年不少于4次集中培训")
    rows = [
        (1, None, dt.date(2027, 1, 1), "庆元旦活动", "全体教职工", Decimal("3000")),
        (1, None, None, "慰问70周岁以上退休老教师", "70周岁以上退休老教师", Decimal("5000")),
        (3, None, dt.date(2027, 3, 8), "庆祝三八妇女节，慰问女教工", "女教职工", Decimal("2000")),
        (7, 8, None, "协助学校做好百年校庆的筹备工作", "工会委员", None),
        (10, None, None, "重阳节老教师慰问活动", "退休教师", Decimal("4000")),
    ]
    for month, end, day, text, scope, budget in rows:
        ScheduleItemFactory(
            plan=plan, month=month, end_month=end, date=day, text=text, scope=scope, budget=budget
        )
    user = RoleFactory(organization=org, role="chair").user
    login(page, user.username, PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{page.base_url}/plans/{plan.pk}/")
    item = ScheduleItem.objects.get(text="重阳节老教师慰问活动")
    page.click(f"#item-{item.pk} a:has-text('编辑')")
    form = page.locator("#schedule tr.editing")
    form.locator("input[name=text]").fill("重阳节登山活动")
    # meanwhile someone else saves the same activity
    ScheduleItem.objects.filter(pk=item.pk).update(
        text="重阳节慰问退休老教师", version=F("version") + 1
    )
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#schedule .conflict")
    form = page.locator("#schedule tr.editing")
    assert form.locator("input[name=text]").input_value() == "重阳节登山活动"
    assert "重阳节慰问退休老教师" in form.locator("table.comparison").inner_text()
    page.screenshot(path=SCREENSHOT.replace(".png", "-conflict.png"), full_page=True)
    form.locator("button:has-text('覆盖保存')").click()
    # The comparison table shows the typed text too: wait for the editor to go away.
    page.wait_for_selector("#schedule tr.editing", state="detached")
    page.wait_for_selector(f"#item-{item.pk} td:has-text('重阳节登山活动')")
    assert ScheduleItem.objects.get(pk=item.pk).text == "重阳节登山活动"
    page.screenshot(path=SCREENSHOT.replace(".png", "-full.png"), full_page=True)
