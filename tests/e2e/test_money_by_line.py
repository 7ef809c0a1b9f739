"""The federation's statistics page in a Chinese browser shows its subtree's money by account
line (计划 / 预算 / 实际), at a desk's width and a phone's, without sideways scroll."""

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, RoleFactory
from tests.funds.conftest import federation_with

pytestmark = pytest.mark.django_db(transaction=True)

SHOT = "/tmp/shots-c/statistics-money-{width}.png"


def test_the_statistics_page_shows_money_by_line(page):
    federation = federation_with(3)
    staff = RoleFactory(organization=federation, role="staff").user
    login(page, staff.username, PASSWORD)
    page.goto(f"{page.base_url}/review/statistics/{federation.pk}/2027/")
    table = page.locator("#money-by-line")
    table.wait_for()
    assert "职工活动支出—文体活动" in table.inner_text()
    assert "3,000.00" in table.inner_text() and "900.00" in table.inner_text()
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOT.format(width=width), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
