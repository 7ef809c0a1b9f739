"""What the review commands share: finding the plan and the user named on the command line."""

from django.contrib.auth import get_user_model

from unionplan.errors import UserInputError
from unionplan.plans.models import Plan


def plan_named(plan_id: str) -> Plan:
    try:
        pk = int(plan_id)
    except ValueError:
        raise UserInputError(f"计划编号应为整数，而不是“{plan_id}”。") from None
    plan = Plan.objects.select_related("organization").filter(pk=pk).first()
    if plan is None:
        raise UserInputError(f"编号为{pk}的计划不存在。")
    return plan


def user_named(username: str):
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise UserInputError(f"用户“{username}”不存在或已停用。")
    return user
