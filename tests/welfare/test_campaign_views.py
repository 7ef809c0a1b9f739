"""Campaign pages: creating one, its list and payments, the 签收 sheet and the 公示 list."""

import datetime as dt
import io
from decimal import Decimal as D

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.factories import MemberFactory, RoleFactory
from tests.welfare.test_campaigns import DAY, schooling, warmth
from unionplan.members.models import ExportLog
from unionplan.welfare import campaigns, services
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.models import WelfareEntry

FORM = {"kind": "warmth", "year": "2026", "title": "2026年送温暖", "starts_on": "2026-01-18", "source": "scope",
        "ends_on": "2026-02-16", "scope": "全体会员", "amount": "800", "form": "实物",
        "gift_kind": "festival", "occasion": "春节"}  # fmt: skip


def test_a_new_campaign_starts_with_its_usual_dates(anhui_chair_client, anhui):
    url = reverse("welfare:campaign_new", args=[anhui.pk]) + "?kind=schooling"
    text = anhui_chair_client.get(url).text
    assert "金秋助学" in text and "-08-01" in text and "-09-30" in text


def test_creating_a_campaign(anhui_chair_client, anhui):
    response = anhui_chair_client.post(reverse("welfare:campaign_new", args=[anhui.pk]), FORM)
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and campaign.organization == anhui
    assert campaign.amount == D(800) and campaign.starts_on == dt.date(2026, 1, 18)


def test_bad_input_is_a_chinese_message_and_nothing_stored(anhui_chair_client, anhui):
    url = reverse("welfare:campaign_new", args=[anhui.pk])
    bad = {**FORM, "scope": "大病职工", "amount": "很多", "ends_on": "2026-01-01"}
    text = anhui_chair_client.post(url, bad).text
    assert "无法从会员名册确定" in text and "金额应为数字" in text
    assert "结束日期不能早于开始日期" in text and not Campaign.objects.exists()
    hardship = anhui_chair_client.post(url, {**FORM, "scope": "困难会员"}).text
    assert "请选择按困难职工档案取名单" in hardship and not Campaign.objects.exists()


def test_the_edit_form_saved_unchanged_changes_nothing(anhui_chair_client, anhui):
    campaign = warmth(anhui, amount=D("350.50"))
    url = reverse("welfare:campaign_edit", args=[campaign.pk])
    form = anhui_chair_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}
    before = Campaign.objects.values().get()
    assert anhui_chair_client.post(url, data).status_code == 302
    assert Campaign.objects.values().get() == before


def test_paying_from_the_list_and_the_refusals_shown(anhui_chair_client, anhui, member):
    other = MemberFactory(organization=anhui, name="李老师")
    services.record(anhui, member, "festival", D(2000), dt.date(2026, 1, 2))
    campaign = warmth(anhui)
    url = reverse("welfare:campaign", args=[campaign.pk])
    response = anhui_chair_client.post(
        url, {"members": [member.pk, other.pk], "date": "2026-01-20"}
    )
    assert response.status_code == 200
    assert "1人未登记" in response.text and "每人每年不超过2,200.00元" in response.text
    assert WelfareEntry.objects.filter(campaign=campaign).get().member == other
    assert 'name="override_reason"' in response.text
    response = anhui_chair_client.post(
        url, {"members": [member.pk], "date": "2026-01-20", "override_reason": "家中变故"}
    )
    assert response.status_code == 302
    assert WelfareEntry.objects.filter(campaign=campaign, override_reason="家中变故").exists()


def test_nothing_ticked_is_a_chinese_message(anhui_chair_client, anhui, member):
    campaign = warmth(anhui)
    url = reverse("welfare:campaign", args=[campaign.pk])
    assert "请勾选要登记的人员" in anhui_chair_client.post(url, {"date": "2026-01-20"}).text
    assert (
        "人员的选择有误"
        in anhui_chair_client.post(url, {"members": "x", "date": "2026-01-20"}).text
    )


def test_a_viewer_sees_masked_numbers_and_cannot_pay(client, anhui, member):
    campaign = warmth(anhui)
    client.force_login(RoleFactory(organization=anhui, role="viewer").user)
    url = reverse("welfare:campaign", args=[campaign.pk])
    text = client.get(url).text
    assert member.masked_id_number in text and member.id_number not in text
    assert client.post(url, {"members": [member.pk], "date": "2026-01-20"}).status_code == 404
    assert not WelfareEntry.objects.exists()


