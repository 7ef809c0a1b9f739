"""The 经费审查委员会's sign-off of the 决算: who may sign, the footer of the .xlsx, and a
signed year's spending fixed until the committee withdraws its signature."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from python_calamine import CalamineWorkbook

from tests.factories import OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, spend
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.funds import final_review
from unionplan.funds.final import final_accounts
from unionplan.funds.models import FinalReview
from unionplan.plan.money import money
from unionplan.records import services as records
from unionplan.records.models import ActivityRecord, ExpenseLine

D = Decimal
pytestmark = pytest.mark.django_db
YEAR = dt.date.today().year - 1  # a review is dated after its year begins and not later than today
DAY = dt.date(YEAR + 1, 1, 1)


@pytest.fixture
def auditor(org):
    return RoleFactory(organization=org, role="auditor").user


@pytest.fixture
def spent(org):
    """Last year's plan with 1,000 on 文体活动, 300 of it spent on prizes."""
    item = budgeted(PlanFactory(organization=org, year=YEAR), "culture", 1000)
    spend(item, "prize", 300)
    return item


def _sign(org, user, state="signed", opinion="账实相符，同意决算。", on=DAY):
    return final_review.act(org, YEAR, user, state=state, name="李审计", opinion=opinion, on=on)


def _footer_row(rows) -> str:
    return next(str(r[0]) for r in rows if str(r[0]).startswith("经费审查委员会审查"))


def _rows(content: bytes) -> list:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


def _xlsx_rows(org) -> list:
    out = io.BytesIO()
    final_accounts(org, YEAR).write(out)
    return _rows(out.getvalue())


def test_the_footer_says_unreviewed_then_the_reviewer_and_date(org, spent, auditor):
    assert _footer_row(_xlsx_rows(org)) == "经费审查委员会审查：未经审查"
    review = _sign(org, auditor)
    assert review.reviewer == auditor and review.state == "signed"
    footer = _footer_row(_xlsx_rows(org))
    assert "审查人：李审计" in footer and f"审查日期：{DAY:%Y-%m-%d}" in footer
    assert "账实相符" in footer
    assert AuditEntry.objects.filter(action="funds.final_review.signed").count() == 1


@pytest.mark.parametrize("role", ["chair", "committee", "staff", "viewer"])
def test_only_the_audit_committee_signs(org, spent, role):
    user = RoleFactory(organization=org, role=role).user
    with pytest.raises(UserInputError, match="只有本工会经费审查委员会的委员才能审查决算"):
        _sign(org, user)
    assert not FinalReview.objects.exists()


def test_an_auditor_of_another_union_cannot_sign(org, spent):
    other = RoleFactory(organization=OrganizationFactory(name="别的工会"), role="auditor").user
    with pytest.raises(UserInputError, match="只有本工会经费审查委员会"):
        _sign(org, other)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"opinion": "  "}, "请填写审查意见"),
        ({"on": dt.date(YEAR - 1, 12, 31)}, f"审查日期不能早于{YEAR}年"),
        ({"on": dt.date.today() + dt.timedelta(days=1)}, "也不能晚于今天"),
        ({"state": "withdrawn"}, "尚未签署，无需撤回"),
    ],
)
def test_bad_review_input_stores_nothing(org, spent, auditor, kwargs, message):
    with pytest.raises(UserInputError, match=message):
        _sign(org, auditor, **kwargs)
    assert not FinalReview.objects.exists() and not AuditEntry.objects.exists()


def test_signing_twice_is_refused(org, spent, auditor):
    _sign(org, auditor)
    with pytest.raises(UserInputError, match="已审查签署；如需重新审查，请先撤回签署"):
        _sign(org, auditor)
    assert FinalReview.objects.count() == 1


def _record(item, amount, reason=""):
    expenses = [records.ExpenseInput("prize", D(amount))]
    data = records.RecordInput(date=dt.date(YEAR, 5, 6), expenses=expenses, override_reason=reason)
    return records.save_record(item, item.plan.organization, data)


