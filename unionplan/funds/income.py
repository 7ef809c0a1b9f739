"""Income received (实际收入): the register the 决算's income lines take their actual figures from.

Each entry is one amount received on an income line of the chart on a day of the year. Bad
input (a non-number, nothing or less, a day outside the year, a line not in the chart) is
refused in Chinese and nothing is stored; so is any change in a year whose 决算 is signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from unionplan.accounting.lines import income_line
from unionplan.audit.models import record as audit
from unionplan.errors import UserInputError
from unionplan.funds import final_review
from unionplan.funds.models import IncomeEntry
from unionplan.orgs.models import Organization
from unionplan.plan.money import money, parse_yuan

MAX_INCOME = Decimal("1000000000000")  # 一万亿元


@dataclass
class IncomeInput:
    """What the form typed, read here: ``date`` already a date (or None), the rest as text."""

    date: dt.date | None
    line: str
    amount: str
    note: str = ""


def clean(org: Organization, year: int, data: IncomeInput) -> tuple[dt.date, str, Decimal]:
    """(date, line, amount) of ``data``, or UserInputError in Chinese."""
    if data.date is None:
        raise UserInputError("请填写收到日期。")
    if data.date.year != year:
        raise UserInputError(f"收到日期{data.date:%Y-%m-%d}不在{year}年度内。")
    line = income_line(data.line).name
    amount = parse_yuan(data.amount, what="金额", maximum=MAX_INCOME)
    if amount <= 0:
        raise UserInputError("金额须大于0元。")
    return data.date, line, amount.quantize(Decimal("0.01"))


def save(
    org: Organization, year: int, data: IncomeInput, user, entry: IncomeEntry | None = None
) -> IncomeEntry:
    """Store a new entry (or change ``entry``); refused in a signed year or on bad input.

    Saving an entry unchanged writes nothing and logs nothing.
    """
    day, line, amount = clean(org, year, data)
    note = data.note.strip()[:200]
    if entry is not None and (entry.date, entry.line, entry.amount, entry.note) == (
        day, line, amount, note,
    ):  # fmt: skip
        return entry
    with transaction.atomic():
        final_review.refuse_if_signed(org, year, income=True)
        if entry is None:
            entry = IncomeEntry(organization=org, year=year, created_by=_user(user))
        entry.date, entry.line, entry.amount, entry.note = day, line, amount, note
        entry.save()
        audit(
            org, user, "funds.income", f"{line} {money(amount)}元 {day.isoformat()}",
            {"entry": entry.pk, "year": year, "line": line, "amount": str(amount),
             "date": day.isoformat()},
        )  # fmt: skip
    return entry


def delete(entry: IncomeEntry, user) -> None:
    """Remove an entry; refused in a signed year."""
    with transaction.atomic():
        final_review.refuse_if_signed(entry.organization, entry.year, income=True)
        audit(
            entry.organization, user, "funds.income.delete",
            f"删除 {entry.line} {money(entry.amount)}元 {entry.date.isoformat()}",
            {"entry": entry.pk, "year": entry.year},
        )  # fmt: skip
        entry.delete()


def actual_by_line(org: Organization, year: int) -> dict[str, Decimal]:
    """{income line: received} of ``org`` and the unions below it in ``year`` (one query)."""
    rows = (
        IncomeEntry.objects.filter(organization__path__startswith=org.path, year=year)
        .values_list("line")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {line: total for line, total in rows}


def _user(user):
    return user if user is not None and user.is_authenticated else None
