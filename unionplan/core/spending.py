"""The gate every expense passes before it is stored, whichever app stores it.

Activity records, the welfare register and reimbursements all spend the union's money, but
the budget it is checked against belongs to the funds app, which stands above records and
beside welfare: neither may import it. So the saving code describes what it is about to
spend (``Spending``) and calls ``check`` inside its transaction; the funds app registers
the guard that refuses spending without or past the budget (``register_guard``). Spending
stored where the funds app cannot look (the welfare register) is reported to it by the app
that stores it (``register_source``); the books read the same sources for a whole subtree,
so an expense is checked and counted on the same line. With no guard registered every
expense passes. The other way round, the apps below (the year-end summary, the federation's
statistics) read plan vs budget vs actual by account line through ``line_figures``, which
the funds app answers (``register_books``); without it they have none to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from unionplan.accounting.accounts import LineFigures
from unionplan.accounting.mapping import LineMap
from unionplan.errors import UserInputError


@dataclass(frozen=True)
class Expense:
    """One amount about to be spent, with the categories (or the line) that decide its line."""

    activity_category: str  # vocab.CATEGORIES code of the activity it is spent on
    expense_category: str  # records.EXPENSE_CATEGORIES code
    amount: Decimal
    line: str = ""  # an account line key named outright (a reimbursement's item), if any
    month: int = 0  # 1–12 when the source groups by month (the accounts by month), else 0
    welfare_kind: str = ""  # a register entry's kind (fundrules.KINDS): it decides the line
    campaign_kind: str = ""  # the campaign's kind (送温暖…) of an entry paid in one

    def line_key(self, lines: LineMap) -> str:
        """The account line this lands on: the one home of that decision, so the spending
        gate and the books put every expense on the same line."""
        if self.line:
            return self.line
        if self.welfare_kind:
            return lines.for_welfare(self.welfare_kind, self.campaign_kind).key
        return lines.for_expense(self.expense_category, self.activity_category).key


@dataclass
class Spending:
    """What one save spends: the new expenses and those of the same thing they replace."""

    organization: Any  # unionplan.orgs.models.Organization
    year: int
    date: dt.date | None
    expenses: list[Expense]
    replaced: list[Expense] = field(default_factory=list)  # an edited record's old lines
    user: Any = None
    reason: str = ""  # the chair's reason for spending without or past the budget
    description: str = ""  # what is spent on, for the audit log


class OverBudget(UserInputError):
    """Spending refused for want of budget; the chair may still approve it with a reason."""


Guard = Callable[[Spending], object]  # what a guard returns is its own business
# ``source(organization, year, subtree=False)``: its spending in ``year``, grouped by month;
# with ``subtree`` that of every union below ``organization`` as well, in as many queries.
Source = Callable[..., Iterable[Expense]]

_guards: list[Guard] = []
_sources: dict[str, Source] = {}


def register_guard(guard: Guard) -> None:
    """Add a check that raises UserInputError to refuse (once, however often called)."""
    if guard not in _guards:
        _guards.append(guard)


def register_source(name: str, source: Source) -> None:
    """Add where some stored spending is read from (see ``Source``)."""
    _sources[name] = source


def check(spending: Spending) -> None:
    """Run every guard; a refusal propagates (UserInputError) and the caller stores nothing."""
    for guard in _guards:
        guard(spending)


def stored_elsewhere(organization, year: int, *, subtree: bool = False) -> list[Expense]:
    """The spending of ``organization`` (with ``subtree``, and of the unions below it) in
    ``year`` that the registered sources report."""
    return [
        expense
        for source in _sources.values()
        for expense in source(organization, year, subtree=subtree)
    ]


Books = Callable[[Any, int], list[LineFigures]]
_books: list[Books] = []


def register_books(books: Books) -> None:
    """Name what answers ``line_figures`` (the funds app; the last registered wins)."""
    _books[:] = [books]


def line_figures(organization, year: int) -> list[LineFigures]:
    """Plan vs budget vs actual by account line of ``organization`` and the unions below it
    in ``year``; empty when no app keeps the books."""
    return _books[0](organization, year) if _books else []
