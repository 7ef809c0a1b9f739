"""The budget drawn from a plan: expense lines, income estimate and the balance check."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionplan import vocab
from unionplan.accounting import accounts
from unionplan.accounting.budget import (
    FinanceSettings,
    balance,
    clean_figure,
    clean_percent,
    clean_typed_income,
    expense_budget,
    income_estimate,
    json_number,
)
from unionplan.accounting.lines import Line
from unionplan.accounting.mapping import LineMap
from unionplan.errors import UserInputError

D = Decimal


def _amounts(rows):
    return {row.line.key: row.amount for row in rows if row.amount}


def test_expense_lines_sum_item_budgets_by_line():
    items = [("culture", D("3000")), ("culture", D("500.50")), ("festival", D("8000")),
             ("rights", None), ("rights", D("1200")), ("other", D("0.5"))]  # fmt: skip
    rows = expense_budget(items, LineMap())
    assert _amounts(rows) == {
        "职工活动支出/文体活动": D("3500.50"),
        "职工活动支出/会员活动": D("8000.00"),
        "维权支出": D("1200.00"),
        "其他支出": D("0.50"),
    }
    assert rows[0].line == Line("职工活动支出", "职工教育")  # the chart's order, zeros included


budgets = st.lists(
    st.tuples(
        st.sampled_from(vocab.codes(vocab.CATEGORIES)),
        st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2)),
    ),
    max_size=40,
)


@settings(deadline=None)  # the shared machine is loaded; speed is bench/'s business
@given(budgets)
def test_expense_lines_add_up_to_the_items(items):
    rows = expense_budget(items, LineMap())
    assert sum(row.amount for row in rows) == sum(b for _, b in items if b is not None)


def test_income_estimate_from_wages():
    settings = FinanceSettings(
        wage_base=D("8000000"),
        wage_bill=D("10000000"),
        retained_percent=D("60"),
        typed_income={"上级补助收入": D("20000")},
    )
    rows = {row.line.name: row.amount for row in income_estimate(settings)}
    assert rows["会费收入"] == D("40000.00")  # 0.5%
    assert rows["拨缴经费收入"] == D("120000.00")  # 2% × 60%
    assert rows["上级补助收入"] == D("20000.00")
    assert rows["投资收益"] == D("0.00")
    assert list(rows) == ["会费收入", "拨缴经费收入", "上级补助收入", "政府补助收入",
                          "附属单位上缴收入", "投资收益", "其他收入"]  # fmt: skip


def test_retained_share_is_configurable_and_rounded_to_cents():
    settings = FinanceSettings(wage_bill=D("123456.78"), retained_percent=D("40"))
    rows = {row.line.name: row.amount for row in income_estimate(settings)}
    assert rows["拨缴经费收入"] == D("987.65")  # 123456.78 × 0.02 × 0.4 = 987.65424


def test_balance_within_income_and_carried_over():
    expenses = expense_budget([("culture", D("170000"))], LineMap())
    income = income_estimate(FinanceSettings(wage_base=D("8000000"), wage_bill=D("10000000")))
    short = balance(expenses, income)
    assert not short.ok
    assert short.message.startswith("预算不平衡")
    assert "170,000.00" in short.message and "160,000.00" in short.message
    assert "10,000.00元" in short.message
    enough = balance(expenses, income, carried_over=D("20000"))
    assert enough.expense == D("170000.00") and enough.available == D("180000.00")
    assert enough.ok and enough.message.startswith("收支平衡")


def test_over_by_amount_is_in_the_message():
    b = balance(expense_budget([("culture", D("1100"))], LineMap()), [], carried_over=D("1000"))
    assert not b.ok and "100.00元" in b.message


@pytest.mark.parametrize("value", ["-1", "abc", "1e999999", "1,0000000000000"])
def test_figures_refuse_bad_input(value):
    with pytest.raises(UserInputError):
        clean_figure(value, what="工资总额")


def test_figures_read_as_people_type():
    assert clean_figure("1,200.50元", what="x") == D("1200.50")
    assert clean_figure("1.5万", what="x") == D("15000.00")
    assert clean_figure("", what="x") == D("0.00")


@pytest.mark.parametrize("value", ["-5", "101", "六十", ""])
def test_percent_refuses_bad_input(value):
    with pytest.raises(UserInputError):
        clean_percent(value)


def test_percent_reads_with_or_without_sign():
    assert clean_percent("60%") == D("60.00") == clean_percent(" 60 ")


def test_typed_income_refuses_unknown_and_computed_lines():
    assert clean_typed_income({"其他收入": "1,000", "投资收益": ""}) == {"其他收入": D("1000.00")}
    with pytest.raises(UserInputError, match="不存在"):
        clean_typed_income({"捐赠收入": "1"})
    with pytest.raises(UserInputError, match="由工资基数计算"):
        clean_typed_income({"会费收入": "1"})
    with pytest.raises(UserInputError, match="不能为负数"):
        clean_typed_income({"其他收入": "-1"})


def test_json_numbers():
    assert json_number(D("3000.00")) == 3000 and isinstance(json_number(D("3000.00")), int)
    assert json_number(D("12.5")) == 12.5


def test_accounts_by_line_and_month():
    rows = accounts.by_line(
        [("culture", D("1000")), ("festival", D("500"))],
        [
            ("culture", "prize", D("800")),
            ("culture", "gift", D("100")),
            ("welfare", "other", D("50")),
        ],
        LineMap(),
    )
    found = {row.key: (row.budget, row.spent) for row in rows if row.budget or row.spent}
    assert found == {
        "职工活动支出/文体活动": (D("1000"), D("800")),
        "职工活动支出/会员活动": (D("500"), D("100")),
        "维权支出": (D("0"), D("50")),
    }
    culture = next(r for r in rows if r.key == "职工活动支出/文体活动")
    assert culture.remaining == D("200") and culture.percent == 80 and not culture.over
    months = accounts.by_month([(3, D("100"))], [(3, D("150")), (4, D("1"))])
    assert len(months) == 12 and months[2].over and months[3].percent is None
    assert accounts.total(months).spent == D("151")
