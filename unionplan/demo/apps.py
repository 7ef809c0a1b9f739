from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data (``unionplan demo``): an app of its own because it stands on all others."""

    name = "unionplan.demo"
    verbose_name = _("演示数据")
