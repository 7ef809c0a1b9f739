"""Reimbursements: saved with items and receipts, submitted, approved through the budget
check or returned, paid; approved claims count as spending on their lines."""

from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories import RoleFactory
from tests.funds.conftest import approved_now, budgeted, claim_input
from tests.records.conftest import exe_as_jpg, jpeg
from unionplan.audit.models import AuditEntry
from unionplan.core.spending import OverBudget
from unionplan.errors import UserInputError
from unionplan.funds import books, ledger
from unionplan.funds import reimbursements as claims
from unionplan.funds.models import Reimbursement, ReimbursementReceipt, SpendingOverride

D = Decimal
pytestmark = pytest.mark.django_db
CULTURE = "职工活动支出/文体活动"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(org):
    return RoleFactory(organization=org, role="staff").user


@pytest.fixture
def budget(plan, chair):
    budgeted(plan, "culture", 1000)
    return approved_now(plan, chair)


def _submitted(org, staff, *items, files=()):
    claim = claims.save(org, claim_input(*items, files=files), staff)
    return claims.submit(claim, staff)


def test_a_claim_is_saved_with_items_and_receipts(org, staff, media):
    claim = claims.save(org, claim_input(files=[jpeg("发票.jpg")]), staff)
    assert (claim.state, claim.year, claim.applicant) == ("draft", 2027, "王芳")
    assert [(i.description, i.amount, i.line) for i in claim.items.all()] == [
        ("奖品", D("800.00"), CULTURE)
    ]
    receipt = ReimbursementReceipt.objects.get()
    assert receipt.original_name == "发票.jpg" and receipt.kind == "image"
    assert receipt.file.name.startswith("receipts/") and "发票" not in receipt.file.name


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ((("奖品", "-5", CULTURE),), "须大于0元"),
        ((("奖品", "100", "招待费"),), "会计科目“招待费”不存在"),
        ((("奖品", "100", "职工活动支出"),), "须写明明细科目"),
        ((("", "100", CULTURE),), "写明内容"),
    ],
)
def test_bad_claims_store_nothing(org, staff, media, items, message):
    with pytest.raises(UserInputError, match=message):
        claims.save(org, claim_input(*items, files=[jpeg()]), staff)
    assert not Reimbursement.objects.exists() and not list(media.rglob("*.jpg"))


def test_a_refused_receipt_stores_nothing(org, staff, media):
    with pytest.raises(UserInputError):
        claims.save(org, claim_input(files=[exe_as_jpg()]), staff)
    assert not Reimbursement.objects.exists()


def test_an_approved_claim_counts_as_spending_on_its_line(org, plan, staff, chair, budget):
    claim = _submitted(org, staff, ("奖品", "600", CULTURE))
    assert ledger.spent_by_line(org, 2027, books.line_map()) == {}
    claims.decide(claim, chair, approve=True)
    assert ledger.spent_by_line(org, 2027, books.line_map()) == {CULTURE: D("600.00")}
    claims.pay(claim, staff)
    claim.refresh_from_db()
    assert claim.state == "paid" and claim.approver == chair and claim.paid_at
    assert ledger.spent_by_line(org, 2027, books.line_map()) == {CULTURE: D("600.00")}
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "funds.reimburse.save", "funds.reimburse.submit", "funds.reimburse.approve",
        "funds.reimburse.pay",
    ]  # fmt: skip


def test_a_claim_past_the_budget_needs_the_chairs_reason(org, plan, staff, chair, budget):
    claims.decide(_submitted(org, staff, ("奖品", "600", CULTURE)), chair, approve=True)
    second = _submitted(org, staff, ("奖杯", "500", CULTURE))
    with pytest.raises(OverBudget, match=r"预算1,000\.00元，已支出600\.00元"):
        claims.decide(second, chair, approve=True)
    second.refresh_from_db()
    assert second.state == "submitted" and not SpendingOverride.objects.exists()
    claims.decide(second, chair, approve=True, reason="决赛增设奖项")
    second.refresh_from_db()
    assert second.state == "approved"
    assert SpendingOverride.objects.get().reason == "决赛增设奖项"
    assert AuditEntry.objects.filter(action="funds.override").count() == 1


def test_only_the_chair_approves_and_not_their_own_claim(org, plan, staff, chair, budget):
    claim = _submitted(org, staff)
    with pytest.raises(UserInputError, match="只有工会主席"):
        claims.decide(claim, staff, approve=True)
    own = claims.submit(claims.save(org, claim_input(), chair), chair)
    with pytest.raises(UserInputError, match="自己登记"):
        claims.decide(own, chair, approve=True)


def test_a_returned_claim_needs_a_comment_and_is_edited_and_resubmitted(org, staff, chair):
    claim = _submitted(org, staff)
    with pytest.raises(UserInputError, match="必须填写意见"):
        claims.decide(claim, chair, approve=False)
    claims.decide(claim, chair, approve=False, comment="缺发票")
    claim.refresh_from_db()
    assert (claim.state, claim.comment) == ("returned", "缺发票")
    claims.save(org, claim_input(files=[jpeg("发票.jpg")]), staff, claim, claim.version)
    assert claims.submit(claim, staff).state == "submitted"


def test_a_submitted_claim_cannot_be_changed_or_paid(org, staff):
    claim = _submitted(org, staff)
    with pytest.raises(UserInputError, match="不能修改"):
        claims.save(org, claim_input(("另一项", "5", CULTURE)), staff, claim)
    with pytest.raises(UserInputError, match="批准后才能支付"):
        claims.pay(claim, staff)
    assert claim.items.get().description == "奖品"


def test_an_edit_from_an_old_page_is_refused(org, staff):
    claim = claims.save(org, claim_input(), staff)
    seen = claim.version
    claims.save(org, claim_input(("新", "10", CULTURE)), staff, claim, seen)
    with pytest.raises(UserInputError, match="已被他人修改"):
        claims.save(org, claim_input(("旧", "20", CULTURE)), staff, claim, seen)
    assert claim.items.get().description == "新"


def test_a_bad_claim_is_refused_in_english_on_an_english_page(org, staff, media):
    with translation.override("en"), pytest.raises(UserInputError, match="Every item needs"):
        claims.save(org, claim_input(("", "100", CULTURE), files=[jpeg()]), staff)
    assert not Reimbursement.objects.exists()
