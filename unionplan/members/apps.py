from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "unionplan.members"
    verbose_name = _("会员")

    def ready(self) -> None:
        from unionplan.members import signals  # noqa: F401  (connects the receivers)
