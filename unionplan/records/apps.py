from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "unionplan.records"
    verbose_name = _("活动记录")

    def ready(self) -> None:
        # Imported here, not at the top: models may be imported only once apps are ready.
        from unionplan.plans import figures
        from unionplan.records import plan_figures

        figures.register(plan_figures.annotate)
