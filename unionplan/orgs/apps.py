from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "unionplan.orgs"
    verbose_name = _("工会组织")
