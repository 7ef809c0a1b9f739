import datetime as dt
from decimal import Decimal as D

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MemberFactory, RoleFactory
from unionplan.welfare import services
from unionplan.welfare.models import WelfareEntry


def post_gift(client, org, member, **extra):
    data = {"id_number": member.id_number, "kind": "festival", "date": "2025-09-17",
            "amount": "800", "form": "实物", "action": "record", **extra}  # fmt: skip
    return client.post(reverse("welfare:give", args=[org.pk]), data)


def test_recording_a_gift_within_the_cap(anhui_chair_client, anhui, member):
    response = post_gift(anhui_chair_client, anhui, member)
    assert response.status_code == 302
    entry = WelfareEntry.objects.get()
    assert entry.amount == D(800) and entry.created_by is not None


def test_checking_shows_the_decision_and_records_nothing(anhui_chair_client, anhui, member):
    services.record(anhui, member, "festival", D(2000), dt.date(2025, 2, 1))
    response = post_gift(anhui_chair_client, anhui, member, amount="300", action="check")
    text = response.text
    assert "超出规定" in text and "皖工发〔2025〕18号" in text
    assert "2,200.00" in text and "2,000.00" in text and "200.00" in text
    assert WelfareEntry.objects.count() == 1


def test_over_the_cap_is_refused_unless_a_reason_is_given(anhui_chair_client, anhui, member):
    services.record(anhui, member, "festival", D(2000), dt.date(2025, 2, 1))
    response = post_gift(anhui_chair_client, anhui, member, amount="300")
    assert response.status_code == 200 and "未登记" in response.text
    assert WelfareEntry.objects.count() == 1
    response = post_gift(
        anhui_chair_client, anhui, member, amount="300", override_reason="委员会同意"
    )
    assert response.status_code == 302
    assert WelfareEntry.objects.filter(within_rules=False, override_reason="委员会同意").exists()


def test_bad_amount_is_a_chinese_form_error(anhui_chair_client, anhui, member):
    response = post_gift(anhui_chair_client, anhui, member, amount="很多")
    assert "金额应为数字" in response.text
    assert not WelfareEntry.objects.exists()


def test_a_viewer_cannot_record(client, anhui, member):
    client.force_login(RoleFactory(organization=anhui, role="viewer").user)
    assert post_gift(client, anhui, member).status_code == 404
    assert not WelfareEntry.objects.exists()


def test_the_register_masks_numbers_and_illness_for_a_viewer(client, anhui, member):
    services.record(anhui, member, "hospital", D(500), dt.date(2025, 3, 1), illness="肺癌")
    client.force_login(RoleFactory(organization=anhui, role="viewer").user)
    text = client.get(reverse("welfare:register", args=[anhui.pk]) + "?year=2025").text
    assert member.masked_id_number in text and member.id_number not in text
    assert "肺癌" not in text and "已隐藏" in text


def test_the_chair_sees_the_full_register(anhui_chair_client, anhui, member):
    services.record(anhui, member, "hospital", D(500), dt.date(2025, 3, 1), illness="肺炎")
    text = anhui_chair_client.get(reverse("welfare:register", args=[anhui.pk]) + "?year=2025").text
    assert member.id_number in text and "肺炎" in text and "500.00" in text


def test_register_query_count_does_not_grow_with_rows(anhui_chair_client, anhui):
    url = reverse("welfare:register", args=[anhui.pk]) + "?year=2025"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert anhui_chair_client.get(url).status_code == 200
        return len(captured)

    services.record(
        anhui, MemberFactory(organization=anhui), "birthday", D(100), dt.date(2025, 1, 5)
    )
    few = queries()
    for day in range(1, 21):
        services.record(
            anhui, MemberFactory(organization=anhui), "festival", D(100), dt.date(2025, 2, day)
        )
    assert queries() == few
    assert few <= 10


def test_the_register_of_another_union_is_404(client, stranger, anhui):
    client.force_login(stranger)
    assert client.get(reverse("welfare:register", args=[anhui.pk])).status_code == 404


def test_the_member_year(anhui_chair_client, anhui, member):
    services.record(anhui, member, "festival", D(600), dt.date(2025, 1, 20))
    services.record(anhui, member, "festival", D(400), dt.date(2025, 9, 17))
    services.record(anhui, member, "festival", D(999), dt.date(2024, 9, 17))
    text = anhui_chair_client.get(reverse("welfare:member", args=[member.pk]) + "?year=2025").text
    assert "张老师 2025年福利慰问" in text
    assert "1,000.00" in text and "2,200.00" in text and "999.00" not in text


def test_the_rules_page_lists_the_packs(anhui_chair_client):
    text = anhui_chair_client.get(reverse("welfare:rules")).text
    assert "皖工发〔2025〕18号" in text and "黑龙江" in text and "待核对" in text


def test_the_member_page_links_to_the_members_welfare(anhui_chair_client, member):
    text = anhui_chair_client.get(reverse("members:edit", args=[member.pk])).text
    assert reverse("welfare:member", args=[member.pk]) in text


def test_a_gift_past_the_budget_asks_the_chair_for_a_reason(client, anhui, member):
    """The budget gate's refusal shows the 超预算支出理由 field; with a reason the gift is
    recorded and the chair's override kept and logged, as for activity records."""
    from tests.factories import PlanFactory, ScheduleItemFactory
    from tests.funds.conftest import approved_now
    from unionplan.audit.models import AuditEntry
    from unionplan.funds.models import SpendingOverride

    chair = RoleFactory(organization=anhui, role="chair").user
    plan = PlanFactory(organization=anhui, year=2025)
    ScheduleItemFactory(plan=plan, month=9, category="festival", budget=D(500))
    approved_now(plan, chair)
    client.force_login(chair)
    form = client.get(reverse("welfare:give", args=[anhui.pk])).text
    assert 'name="budget_reason"' not in form
    refused = post_gift(client, anhui, member)
    assert refused.status_code == 200 and "将超出预算300.00元" in refused.text
    assert 'name="budget_reason"' in refused.text and not WelfareEntry.objects.exists()
    recorded = post_gift(client, anhui, member, budget_reason="慰问标准提高")
    assert recorded.status_code == 302 and WelfareEntry.objects.count() == 1
    assert SpendingOverride.objects.get().reason == "慰问标准提高"
    assert AuditEntry.objects.get(action="funds.override").detail["reason"] == "慰问标准提高"
