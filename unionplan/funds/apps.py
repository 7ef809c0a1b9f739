from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "unionplan.funds"
    verbose_name = _("工会经费")
