from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulingConfig(AppConfig):
    name = "unionplan.scheduling"
    verbose_name = _("日程与节日")
