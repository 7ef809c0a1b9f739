"""Save parsed plans: the step after the user confirmed a preview (or ran `plan import`).

All the chosen plans are saved in one transaction: if one cannot be stored (a title that
already exists, an item that does not fit), none is, and the message says which and why.
"""

from dataclasses import replace

from django.db import IntegrityError, transaction

from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plan.checks import clean_title
from unionplan.plan.copying import move_date
from unionplan.plan.data import PlanData
from unionplan.plans.convert import create_plan
from unionplan.plans.models import Plan


def move_to_year(data: PlanData, year: int) -> PlanData:
    """``data`` with every item's dates moved into ``year`` (29 Feb becomes 28 Feb)."""
    items = [
        replace(item, date=move_date(item.date, year), end_date=move_date(item.end_date, year))
        for item in data.items
    ]
    return replace(data, items=items, year=year)


def save_plans(organization: Organization, plans: list[PlanData], *, year: int) -> list[Plan]:
    """Save ``plans`` for ``organization`` and ``year``; all or nothing."""
    if not 1950 <= year <= 2100:
        raise UserInputError(f"年度应在1950到2100之间，而不是{year}。")
    saved = []
    try:
        with transaction.atomic():
            for data in plans:
                title = clean_title(data.title, what="计划标题")
                if Plan.objects.filter(organization=organization, year=year, title=title).exists():
                    raise UserInputError(
                        f"{organization.name}已有{year}年的“{title}”，请修改标题后再导入。"
                    )
                saved.append(create_plan(organization, move_to_year(data, year), year=year))
    except IntegrityError:
        raise UserInputError("保存失败：计划标题与已有计划重复，请修改标题后再导入。") from None
    return saved
