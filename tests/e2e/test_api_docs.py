"""A chair makes an API token on their page and reads the API's documentation, offline.

The documentation is Swagger UI from drf-spectacular-sidecar's files under static/: the
page must draw with no request leaving the server and no Content-Security-Policy refusal.
"""

from urllib.parse import urlsplit

from tests.e2e.conftest import login
from tests.factories import OrganizationFactory, PlanFactory, RoleFactory


def test_a_token_made_on_the_page_opens_the_api_and_the_docs_draw_offline(page, shots):
    school = OrganizationFactory(name="实验小学工会")
    chair = RoleFactory(organization=school, role="chair").user
    chair.set_password("zhuxi-2027")
    chair.last_name, chair.first_name = "王", "芳"
    chair.save()
    PlanFactory(organization=school, year=2027, title="实验小学工会2027年工作计划")
    login(page, chair.username, "zhuxi-2027")

    page.click("header .user a:has-text('王芳')")
    page.wait_for_url("**/api/tokens/")
    page.fill("#id_name", "财务软件对接")
    page.click("button:has-text('新建令牌')")
    key = page.locator("code.token-key").inner_text()
    assert key.startswith("up_")
    page.screenshot(path=str(shots / "api-tokens-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "api-tokens-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})

    answer = page.context.request.get(
        page.base_url + "/api/v1/plans/", headers={"Authorization": f"Bearer {key}"}
    )
    assert answer.status == 200
    assert answer.json()["results"][0]["title"] == "实验小学工会2027年工作计划"

    outside, refused = [], []
    page.on("request", lambda r: urlsplit(r.url).hostname not in {"localhost", "127.0.0.1"}
            and not r.url.startswith("data:") and outside.append(r.url))  # fmt: skip
    page.on("console", lambda m: "Content Security Policy" in m.text and refused.append(m.text))
    page.click("a:has-text('接口说明')")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "unionplan 接口" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".opblock-summary-path:has-text('/api/v1/plans/')")
    assert not outside, outside
    assert not refused, refused
    page.screenshot(path=str(shots / "api-docs-1366.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "api-docs-390.png"))
