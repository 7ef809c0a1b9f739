"""A background job end to end, in Chinese, against a real installation: ``unionplan
serve`` and ``unionplan worker`` as separate processes on their own SQLite database.

A chair uploads a roster of 12,000 members. Its check is a job: the page shows it queued
(no worker yet), then — with the worker started, without a reload (htmx polling) — the
outcome with a link to the preview. The confirmation is a second job, whose page shows
its steps and then the outcome with a link back to the registry.
Screenshots at 1366 and 390 px go to UNIONPLAN_SCREENSHOTS when it is set.
"""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.jobs.installation import Installation
from tests.jobs.test_worker import roster_csv

pytestmark = pytest.mark.real_queue
ROWS = 12_000  # a CSV of about 840 KB: over the size that is checked in the background


def port_in_range() -> int:
    """A free port of this helper's range (8160–8169), else any free one."""
    for port in [*range(8160, 8170), 0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise AssertionError("no free port")


@pytest.fixture
def site(tmp_path):
    """The installation, a chair of a union, and its server; the worker is the test's."""
    installation = Installation(tmp_path, "sqlite")
    installation.python("""
from django.contrib.auth import get_user_model
from unionplan.orgs.models import Organization, Role
org = Organization.objects.create(name="第一机械厂工会", kind="grassroots", sector="enterprise")
user = get_user_model().objects.create_user("zhuxi", password="zhuxi-2027",
                                            last_name="王", first_name="芳")
Role.objects.create(user=user, organization=org, role="chair")
""")
    port = port_in_range()
    server = subprocess.Popen(
        [sys.executable, "-m", "unionplan.cli", "serve", "--host", "127.0.0.1",
         "--port", str(port)],
        env=installation.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/accounts/login/", timeout=2).close()
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "server did not start"
            time.sleep(0.3)
    yield installation, url
    server.terminate()
    server.wait(timeout=30)
    installation.close()


def test_a_large_roster_import_runs_in_the_background_with_its_progress(browser, site, shots):
    installation, url = site
    roster = installation.folder / "职工花名册.csv"
    roster.write_bytes(roster_csv(ROWS))
    context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(180_000)  # the machine may be busy
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "zhuxi")
    page.fill("#id_password", "zhuxi-2027")
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")

    org_id = installation.sql("SELECT id FROM orgs_organization")[0][0]
    page.goto(f"{url}/members/org/{org_id}/import/")
    page.set_input_files("input[type=file]", str(roster))
    page.click("button:has-text('上传并检查')")

    # a file this large is checked in the background too: no worker yet, so it waits
    page.wait_for_url(f"{url}/jobs/*/")
    status = page.locator("#job-status")
    assert "排队中" in status.inner_text()
    assert page.locator("h1").inner_text() == "检查花名册：职工花名册.csv"
    page.screenshot(path=str(shots / "job-queued-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "job-queued-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    installation.start_worker()
    page.wait_for_selector("#job-status.job-done")  # the same page, updated by polling
    assert f"可以导入 {ROWS} 行，有问题 0 行" in status.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "job-checked-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.click("#job-status a:has-text('查看检查结果')")
    page.wait_for_selector("text=花名册检查结果")
    assert installation.sql("SELECT count(*) FROM members_member")[0][0] == 0
    page.click(f"button:has-text('导入这 {ROWS} 行')")

    page.wait_for_url(f"{url}/jobs/*/")
    assert page.locator("h1").inner_text() == "导入会员名册：职工花名册.csv"
    page.wait_for_selector("#job-status:has-text('步'), #job-status.job-done")
    steps_seen = status.inner_text()
    page.screenshot(path=str(shots / "job-running-1366.png"), full_page=True)
    page.wait_for_selector("#job-status.job-done")
    done = status.inner_text()
    assert f"导入完成：新增 {ROWS} 人，更新 0 人，跳过有问题的 0 行。" in done
    assert "第 " in steps_seen or "导入完成" in steps_seen
    page.screenshot(path=str(shots / "job-done-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "job-done-390.png"), full_page=True)

    page.click("#job-status a:has-text('返回')")
    page.wait_for_url(f"{url}/members/org/{org_id}/")
    assert installation.sql("SELECT count(*) FROM members_member")[0][0] == ROWS
    context.close()


def test_the_year_end_summary_is_made_by_the_worker_and_downloaded(browser, site, shots):
    installation, url = site
    plan_id = installation.python("""
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, ScheduleItem
plan = Plan.objects.create(organization=Organization.objects.get(), year=2027,
                           title="第一机械厂工会2027年工作计划")
ScheduleItem.objects.create(plan=plan, month=3, text="三八妇女节女职工活动", scope="女职工")
print(plan.pk)
""")
    installation.start_worker()
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1366, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(180_000)  # the machine may be busy
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "zhuxi")
    page.fill("#id_password", "zhuxi-2027")
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")
    page.goto(f"{url}/records/plan/{plan_id}/")
    page.screenshot(path=str(shots / "records-plan-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "records-plan-390.png"), full_page=True)

    page.click("#summary-download")
    page.wait_for_selector("#job-status.job-done")
    assert "第一机械厂工会2027年度工作总结已生成" in page.locator("#job-status").inner_text()
    with page.expect_download() as download_info:
        page.click("#job-status a:has-text('下载')")
    path = installation.folder / "summary.docx"
    download_info.value.save_as(path)
    assert download_info.value.suggested_filename == "2027年度工作总结.docx"
    import docx

    document = docx.Document(path)
    assert document.paragraphs[0].text == "第一机械厂工会2027年度工作总结"
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert any("三八妇女节女职工活动" in row for row in rows)
    context.close()
