from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "unionplan.review"
    verbose_name = _("计划审批")