def test_the_list_page_query_count_does_not_grow_with_rows(anhui_chair_client, anhui, member):
    campaign = warmth(anhui)
    url = reverse("welfare:campaign", args=[campaign.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert anhui_chair_client.get(url).status_code == 200
        return len(captured)

    campaigns.pay(campaign, [member.pk], DAY)
    few = queries()
    people = [MemberFactory(organization=anhui, name=f"会员{n}") for n in range(8)]
    campaigns.pay(campaign, [p.pk for p in people[:4]], DAY)
    assert queries() == few


def test_the_sign_sheet_printable_and_in_excel_each_logged(anhui_chair_client, anhui, member):
    campaign = warmth(anhui, amount=D("350.50"))
    campaigns.pay(campaign, [member.pk], DAY)
    text = anhui_chair_client.get(reverse("welfare:campaign_sign", args=[campaign.pk])).text
    assert "2026年送温暖 签收表" in text and "张老师" in text and "350.50" in text
    assert member.id_number not in text and member.masked_id_number not in text
    response = anhui_chair_client.post(reverse("welfare:campaign_sign_xlsx", args=[campaign.pk]))
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_name("签收表")
    rows = sheet.to_python()
    assert rows[2] == ["序号", "姓名", "部门", "金额（元）", "签名", "日期"]
    assert rows[3][1:4] == ["张老师", member.department, "350.50"]
    assert list(ExportLog.objects.values_list("what", "rows")) == [("签收表：2026年送温暖", 1)] * 2


def test_the_notice_masks_names(anhui_chair_client, anhui, member):
    campaign = warmth(anhui)
    campaigns.pay(campaign, [member.pk], DAY)
    text = anhui_chair_client.get(reverse("welfare:campaign_notice", args=[campaign.pk])).text
    assert "张**" in text and "张老师" not in text and "共慰问1人（1户）" in text


def test_the_campaigns_of_a_union_with_their_totals(anhui_chair_client, anhui, member):
    campaign = warmth(anhui)
    campaigns.pay(campaign, [member.pk], DAY)
    text = anhui_chair_client.get(reverse("welfare:campaigns", args=[anhui.pk])).text
    assert "2026年送温暖" in text and "800.00" in text and "新建夏送清凉" in text


def test_a_campaign_nobody_was_paid_from_yet_is_listed_with_nothing_given(
    anhui_chair_client, anhui
):
    warmth(anhui)  # set up for the coming 春节, its list not paid yet (the demo has one)
    response = anhui_chair_client.get(reverse("welfare:campaigns", args=[anhui.pk]))
    assert response.status_code == 200
    row = response.text.split("2026年送温暖")[1].split("</tr>")[0]
    assert row.count(">0<") == 2 and "0.00" in row


def test_a_campaign_from_hardship_files_is_only_for_those_who_see_them(client, hardship_school):
    from unionplan.audit.models import AuditEntry

    school, chair, poor = hardship_school
    campaign = schooling(school)
    url = reverse("welfare:campaign", args=[campaign.pk])
    client.force_login(RoleFactory(organization=school, role="committee").user)
    for page in ("welfare:campaign", "welfare:campaign_sign", "welfare:campaign_notice"):
        response = client.get(reverse(page, args=[campaign.pk]))
        assert response.status_code == 403 and "困难职工档案只有" in response.text
    assert client.post(url, {"members": [poor.pk], "date": "2025-08-20"}).status_code == 403
    client.force_login(chair)
    text = client.get(url).text
    assert (
        "张三" in text and "李四" not in text and "困难职工档案（全部已认定，大学（大专））" in text
    )
    assert AuditEntry.objects.filter(action="hardship.list").count() == 1
    assert not WelfareEntry.objects.exists()


def test_the_form_asks_for_what_the_source_needs(anhui_chair_client, anhui):
    url = reverse("welfare:campaign_new", args=[anhui.pk])
    text = anhui_chair_client.post(url, {**FORM, "scope": ""}).text
    assert "请填写慰问范围" in text
    schooling_form = {**FORM, "kind": "schooling", "source": "hardship", "scope": ""}
    assert "须选择就读阶段" in anhui_chair_client.post(url, schooling_form).text
    assert not Campaign.objects.exists()


def test_a_long_sign_sheet_page_shows_the_first_rows_and_points_to_excel(
    anhui_chair_client, anhui, member, monkeypatch
):
    from unionplan.welfare import campaign_views

    monkeypatch.setattr(campaign_views, "SIGN_PAGE_LIMIT", 1)
    campaign = warmth(anhui)
    other = MemberFactory(organization=anhui, name="李老师")
    campaigns.pay(campaign, [member.pk, other.pk], DAY)
    text = anhui_chair_client.get(reverse("welfare:campaign_sign", args=[campaign.pk])).text
    assert "页面只显示前 1 人" in text and text.count("800.00</td>") == 1
    response = anhui_chair_client.post(reverse("welfare:campaign_sign_xlsx", args=[campaign.pk]))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    assert len(rows.to_python()) == 3 + 2
