"""The books and the 决算 count every kind of expense, each once, on its line: an activity
record's expense lines, welfare register entries (a gift, a 送温暖 payment, hardship aid) and
approved reimbursements — one of each, added up by hand. The budget gate's own sums
(``ledger``) agree with the books, and the gate checks a new gift on the same line."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import MemberFactory, OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, claim_input, spend
from unionplan.accounting.mapping import DEFAULT_CAMPAIGN_LINES
from unionplan.funds import books, ledger
from unionplan.funds import reimbursements as claims
from unionplan.funds.final import final_accounts
from unionplan.funds.models import LineMapping
from unionplan.welfare import campaigns
from unionplan.welfare import services as welfare
from unionplan.welfare.campaign_models import CAMPAIGN_KINDS, Campaign
from unionplan.welfare.models import WelfareEntry

D = Decimal
pytestmark = pytest.mark.django_db
CULTURE, GIFTS, RIGHTS = "职工活动支出/文体活动", "职工活动支出/会员活动", "维权支出"
WARMTH, AID = "维权支出/送温暖费", "维权支出/困难职工帮扶费"


def _one_of_each(org):
    """By hand: 文体活动 300 (record) + 150 (claim) = 450; 会员活动 100 (record) + 200
    (register) = 300; 维权支出 50 (paid claim); 送温暖费 300 (a festival gift paid in the 送温暖
    campaign); 困难职工帮扶费 500 (hardship aid); claims not approved count nothing."""
    item = budgeted(PlanFactory(organization=org, year=2027), "culture", 1000, month=5)
    spend(item, "prize", 300)  # May
    spend(item, "gift", 100)  # May
    member = MemberFactory(organization=org)
    welfare.record(org, member, "festival", D(200), dt.date(2027, 9, 20))
    campaign = Campaign.objects.create(
        organization=org,
        **{**campaigns.defaults("warmth", 2027), "scope": "全体会员", "amount": D(300)},
    )
    welfare.record(org, member, "festival", D(300), dt.date(2027, 1, 20), campaign=campaign)
    WelfareEntry.objects.create(  # as hardship_services.pay stores aid
        organization=org, member=member, kind="hardship", date=dt.date(2027, 3, 10),
        amount=D(500), pack="hardship", decision="符合帮扶标准",
    )  # fmt: skip
    staff = RoleFactory(organization=org, role="staff").user
    chair = RoleFactory(organization=org, role="chair").user
    approved = claims.submit(claims.save(org, claim_input(("奖品", "150", CULTURE),
                                         day=dt.date(2027, 6, 3)), staff), staff)  # fmt: skip
    claims.decide(approved, chair, approve=True)
    paid = claims.submit(claims.save(org, claim_input(("法律咨询", "50", RIGHTS),
                                     day=dt.date(2027, 6, 8)), staff), staff)  # fmt: skip
    claims.pay(claims.decide(paid, chair, approve=True), staff)
    claims.save(org, claim_input(("草稿", "999", CULTURE)), staff)  # a draft: not spent
    returned = claims.submit(claims.save(org, claim_input(("退回", "888", CULTURE)), staff), staff)
    claims.decide(returned, chair, approve=False, comment="缺发票")


EXPECTED = {
    CULTURE: D("450.00"), GIFTS: D("300.00"), RIGHTS: D("50.00"), WARMTH: D("300.00"),
    AID: D("500.00"),
}  # fmt: skip


@pytest.fixture
def union(db):
    org = OrganizationFactory(name="实验中学工会", province="安徽省")
    _one_of_each(org)
    return org


def test_the_accounts_count_each_expense_once_on_its_line(union):
    found = books.org_accounts(union, 2027)
    spent = {row.key: row.spent for row in found.by_line if row.spent}
    assert spent == EXPECTED
    assert found.total.spent == D("1600.00")
    by_month = {int(row.key): row.spent for row in found.by_month if row.spent}
    assert by_month == {1: D("300"), 3: D("500"), 5: D("400"), 6: D("200"), 9: D("200")}


def test_the_gate_and_the_books_agree(union):
    assert ledger.spent_by_line(union, 2027, books.line_map()) == EXPECTED


@pytest.mark.parametrize(
    ("kind", "campaign_kind", "line"),
    [("birthday", "", GIFTS), ("hardship", "", AID), ("festival", "warmth", WARMTH),
     ("hardship", "schooling", AID), ("festival", "cooling", GIFTS)],
)  # fmt: skip
def test_the_gate_checks_a_gift_on_the_line_the_books_count_it(kind, campaign_kind, line):
    campaign = Campaign(kind=campaign_kind) if campaign_kind else None
    expense = welfare.gift_expense(kind, campaign, None, D(100))
    assert expense.line_key(books.line_map()) == line


def test_every_campaign_kind_has_a_row_in_the_mapping():
    assert set(DEFAULT_CAMPAIGN_LINES) == set(CAMPAIGN_KINDS)


def test_the_mapping_table_moves_welfare_money(union):
    LineMapping.objects.filter(kind="campaign", code="warmth").update(line="")
    spent = ledger.spent_by_line(union, 2027, books.line_map())
    assert WARMTH not in spent and spent[GIFTS] == D("600.00")  # the entry's kind decides
    assert {r.key: r.spent for r in books.org_accounts(union, 2027).by_line}[GIFTS] == D("600")


def test_the_final_accounts_show_the_same_figures(union):
    lines = {line.label: line for line in final_accounts(union, 2027).groups[1].lines}
    assert lines["文体活动"].actual == D("450.00")
    assert lines["会员活动"].actual == D("300.00")
    assert lines["维权支出"].actual == D("850.00")  # 50 on the line itself, 300 + 500 below
    assert lines["送温暖费"].actual == D("300.00")
    assert lines["困难职工帮扶费"].actual == D("500.00")
    assert lines["职工活动支出"].actual == D("750.00")


def test_a_federation_counts_its_subtree_once(union):
    federation = OrganizationFactory(name="区总工会", kind="federation", province="安徽省")
    union.parent = federation
    union.save()
    sister = OrganizationFactory(name="第二中学工会", parent=federation, province="安徽省")
    _one_of_each(sister)
    spent = {
        row.key: row.spent for row in books.org_accounts(federation, 2027).by_line if row.spent
    }
    assert spent == {key: amount * 2 for key, amount in EXPECTED.items()}
    # the union's own books stay its own
    union.refresh_from_db()
    assert {r.key: r.spent for r in books.org_accounts(union, 2027).by_line if r.spent} == EXPECTED
