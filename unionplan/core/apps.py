from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app stands on: choices, the command base class, downloads, the date widget,
    the pending-upload stores. It imports no other app."""

    name = "unionplan.core"
    verbose_name = _("基础")
