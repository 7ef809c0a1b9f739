"""The money pages: a plan's budget, the finance settings, the accounts with constant queries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import RoleFactory
from tests.funds.conftest import budgeted, federation_with, spend
from unionplan.funds.models import FinanceYear

D = Decimal
pytestmark = pytest.mark.django_db


def test_budget_page_shows_lines_income_and_balance(chair_client, plan):
    budgeted(plan, "culture", 3000)
    budgeted(plan, "festival", 2000)
    FinanceYear.objects.create(organization=plan.organization, year=2027, wage_base=D("200000"))
    page = chair_client.get(reverse("funds:plan_budget", args=[plan.pk])).content.decode()
    assert "文体活动" in page and "3,000.00" in page
    assert "会员活动" in page and "5,000.00" in page
    assert "会费收入" in page and "1,000.00" in page
    assert "预算不平衡" in page
    assert "待核对" in page


def test_budget_page_of_another_union_is_404(client, stranger, plan):
    client.force_login(stranger)
    assert client.get(reverse("funds:plan_budget", args=[plan.pk])).status_code == 404


def test_finance_settings_saved(chair_client, org):
    url = reverse("funds:finance", args=[org.pk, 2027])
    assert chair_client.get(url).status_code == 200
    response = chair_client.post(
        url,
        {"wage_base": "1,000,000", "wage_bill": "1.2万", "retained_percent": "60%",
         "carried_over": "500", "income_0": "3000", "income_4": ""},
    )  # fmt: skip
    assert response.status_code == 302
    saved = FinanceYear.objects.get(organization=org, year=2027)
    assert saved.wage_base == D("1000000.00") and saved.wage_bill == D("12000.00")
    assert saved.retained_percent == D("60") and saved.carried_over == D("500")
    assert saved.typed_income == {"上级补助收入": "3000.00"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("wage_base", "-5", "不能为负数"),
        ("wage_bill", "很多", "应为数字"),
        ("retained_percent", "120", "0到100之间"),
        ("income_1", "-1", "不能为负数"),
    ],
)
def test_bad_finance_input_changes_nothing(chair_client, org, field, value, message):
    FinanceYear.objects.create(organization=org, year=2027, wage_base=D("10"))
    data = {"wage_base": "100", "wage_bill": "100", "retained_percent": "60", field: value}
    response = chair_client.post(reverse("funds:finance", args=[org.pk, 2027]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert FinanceYear.objects.get(organization=org).wage_base == D("10")


def test_viewer_cannot_change_settings(client, viewer, org):
    client.force_login(viewer)
    url = reverse("funds:finance", args=[org.pk, 2027])
    assert client.get(url).status_code == 404
    assert client.post(url, {"retained_percent": "60"}).status_code == 404
    assert not FinanceYear.objects.exists()
    assert client.get(reverse("funds:accounts", args=[org.pk, 2027])).status_code == 200


def test_accounts_page_by_line_and_month(chair_client, plan):
    item = budgeted(plan, "culture", 1000, month=5)
    spend(item, "prize", 250)
    page = chair_client.get(reverse("funds:accounts", args=[plan.organization.pk, 2027]))
    text = page.content.decode()
    assert "职工活动支出—文体活动" in text and "1,000.00" in text and "250.00" in text
    assert "750.00" in text and "25%" in text


def test_year_out_of_range_is_404(chair_client, org):
    assert chair_client.get(reverse("funds:accounts", args=[org.pk, 3000])).status_code == 404


@pytest.mark.parametrize("unions", [2, 8])
def test_federation_accounts_page_constant_queries(client, django_assert_num_queries, unions):
    federation = federation_with(unions)
    user = RoleFactory(organization=federation, role="chair").user
    client.force_login(user)
    url = reverse("funds:accounts", args=[federation.pk, 2027])
    client.get(url)  # warm the session
    # session, user, roles, org, 5 of the books, the review, the finance settings, the income
    with django_assert_num_queries(12):
        page = client.get(url)
    assert "含下级工会合计" in page.content.decode()
    assert f"{unions * 1000:,}.00" in page.content.decode()


CULTURE_FIELD = "line_1"  # 职工活动支出/文体活动, the second line of the chart


def test_budget_page_compares_approved_and_adjusted(client, approved_plan, tree):
    from unionplan.funds import budgeting

    adjustment = budgeting.propose(
        tree.school, 2027, tree.chair, {"职工活动支出/文体活动": "4500"}, "新增运动会"
    )
    client.force_login(tree.reviewer)
    page = client.get(reverse("funds:plan_budget", args=[approved_plan.pk])).content.decode()
    assert "拟调整为" in page and "4,500.00" in page and "1,500.00" in page
    assert "review-adjustment" in page  # the reviewer above is offered the decision
    response = client.post(
        reverse("funds:review_adjustment", args=[adjustment.pk]),
        {"decision": "approve", "comment": "同意"},
    )
    assert response.status_code == 302
    adjustment.refresh_from_db()
    assert adjustment.state == "approved" and adjustment.reviewed_by == tree.reviewer
    page = client.get(reverse("funds:plan_budget", args=[approved_plan.pk])).content.decode()
    assert "调整后预算" in page and "新增运动会" in page


def test_adjust_form_proposes_and_keeps_typed_values_on_error(client, approved_plan, tree):
    from unionplan.funds.models import BudgetAdjustment

    client.force_login(tree.chair)
    url = reverse("funds:adjust", args=[tree.school.pk, 2027])
    page = client.get(url).content.decode()
    assert "批准预算：3,000.00元" in page
    response = client.post(url, {CULTURE_FIELD: "-5", "reason": "扩大规模"})
    assert response.status_code == 400 and not BudgetAdjustment.objects.exists()
    page = response.content.decode()
    assert "不能为负数" in page and 'value="-5"' in page and "扩大规模" in page
    response = client.post(url, {CULTURE_FIELD: "4000", "reason": ""})
    assert "须写明调整理由" in response.content.decode()
    response = client.post(url, {CULTURE_FIELD: "4000", "reason": "扩大规模"})
    assert response.status_code == 302
    assert BudgetAdjustment.objects.get().changes == {"职工活动支出/文体活动": "4000.00"}


def test_adjust_form_saved_unchanged_records_nothing(client, approved_plan, tree):
    from unionplan.funds.models import BudgetAdjustment, BudgetApproval

    client.force_login(tree.chair)
    url = reverse("funds:adjust", args=[tree.school.pk, 2027])
    before = BudgetApproval.objects.get().amounts
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "没有需要调整的科目" in response.content.decode()
    assert not BudgetAdjustment.objects.exists()
    assert BudgetApproval.objects.get().amounts == before


def test_adjust_form_is_404_before_approval(client, tree):
    client.force_login(tree.committee)
    assert client.get(reverse("funds:adjust", args=[tree.school.pk, 2027])).status_code == 404


# --- reimbursements ------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _claims(org, user, n):
    from tests.funds.conftest import claim_input
    from tests.records.conftest import jpeg
    from unionplan.funds import reimbursements

    return [
        reimbursements.save(org, claim_input(applicant=f"申请人{i}", files=[jpeg()]), user)
        for i in range(n)
    ]


def test_the_claim_list_takes_the_same_queries_for_2_or_20_claims(
    chair_client, org, chair, media, django_assert_max_num_queries
):
    url = reverse("funds:reimbursements", args=[org.pk, 2027])
    _claims(org, chair, 2)
    with django_assert_max_num_queries(8) as few:
        chair_client.get(url)
    _claims(org, chair, 18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = chair_client.get(url).content.decode()
    assert page.count("运动会奖品") == 20 and "申请人17" in page and "800.00" in page


def test_a_claim_is_entered_on_the_form_and_shown(chair_client, org, media):
    from tests.records.conftest import jpeg
    from unionplan.funds.models import Reimbursement

    url = reverse("funds:reimbursement_new", args=[org.pk])
    assert chair_client.get(url).status_code == 200
    data = {
        "applicant": "王芳", "title": "运动会奖品", "date": "2027-05-10", "files": [jpeg("发票.jpg")],
        "items-TOTAL_FORMS": "3", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50", "items-0-description": "奖杯", "items-0-amount": "1,200",
        "items-0-line": "职工活动支出/文体活动",
    }  # fmt: skip
    response = chair_client.post(url, data)
    claim = Reimbursement.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{claim.pk}/")
    page = chair_client.get(response["Location"]).content.decode()
    assert "奖杯" in page and "1,200.00" in page and "职工活动支出—文体活动" in page
    assert "发票.jpg" in page and "草稿" in page
    receipt = claim.receipts.get()
    assert chair_client.get(reverse("funds:receipt", args=[receipt.pk])).status_code == 200


def test_bad_claim_input_keeps_what_was_typed(chair_client, org, media):
    from unionplan.funds.models import Reimbursement

    data = {
        "applicant": "王芳", "title": "运动会奖品", "date": "2027-05-10",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50", "items-0-description": "奖杯", "items-0-amount": "-3",
        "items-0-line": "职工活动支出/文体活动",
    }  # fmt: skip
    response = chair_client.post(reverse("funds:reimbursement_new", args=[org.pk]), data)
    page = response.content.decode()
    assert response.status_code == 400 and "须大于0元" in page
    assert 'value="奖杯"' in page and 'value="-3"' in page
    assert not Reimbursement.objects.exists()


def test_the_claim_form_saved_unchanged_changes_nothing(chair_client, org, chair, media):
    from unionplan.funds.models import Reimbursement

    claim = _claims(org, chair, 1)[0]
    before = (
        Reimbursement.objects.values("applicant", "title", "date", "state").get(),
        list(claim.items.values_list("description", "amount", "line")),
        list(claim.receipts.values_list("file", flat=True)),
    )
    url = reverse("funds:reimbursement_edit", args=[claim.pk])
    response = chair_client.get(url)
    form, formset = response.context["form"], response.context["formset"]
    data = {name: form[name].value() or "" for name in ("applicant", "title", "version")}
    data["date"] = form["date"].value().isoformat()
    data.update({f"items-{k}": v for k, v in formset.management_form.initial.items()})
    for i, f in enumerate(formset):
        for name in ("description", "amount", "line"):
            value = f[name].value()
            data[f"items-{i}-{name}"] = "" if value is None else str(value)
    assert chair_client.post(url, data).status_code == 302
    after = (
        Reimbursement.objects.values("applicant", "title", "date", "state").get(),
        list(claim.items.values_list("description", "amount", "line")),
        list(claim.receipts.values_list("file", flat=True)),
    )
    assert after == before


def test_a_claim_is_submitted_approved_and_paid_on_its_page(client, org, chair, media):
    from unionplan.funds.models import Reimbursement

    staff = RoleFactory(organization=org, role="staff").user
    claim = _claims(org, staff, 1)[0]
    client.force_login(staff)
    client.post(reverse("funds:reimbursement_step", args=[claim.pk, "submit"]))
    client.force_login(chair)
    page = client.get(reverse("funds:reimbursement", args=[claim.pk])).content.decode()
    assert "已提交" in page and "审批（工会主席）" in page
    client.post(
        reverse("funds:reimbursement_step", args=[claim.pk, "decide"]), {"decision": "approve"}
    )
    client.post(reverse("funds:reimbursement_step", args=[claim.pk, "pay"]))
    assert Reimbursement.objects.get().state == "paid"
    response = client.post(reverse("funds:reimbursement_step", args=[claim.pk, "pay"]))
    page = client.get(response["Location"]).content.decode()
    assert "批准后才能支付" in page


def test_claims_and_receipts_of_another_union_answer_404(client, stranger, org, chair, media):
    claim = _claims(org, chair, 1)[0]
    client.force_login(stranger)
    assert client.get(reverse("funds:reimbursement", args=[claim.pk])).status_code == 404
    receipt = claim.receipts.get()
    assert client.get(reverse("funds:receipt", args=[receipt.pk])).status_code == 404
    assert client.get(reverse("funds:reimbursement_edit", args=[claim.pk])).status_code == 404
