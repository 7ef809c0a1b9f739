from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "unionplan.core"
    verbose_name = _("基础")

    def ready(self) -> None:
        from unionplan.core import lockout  # noqa: F401  (connects the lockout log)


class OperatorAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the operators-only site (``core.admin_site``) as ``admin.site``;
    named in INSTALLED_APPS in place of django.contrib.admin."""

    default = False  # not the configuration of unionplan.core itself
    default_site = "unionplan.core.admin_site.OperatorAdminSite"
