from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "unionplan.funds"
    verbose_name = _("工会经费")

    def ready(self) -> None:
        """Listen to the review below: an approved plan approves its budget."""
        from unionplan.funds.budgeting import on_plan_approved
        from unionplan.review.signals import plan_approved

        plan_approved.connect(on_plan_approved, dispatch_uid="funds.budget_approval")
