"""``{% welfare_panel plan %}`` and ``{% welfare_draft_panel org draft %}``: 福利标准提示.

The plan page (plans) and the wizard's preview (agenda) draw the plan's welfare items
against the fund rules with these tags, so neither app imports welfare. On the plan page
the items already read for its month table are reused (``outline`` in the context): the
panel then costs only the headcount queries, a constant few whatever the plan's size.
"""

from django import template

from unionplan.errors import UserInputError
from unionplan.welfare import services

register = template.Library()


@register.inclusion_tag("welfare/plan_panel.html", takes_context=True)
def welfare_panel(context, plan):
    outline = context.get("outline")
    items = getattr(outline, "items", None)
    try:
        pack, warnings = services.plan_check(plan, items)
    except UserInputError as error:  # no pack for the province, or none in force that year
        return {"note": error.message}
    return {"pack": pack, "warnings": warnings}


@register.inclusion_tag("welfare/plan_panel.html")
def welfare_draft_panel(org, draft):
    try:
        pack, warnings = services.draft_check(org, draft)
    except UserInputError as error:
        return {"note": error.message}
    return {"pack": pack, "warnings": warnings}
