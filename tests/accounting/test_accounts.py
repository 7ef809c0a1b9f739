"""Plan vs budget vs actual by line: the rate against the budget, or the plan before one."""

from decimal import Decimal

from unionplan.accounting.accounts import AccountRow, figures_total, plan_budget_actual

D = Decimal


def test_lines_take_the_budget_by_key_and_rate_against_it():
    rows = [AccountRow("a", "甲", D("100"), D("50")), AccountRow("b", "乙", D("0"), D("0"))]
    lines = plan_budget_actual(rows, {"a": D("200")})
    assert [(x.planned, x.budget, x.actual, x.percent) for x in lines] == [
        (D("100"), D("200"), D("50"), 25),
        (D("0"), D("0"), D("0"), None),
    ]
    assert not lines[1].any()
    total = figures_total(lines)
    assert (total.planned, total.budget, total.actual) == (D("100"), D("200"), D("50"))


def test_without_an_approved_budget_the_rate_is_against_the_plan():
    lines = plan_budget_actual([AccountRow("a", "甲", D("80"), D("100"))], None)
    assert (lines[0].budget, lines[0].percent) == (None, 125)
    assert figures_total(lines).budget is None
