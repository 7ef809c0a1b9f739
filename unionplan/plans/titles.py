"""One plan of a given title per organization and year: the rule and its one message.

Every way a plan comes to be or is renamed — the editor's header form, "new plan", copying
last year's plan, the wizard, an import — checks here, so all say the same thing. The
database has the same rule as a unique constraint, for two people saving at once.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan


def duplicate_title_message(year: int, title: str) -> str:
    return _("本工会%(year)d年已有标题为“%(title)s”的计划，请换一个标题。") % {
        "year": year,
        "title": title,
    }


def check_title_free(
    organization: Organization, year: int, title: str, plan: Plan | None = None
) -> None:
    """Raise UserInputError if another plan of ``organization`` for ``year`` has ``title``.

    ``plan``: the plan being renamed, which may keep its own title.
    """
    others = Plan.objects.filter(organization=organization, year=year, title=title)
    if plan is not None:
        others = others.exclude(pk=plan.pk)
    if others.exists():
        raise UserInputError(duplicate_title_message(year, title))
