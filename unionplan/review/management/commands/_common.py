"""What the review commands share: the user named on the command line (the plan: unionplan.plans.lookup)."""

from django.contrib.auth import get_user_model

from unionplan.errors import UserInputError


def user_named(username: str):
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise UserInputError(f"用户“{username}”不存在或已停用。")
    return user
