"""The admin in a real Chinese browser: a staff account that is not a superuser gets the
admin's login page saying it may not enter, and no member's data; an operator gets in."""

import pytest

from tests.factories import PASSWORD, MemberFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def admin_login(page, username: str) -> None:
    page.goto(page.base_url + "/admin/login/?next=/admin/members/member/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("width", [1366, 390])
def test_a_staff_user_is_refused_and_an_operator_gets_in(page, width, shots):
    page.set_viewport_size({"width": width, "height": 900})
    member = MemberFactory(organization=OrganizationFactory(name="实验中学工会"), name="王芳")
    staff = UserFactory(is_staff=True)
    admin_login(page, staff.username)
    text = page.inner_text("body")
    assert "/admin/login/" in page.url
    assert member.name not in text and member.id_number not in text
    assert "没有这个页面的访问权限" in text
    page.screenshot(path=str(shots / f"admin-staff-{width}.png"), full_page=True)

    operator = UserFactory(is_staff=True, is_superuser=True)
    admin_login(page, operator.username)
    assert page.url.endswith("/admin/members/member/")
    text = page.inner_text("body")
    assert member.name in text and member.masked_id_number in text
    assert member.id_number not in text
    page.screenshot(path=str(shots / f"admin-operator-{width}.png"), full_page=True)
