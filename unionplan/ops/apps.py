from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the site: serving, health, backups, login protection, static files, the
    operators' admin. It stands above the apps (a restore asks the organizations table),
    and no app imports it."""

    name = "unionplan.ops"
    verbose_name = _("运维")

    def ready(self) -> None:
        # Imported for its side effect only: it connects the lockout log to axes' signal.
        from unionplan.ops import lockout  # noqa: F401


class OperatorAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the operators-only site (``ops.admin_site``) as ``admin.site``;
    named in INSTALLED_APPS in place of django.contrib.admin."""

    default = False  # not the configuration of unionplan.ops itself
    default_site = "unionplan.ops.admin_site.OperatorAdminSite"
