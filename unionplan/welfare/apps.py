from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "unionplan.welfare"
    verbose_name = "福利慰问台账"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """The register's gifts are spending: the budget check reads them from here."""
        from unionplan.core.spending import register_source
        from unionplan.welfare.services import spent_for_budget

        register_source("welfare", spent_for_budget)
