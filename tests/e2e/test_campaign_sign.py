"""A campaign in a Chinese browser: created on its form, its list paid (one over the cap,
refused with the reason, then recorded with a reason), and its 签收 sheet printed."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.conftest import login
from tests.factories import PASSWORD, MemberFactory, OrganizationFactory, RoleFactory
from unionplan.welfare import services
from unionplan.welfare.models import WelfareEntry

pytestmark = pytest.mark.django_db(transaction=True)


def look(page, shots, name: str) -> None:
    """Screenshots at 1366 and 390 px; the phone width never scrolls sideways."""
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    page.set_viewport_size({"width": 1366, "height": 900})


def test_a_campaign_paid_and_its_sign_sheet(page, shots):
    org = OrganizationFactory(name="合肥第一中学工会", province="安徽省")
    today = dt.date.today()
    zhang = MemberFactory(organization=org, name="张老师", department="语文组")
    MemberFactory(organization=org, name="李老师", department="数学组")
    services.record(org, zhang, "festival", Decimal(2000), today.replace(day=1))
    login(page, RoleFactory(organization=org, role="chair").user.username, PASSWORD)

    page.goto(f"{page.base_url}/welfare/org/{org.pk}/campaigns/")
    page.click("text=新建送温暖")
    page.fill("#id_title", "春节送温暖")
    page.fill("#id_starts_on", (today - dt.timedelta(days=3)).isoformat())
    page.fill("#id_ends_on", (today + dt.timedelta(days=3)).isoformat())
    page.fill("#id_amount", "500")
    page.select_option("#id_form", "实物")
    look(page, shots, "campaign-form")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已建立：春节送温暖")

    page.click("button:has-text('全选本页')")
    page.click("button:has-text('登记所选')")
    refused = page.locator("#refused")
    refused.wait_for()
    assert (
        "1人未登记" in refused.inner_text() and "每人每年不超过2,200.00元" in refused.inner_text()
    )
    look(page, shots, "campaign-refused")
    page.fill("#refused #id_override_reason", "家中老人住院，委员会同意")
    page.click("button:has-text('按所填理由登记')")
    page.wait_for_selector("text=已登记1人")
    assert page.inner_text("#campaign-people") == "2"
    assert page.inner_text("#campaign-amount") == "1,000.00"
    look(page, shots, "campaign-detail")

    page.click("a:has-text('签收表')")
    page.wait_for_selector("h1:has-text('春节送温暖 签收表')")
    rows = page.locator("table.receipt tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).inner_text().split("\t")[:4] == ["1", "李老师", "数学组", "500.00"]
    look(page, shots, "campaign-sign")
    with page.expect_download() as download:
        page.click("button:has-text('下载 Excel')")
    assert download.value.suggested_filename == "春节送温暖-签收表.xlsx"

    page.goto(page.url.replace("/sign/", "/notice/"))
    assert "张**" in page.inner_text("table.notice") and "张老师" not in page.content()
    look(page, shots, "campaign-notice")
    page.goto(f"{page.base_url}/welfare/org/{org.pk}/campaigns/")
    assert "1,000.00" in page.inner_text("table.campaigns")
    look(page, shots, "campaign-list")
    assert WelfareEntry.objects.filter(campaign__isnull=False, within_rules=False).count() == 1


def test_a_campaign_from_hardship_files_pays_aid_within_its_caps(page, shots):
    from tests.welfare.conftest import approved_hardship_school
    from unionplan.welfare import campaigns
    from unionplan.welfare.campaign_models import Campaign

    school, chair, poor = approved_hardship_school()
    chair.set_password(PASSWORD)
    chair.save()
    campaign = Campaign.objects.create(
        organization=school, **{**campaigns.defaults("schooling", 2025), "source": "hardship",
        "scope": "", "school_level": "university", "amount": Decimal(3000)},
    )  # fmt: skip
    login(page, chair.username, PASSWORD)
    page.goto(f"{page.base_url}/welfare/campaign/{campaign.pk}/")
    assert "困难职工档案（全部已认定，大学（大专））" in page.inner_text("main")
    page.fill("#id_date", "2025-08-20")
    page.check(f"input[name=members][value='{poor.pk}']")
    page.click("button:has-text('登记所选')")
    page.wait_for_selector("text=已登记1人")
    assert page.inner_text("#campaign-amount") == "3,000.00"
    look(page, shots, "campaign-hardship")
    assert WelfareEntry.objects.get().kind == "hardship"


def test_the_federation_statistics_show_what_campaigns_gave(page, shots):
    from tests.factories import FederationFactory
    from unionplan.welfare import campaigns
    from unionplan.welfare.campaign_models import Campaign

    city = FederationFactory(name="合肥市总工会", province="安徽省")
    school = OrganizationFactory(name="一中工会", parent=city, province="安徽省")
    people = [MemberFactory(organization=school, name=f"会员{n}") for n in range(3)]
    campaign = Campaign.objects.create(
        organization=school, **{**campaigns.defaults("cooling", 2026), "scope": "全体会员",
        "amount": Decimal("120.50")},
    )  # fmt: skip
    campaigns.pay(campaign, [p.pk for p in people], dt.date(2026, 7, 1))
    login(page, RoleFactory(organization=city, role="staff").user.username, PASSWORD)
    page.goto(f"{page.base_url}/review/statistics/{city.pk}/2026/")
    assert page.inner_text("#stat-campaigns") == "361.50"
    assert "送温暖等3人、3户" in page.inner_text("main")
    look(page, shots, "statistics-campaigns")
