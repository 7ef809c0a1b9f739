"""The Django admin is the operator's tool: superusers only.

Why not staff with per-model view rights, scoped by organization? The pages already hold the
rules about who sees what — one union's members only (the organization tree), ID numbers and
phones masked except for the chair, every export of personal data logged. Repeating them in
the admin would give those rules a second home that drifts from the first; leaving them out
(as Django's admin does) showed every union's full ID numbers to any staff account with a
"view member" permission. The operator who installs the system owns its database file
anyway, so the admin is for them alone: a staff user who is not a superuser is sent to the
admin's login page like a stranger, whatever permissions the account was given. Union
cadres work in the pages.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class OperatorAdminSite(admin.AdminSite):
    site_header = _("unionplan 工会年度工作计划系统")
    site_title = "unionplan"

    def has_permission(self, request) -> bool:
        """Only an active superuser enters the admin (see the module docstring)."""
        user = request.user
        return user.is_active and user.is_superuser
