from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "unionplan.welfare"
    verbose_name = "福利慰问台账"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """The register's gifts are spending: the budget check reads them from here; the
        hardship files say who 困难职工 in a 参加范围 are."""
        from unionplan.core.spending import register_source
        from unionplan.members import record_scopes
        from unionplan.welfare.hardship_access import may_see
        from unionplan.welfare.hardship_services import scope_member_ids
        from unionplan.welfare.services import spent_for_budget

        register_source("welfare", spent_for_budget)
        record_scopes.register(scope_member_ids, may_see)
