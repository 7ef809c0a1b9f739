"""Import a plan in the browser: upload a GBK text file, check the preview, confirm."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, OrganizationFactory, RoleFactory
from unionplan.plans.models import Plan

PLAN = (
    "2027年學校工會工作計劃\n一、指導思想\n團結動員全體教職工。\n二、主要活動安排\n"
    "三月份：\n1、慶祝“三八”婦女節，慰問女教工。\n九月份：\n1、“教師節”慶祝活動。\n"
)


@pytest.mark.django_db(transaction=True)
def test_upload_preview_confirm(page, tmp_path):
    org = OrganizationFactory(name="实验小学工会")
    user = RoleFactory(organization=org, role="chair").user
    source = tmp_path / "去年计划.txt"
    source.write_bytes(PLAN.encode("gb18030"))
    login(page, user.username, PASSWORD)
    page.goto(f"{page.base_url}/orgs/{org.pk}/")
    page.click("text=导入已有计划")
    page.set_input_files("#id_file", str(source))
    page.check("#id_simplified")
    page.click("text=上传并预览")
    page.wait_for_selector(".plan-preview")
    assert "庆祝“三八”妇女节" in page.inner_text(".plan-preview")
    assert not Plan.objects.exists()
    shots = Path(os.environ.get("UNIONPLAN_SCREENSHOTS", tmp_path))
    page.screenshot(path=str(shots / "import-preview.png"), full_page=True)
    page.click("text=确认导入")
    page.wait_for_url(f"{page.base_url}/plans/**")
    plan = Plan.objects.get(organization=org)
    assert plan.items.filter(month=9).exists()
    assert "教师节" in page.content()
