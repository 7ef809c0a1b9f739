"""A generated draft plan for an organization: made by the generator, saved by ``create_plan``.

The wizard's preview and its "create" step, and ``unionplan plan new``, all come here, so the
same org, year and sector give the same draft everywhere. Generating is pure and writes
nothing; only ``save`` touches the database, in one transaction.
"""

from __future__ import annotations

from django.utils import timezone

from unionplan import calendar as cal
from unionplan.agenda import holidays
from unionplan.generator import check_sector, generate_plan
from unionplan.orgs.models import Organization
from unionplan.plan.checks import clean_title
from unionplan.plan.data import PlanData
from unionplan.plans.convert import create_plan
from unionplan.plans.models import Plan


def default_year() -> int:
    """Plans are written in the autumn for the coming year."""
    return timezone.localdate().year + 1


def default_title(org: Organization, year: int) -> str:
    return f"{year}年{org.name}工作计划"


def build(
    org: Organization,
    year: object,
    sector: str | None = None,
    *,
    title: str = "",
    calendar: cal.HolidayCalendar | None = None,
) -> PlanData:
    """The draft for ``org``: its own sector unless another is chosen; nothing is saved.

    Raises UserInputError for a year outside 1950–2100 or an unknown sector.
    """
    year_value = cal.check_year(year)
    sector = check_sector((sector or org.sector).strip())
    draft = generate_plan(
        sector, year_value, organization=org.name, holidays=calendar or holidays.calendar()
    )
    draft.title = clean_title(title or default_title(org, year_value), what="计划标题")
    return draft


def save(org: Organization, draft: PlanData) -> Plan:
    """Store the draft as a new plan; a title already taken is the user's to change."""
    assert draft.year is not None
    return create_plan(org, draft, year=draft.year)