def test_a_signed_year_refuses_new_spending_even_for_the_chair(org, spent, auditor, chair):
    _sign(org, auditor)
    before = ExpenseLine.objects.count()
    with pytest.raises(
        UserInputError, match=f"李审计于{DAY:%Y-%m-%d}审查签署，该年度的支出不能再登记"
    ):
        _record(spent, "50", reason="补录")
    assert ExpenseLine.objects.count() == before


def test_a_signed_year_refuses_deleting_a_spent_record(org, spent, auditor):
    _sign(org, auditor)
    record = ActivityRecord.objects.get(item=spent)
    with pytest.raises(UserInputError, match="审查签署"):
        records.delete_record(record)
    assert ActivityRecord.objects.filter(pk=record.pk).exists()


def test_a_signed_year_still_saves_a_record_whose_money_is_unchanged(org, spent, auditor):
    _sign(org, auditor)
    record = ActivityRecord.objects.get(item=spent)
    data = records.RecordInput(
        date=record.date, summary="补写了小结",
        expenses=[records.ExpenseInput(e.category, e.amount) for e in record.expenses.all()],
    )  # fmt: skip
    records.save_record(spent, org, data, record=record)
    assert ActivityRecord.objects.get(pk=record.pk).summary == "补写了小结"


def test_a_signed_year_refuses_approving_a_reimbursement(org, spent, auditor, chair):
    from tests.funds.conftest import claim_input
    from unionplan.funds import reimbursements as claims

    staff = RoleFactory(organization=org, role="staff").user
    typed = claim_input(("奖品", "50", "职工活动支出/文体活动"), day=dt.date(YEAR, 6, 1))
    claim = claims.submit(claims.save(org, typed, staff), staff)
    _sign(org, auditor)
    with pytest.raises(UserInputError, match="审查签署，该年度的支出不能再登记"):
        claims.decide(claim, chair, approve=True, reason="补报")
    claim.refresh_from_db()
    assert claim.state == "submitted"


def test_another_year_is_not_fixed(org, spent, auditor):
    _sign(org, auditor)
    item = budgeted(PlanFactory(organization=org, year=YEAR + 1), "culture", 100)
    expenses = [records.ExpenseInput("prize", D("10"))]
    records.save_record(
        item, org, records.RecordInput(date=dt.date(YEAR + 1, 3, 1), expenses=expenses)
    )
    assert ExpenseLine.objects.filter(record__item=item).count() == 1


def test_withdrawing_reopens_the_year_and_the_footer(org, spent, auditor):
    _sign(org, auditor)
    with pytest.raises(UserInputError, match="撤回签署须写明理由"):
        _sign(org, auditor, state="withdrawn", opinion="")
    _sign(org, auditor, state="withdrawn", opinion="漏记一笔奖品支出，需补录。", on=None)
    _record(spent, "50")
    assert _footer_row(_xlsx_rows(org)) == "经费审查委员会审查：未经审查"
    assert final_review.current(org, YEAR).state == "withdrawn"


def test_a_federation_signature_fixes_the_year_below(spent, org):
    federation = OrganizationFactory(name="区总工会", kind="federation")
    org.parent = federation
    org.save()
    auditor = RoleFactory(organization=federation, role="auditor").user
    _sign(federation, auditor)
    with pytest.raises(UserInputError, match="（区总工会汇总决算）已由经费审查委员会"):
        _record(spent, "10")


# --- the pages ------------------------------------------------------------------------


def test_the_accounts_page_links_to_the_review_and_says_unreviewed(chair_client, org, spent):
    page = chair_client.get(reverse("funds:accounts", args=[org.pk, YEAR])).content.decode()
    assert reverse("funds:final_review", args=[org.pk, YEAR]) in page
    assert "决算未经审查" in page


