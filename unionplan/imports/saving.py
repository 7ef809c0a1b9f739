"""Save parsed plans: the step after the user confirmed a preview (or ran `plan import`).

``import_plans`` is the one way a parsed document becomes saved plans: the web import's
confirm step and `unionplan plan import` both call it with the year the user confirmed.
The document is dated in that year (3月8日 in a title without a year is 8 March of it), and
all the chosen plans are saved in one transaction: if one cannot be stored (a title that
already exists, an item that does not fit), none is, and the message says which and why.
"""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from unionplan.calendar import check_year
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plan.data import PlanData
from unionplan.plans.convert import create_plan
from unionplan.plans.models import Plan
from unionplan.text import ParseResult


def default_year(result: ParseResult) -> int:
    """The year a document's plans are for: the first one its titles name, else next year."""
    named = (plan.year for plan in result.plans if plan.year)
    return next(named, timezone.localdate().year + 1)


def plans_for_year(result: ParseResult, year: int) -> list[PlanData]:
    """Every plan of ``result`` as PlanData, its activities dated in ``year``."""
    return [result.plan_data(index, year=year) for index in range(len(result.plans))]


def import_plans(
    organization: Organization,
    result: ParseResult,
    *,
    year: int,
    titles: dict[int, str] | None = None,
) -> list[Plan]:
    """Save plans of ``result`` for ``organization`` and ``year``; all or nothing.

    ``titles`` maps the index of each plan to import to its title ("" keeps the parsed
    one); None imports every plan under its parsed title.
    """
    year = check_year(year)
    plans = plans_for_year(result, year)
    if not plans:
        raise UserInputError("文档中没有找到工作计划。")
    chosen = titles if titles is not None else dict.fromkeys(range(len(plans)), "")
    if not chosen:
        raise UserInputError("请至少选择一份计划。")
    with transaction.atomic():
        return [
            create_plan(organization, _titled(plans[index], title.strip()), year=year)
            for index, title in chosen.items()
        ]


def _titled(data: PlanData, title: str) -> PlanData:
    return replace(data, title=title) if title else data
