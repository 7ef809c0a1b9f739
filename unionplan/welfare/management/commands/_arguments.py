"""The arguments ``welfare check`` and ``welfare give`` share, and reading them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from unionplan.fundrules import KINDS
from unionplan.fundrules.hardship import AID_KINDS, SCHOOL_LEVELS
from unionplan.members.management.commands.scope_resolve import find_organization, parse_date
from unionplan.plan.money import clean_amount
from unionplan.welfare import services


def add_gift_arguments(parser) -> None:
    parser.add_argument("--org", required=True, help="工会编号")
    parser.add_argument("--member", required=True, help="会员身份证号")
    parser.add_argument("--kind", required=True, help=f"慰问种类：{'、'.join(KINDS)}")
    parser.add_argument("--amount", required=True, help="金额（元）")
    parser.add_argument("--date", required=True, help="发放日期 YYYY-MM-DD")
    parser.add_argument("--illness", default="", help="疾病名称（住院慰问）")
    parser.add_argument("--form", default="", help="发放形式，例如 实物、提货券、现金")
    parser.add_argument("--occasion", default="", help="节日或情形，例如 春节、中秋、手术")
    parser.add_argument("--aid", default="living", help=f"困难帮扶的种类：{'、'.join(AID_KINDS)}")
    parser.add_argument(
        "--school-level", default="", help=f"助学的就读阶段：{'、'.join(SCHOOL_LEVELS)}"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")


def read_date(text: str) -> dt.date:
    """The date of a gift; 2026-02-30 is told it does not exist, not that it is misspelt."""
    return parse_date(text.strip())


def read_gift(options: dict) -> tuple:
    """(org, member, kind, amount, date): every argument checked before anything is looked up."""
    kind = services.kind_of(options["kind"])
    amount: Decimal = clean_amount(options["amount"])
    day = read_date(options["date"])
    org = find_organization(options["org"])
    member = services.find_member(org, options["member"])
    return org, member, kind, amount, day
