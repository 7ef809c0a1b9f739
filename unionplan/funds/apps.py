from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "unionplan.funds"
    verbose_name = _("工会经费")

    def ready(self) -> None:
        """Listen to the apps below: an approved plan approves its budget, and every expense
        saved anywhere is checked against the budget in force; the apps below read the books
        by line from here."""
        from unionplan.core.spending import register_books, register_guard
        from unionplan.funds.budgeting import line_figures, on_plan_approved
        from unionplan.funds.spending import guard
        from unionplan.review.signals import plan_approved

        plan_approved.connect(on_plan_approved, dispatch_uid="funds.budget_approval")
        register_guard(guard)
        register_books(line_figures)
