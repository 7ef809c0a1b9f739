"""Plan vs budget vs actual by account line: what the year-end summary and the federation's
statistics (page and .xlsx) show, for a union and for a federation's whole subtree."""

import io
from decimal import Decimal

import docx
import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains
from python_calamine import CalamineWorkbook

from tests.factories import OrganizationFactory, PlanFactory, RoleFactory
from tests.funds.conftest import budgeted, federation_with, spend
from unionplan.accounting.accounts import figures_total
from unionplan.core.spending import line_figures
from unionplan.funds import budgeting
from unionplan.records.summary import summary_data, summary_docx

D = Decimal
pytestmark = pytest.mark.django_db
CULTURE, GIFTS = "职工活动支出/文体活动", "职工活动支出/会员活动"


@pytest.fixture
def year(approved_plan, tree):
    """The school: planned 3,000 culture and 2,000 gifts, approved, culture adjusted to 4,500;
    1,000 spent on prizes. A second school: 800 planned, not approved, 100 spent."""
    adjustment = budgeting.propose(tree.school, 2027, tree.chair, {CULTURE: "4500"}, "新增项目")
    budgeting.review(adjustment, tree.reviewer, approve=True)
    spend(approved_plan.items.get(category="culture"), "prize", 1000)
    other = OrganizationFactory(name="第二小学工会", parent=tree.district)
    spend(budgeted(PlanFactory(organization=other, year=2027), "culture", 800), "prize", 100)
    return approved_plan


def _by_key(lines):
    return {line.key: (line.planned, line.budget, line.actual) for line in lines if line.any()}


def test_a_union_and_its_federation_by_line(year, tree):
    assert _by_key(line_figures(tree.school, 2027)) == {
        CULTURE: (D("3000.00"), D("4500.00"), D("1000.00")),
        GIFTS: (D("2000.00"), D("2000.00"), D("0.00")),
    }
    district = _by_key(line_figures(tree.district, 2027))  # the second school has no budget yet
    assert district[CULTURE] == (D("3800.00"), D("4500.00"), D("1100.00"))
    total = figures_total(line_figures(tree.district, 2027))
    assert (total.planned, total.budget, total.actual, total.percent) == (
        D("5800.00"), D("6500.00"), D("1100.00"), 17,
    )  # fmt: skip


def test_no_budget_is_shown_before_any_is_approved(db):
    union = OrganizationFactory()
    spend(budgeted(PlanFactory(organization=union, year=2027), "culture", 500), "prize", 600)
    [line] = [line for line in line_figures(union, 2027) if line.any()]
    assert (line.budget, line.percent) == (None, 120)  # against the plan while none approved


def test_the_year_end_summary_has_the_lines(year):
    data = summary_data(year)
    assert _by_key(data.lines)[CULTURE] == (D("3000.00"), D("4500.00"), D("1000.00"))
    document = docx.Document(io.BytesIO(summary_docx(year)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "计划经费5,000.00元，批准预算6,500.00元，实际支出1,000.00元" in text
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "会计科目")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert ["职工活动支出—文体活动", "3,000.00", "4,500.00", "1,000.00", "22%"] in rows
    assert rows[-1] == ["合计", "5,000.00", "6,500.00", "1,000.00", "15%"]


def test_the_statistics_page_and_xlsx_show_the_subtree_by_line(client, year, tree):
    client.force_login(tree.reviewer)
    page = client.get(reverse("review:statistics", args=[tree.district.pk, 2027]))
    assertContains(page, "经费：计划、预算与实际（按会计科目）")
    assertContains(page, '<td>职工活动支出—文体活动</td><td class="num">3,800.00</td>', html=False)
    response = client.get(reverse("review:statistics_xlsx", args=[tree.district.pk, 2027]))
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["统计表", "经费"]
    rows = book.get_sheet_by_name("经费").to_python()
    by_label = {str(r[0]): r for r in rows[3:]}
    assert by_label["职工活动支出—文体活动"][1:4] == [3800, 4500, 1100]
    assert by_label["合计"][1:4] == [5800, 6500, 1100]


@pytest.mark.parametrize("unions", [2, 8])
def test_the_statistics_page_queries_do_not_grow(client, django_assert_num_queries, unions):
    federation = federation_with(unions)
    client.force_login(RoleFactory(organization=federation, role="chair").user)
    url = reverse("review:statistics", args=[federation.pk, 2027])
    client.get(url)
    with django_assert_num_queries(16):  # the page, 6 statistics and 7 of the books by line
        assertContains(client.get(url), f"{unions * 1000:,}.00")
