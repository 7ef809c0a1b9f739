"""The plan a command line names by its number: one reading, one pair of messages."""

from unionplan.errors import UserInputError
from unionplan.plans.models import Plan


def plan_named(plan_id: str) -> Plan:
    """The plan numbered ``plan_id`` (with its organization), or a Chinese ``UserInputError``."""
    try:
        pk = int(plan_id)
    except ValueError:
        raise UserInputError(f"计划编号应为整数，而不是“{plan_id}”。") from None
    plan = Plan.objects.select_related("organization").filter(pk=pk).first()
    if plan is None:
        raise UserInputError(f"编号为{pk}的计划不存在。")
    return plan