def test_the_chair_sees_the_review_page_without_its_form(chair_client, org, spent):
    page = chair_client.get(reverse("funds:final_review", args=[org.pk, YEAR]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "未经审查" in html and 'id="review-form"' not in html


def test_a_chair_posting_the_form_stores_nothing(chair_client, org, spent):
    url = reverse("funds:final_review", args=[org.pk, YEAR])
    form = {"action": "sign", "decision": "signed", "name": "主席", "reviewed_on": DAY.isoformat(),
            "opinion": "同意"}  # fmt: skip
    page = chair_client.post(url, form)
    assert page.status_code == 400 and not FinalReview.objects.exists()


def test_the_auditor_signs_on_the_page_and_downloads_the_signed_accounts(
    client, org, spent, auditor
):
    client.force_login(auditor)
    url = reverse("funds:final_review", args=[org.pk, YEAR])
    assert 'id="review-form"' in client.get(url).content.decode()
    form = {"action": "sign", "decision": "signed", "name": "李审计", "reviewed_on": DAY.isoformat(),
            "opinion": "账实相符，同意决算。"}  # fmt: skip
    assert client.post(url, form).status_code == 302
    html = client.get(url).content.decode()
    assert "已审查签署" in html and "撤回签署" in html
    download = client.get(reverse("funds:final_download", args=[org.pk, YEAR]))
    assert download["Content-Disposition"].startswith("attachment")
    assert "审查人：李审计" in _footer_row(_rows(download.content))
    accounts = client.get(reverse("funds:accounts", args=[org.pk, YEAR])).content.decode()
    assert "本年度支出已锁定" in accounts


def test_a_bad_review_on_the_page_keeps_what_was_typed(client, org, spent, auditor):
    client.force_login(auditor)
    url = reverse("funds:final_review", args=[org.pk, YEAR])
    form = {"action": "sign", "decision": "signed", "name": "李审计", "reviewed_on": f"{YEAR - 1}-05-01",
            "opinion": "意见写了"}  # fmt: skip
    page = client.post(url, form)
    assert page.status_code == 400 and f"审查日期不能早于{YEAR}年" in page.content.decode()
    assert "意见写了" in page.content.decode() and not FinalReview.objects.exists()


def test_the_review_page_of_another_union_is_404(client, stranger, org, spent):
    client.force_login(stranger)
    assert client.get(reverse("funds:final_review", args=[org.pk, YEAR])).status_code == 404
    assert client.get(reverse("funds:final_download", args=[org.pk, YEAR])).status_code == 404


def test_the_review_page_in_english(client, org, spent, auditor, settings):
    client.force_login(auditor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("funds:final_review", args=[org.pk, YEAR])).content.decode()
    for words in ("Review of the", "Not reviewed", "Review (funds audit committee)",
                  "Download final accounts (Excel)", "Submit the review"):  # fmt: skip
        assert words in html, words
    assert "审查（经费审查委员会）" not in html


def test_deleting_a_spent_record_on_its_page_is_refused_in_a_signed_year(
    chair_client, org, spent, auditor
):
    _sign(org, auditor)
    record = ActivityRecord.objects.get(item=spent)
    response = chair_client.post(
        reverse("records:delete", args=[record.pk]), {"version": record.version}, follow=True
    )
    assert "审查签署，该年度的支出不能再登记或更改" in response.content.decode()
    assert ActivityRecord.objects.filter(pk=record.pk).exists()


def test_review_refusals_and_the_locked_year_are_in_english(org, spent, auditor, chair):
    with translation.override("en"):
        with pytest.raises(UserInputError, match="not signed off: there is nothing to withdraw"):
            _sign(org, auditor, state="withdrawn")
        _sign(org, auditor)
        with pytest.raises(UserInputError, match="already signed off; to review them again"):
            _sign(org, auditor)
        with pytest.raises(UserInputError, match=f"signed off by 李审计 .* on {DAY:%Y-%m-%d}"):
            _record(spent, "50", reason="补录")


def test_the_review_page_shows_each_lines_difference_as_the_sheet_does(client, org, spent, auditor):
    client.force_login(auditor)
    html = client.get(reverse("funds:final_review", args=[org.pk, YEAR])).content.decode()
    assert "差额</th>" in html
    lines = [line for group in final_accounts(org, YEAR).groups for line in group.lines]
    spent_line = next(line for line in lines if line.actual)
    assert spent_line.difference == spent_line.adjusted - spent_line.actual
    row = html.split(f"{spent_line.label}</td>")[1].split("</tr>")[0]
    assert row.count(f">{money(spent_line.difference)}<") == 1
    dues = lines[0]  # income has actual figures now (income received), nothing received here
    assert dues.label == "会费收入" and dues.difference == dues.adjusted - dues.actual
