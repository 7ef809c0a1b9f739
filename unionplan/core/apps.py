from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "unionplan.core"
    verbose_name = _("基础")

    def ready(self) -> None:
        from unionplan.core import lockout  # noqa: F401  (connects the lockout log)
