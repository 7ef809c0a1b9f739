from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The REST API under /api/v1/ (Django REST framework, drf-spectacular): the pages'
    data and actions for other programs, scoped exactly like the pages."""

    name = "unionplan.api"
    verbose_name = _("接口")
