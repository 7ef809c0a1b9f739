"""The 决算 of a union's year: the figures of ``books`` in the groups of the form unions hand in.

The adjusted budget is the budget with the year's approved adjustments (调整) of the union
and the unions below it applied (``budgeting.adjustment_differences``); income takes its
actual figures from the income received (``income``); 三、结余 is what was carried over plus
income less spending, budgeted and actual. The sheet ends with the 经费审查委员会's sign-off,
or 未经审查 (``final_review.footer``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from unionplan.accounting.lines import EXPENSE_CHART, SOURCE, STATUS
from unionplan.calendar.years import check_year
from unionplan.documents.accounts_xlsx import AccountGroup, AccountLine, write_final_accounts
from unionplan.errors import UserInputError
from unionplan.funds import books, budgeting, final_review
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan

ZERO = Decimal("0.00")


@dataclass
class FinalAccounts:
    """The 决算 as written: title, note line, the income and expense groups, the sign-off."""

    title: str
    note: str
    groups: list[AccountGroup]
    footer: str

    def write(self, out: str | BinaryIO) -> None:
        write_final_accounts(self.title, self.note, self.groups, out, footer=self.footer)

    @property
    def filename(self) -> str:
        return f"{self.title}.xlsx"


def final_accounts(org: Organization, year: object) -> FinalAccounts:
    """The 决算 of ``org`` (and its subtree) for ``year``."""
    year = check_year(year)
    _income, _carried, settings = books.subtree_income(org, year)
    plans = Plan.objects.filter(organization__path__startswith=org.path, year=year).exists()
    if not plans and not settings:
        raise UserInputError(f"“{org.name}”{year}年没有工作计划，也没有经费设置，无从决算。")
    accounts = books.org_accounts(org, year)
    changes = budgeting.adjustment_differences(org, year)
    received = books.org_income(org, year, accounts.total.spent)
    income_group = AccountGroup("一、收入", "收入合计")
    for row in received.rows:
        income_group.lines.append(AccountLine(row.label, row.budget, row.budget, row.actual))
    expense_group = AccountGroup("二、支出", "支出合计")
    by_name: dict[str, list] = {}
    for row in accounts.by_line:
        by_name.setdefault(row.key.split("/")[0], []).append(row)
    for name, subs in EXPENSE_CHART:
        rows = by_name.get(name, [])
        budget = sum((r.budget for r in rows), ZERO)
        after = budget + sum((changes.get(r.key, ZERO) for r in rows), ZERO)
        spent = sum((r.spent for r in rows), ZERO)
        expense_group.lines.append(AccountLine(name, budget, after, spent, _note(after, spent)))
        if subs:
            for r in (r for r in rows if "/" in r.key):  # an open line's own part: in its total
                sub = r.key.split("/", 1)[1]
                line_after = r.budget + changes.get(r.key, ZERO)
                expense_group.lines.append(
                    AccountLine(
                        sub, r.budget, line_after, r.spent, _note(line_after, r.spent), True
                    )
                )
    whole = "（含下级工会汇总）" if org.kind == "federation" else ""
    title = f"{org.name}{year}年度工会经费收支决算表{whole}"
    adjusted = "调整后预算数含本年度经批准的预算调整" if changes else "本年度未调整预算"
    note = f"单位：元　科目依据{SOURCE}（{STATUS}）　{adjusted}"
    footer = final_review.footer(org, year)
    groups = [income_group, expense_group, _balance_group(received, expense_group)]
    return FinalAccounts(title, note, groups, footer)


def _balance_group(received: books.Income, expenses: AccountGroup) -> AccountGroup:
    """三、结余: carried over + income − expenses, budget and actual (决算数 from the books)."""
    counted = [line for line in expenses.lines if not line.detail]
    budget = sum((line.budget for line in counted), ZERO)
    adjusted = sum((line.adjusted for line in counted), ZERO)
    total, carried = received.total, received.balance.carried_over
    return AccountGroup("三、结余", "本年结余", [
        AccountLine("上年结余", carried, carried, carried),
        AccountLine("本年收入", total.budget, total.budget, total.actual),
        AccountLine("减：本年支出", -budget, -adjusted, -received.balance.spent),
    ])  # fmt: skip


def _note(budget: Decimal, spent: Decimal) -> str:
    if spent and not budget:
        return "无预算支出"
    if spent > budget:
        return "超预算"
    return ""
