"""The audit log: who changed the state of what, when, in which organization.

Entries are only ever added (``record``); nobody edits or deletes them, not even in the
admin. Any app may record its own state changes here (plans under review, welfare, funds):
an entry names its organization, so the federation above reads it with the subtree query.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionplan.orgs.models import Organization

MAX_ACTION_LENGTH = 50
MAX_OBJECT_LENGTH = 300


class AuditEntry(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="audit_entries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    action = models.CharField(_("操作"), max_length=MAX_ACTION_LENGTH)
    object_description = models.CharField(_("对象"), max_length=MAX_OBJECT_LENGTH)
    detail = models.JSONField(_("详情"), default=dict, blank=True)

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计日志")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_description}"


def record(
    organization: Organization,
    user,
    action: str,
    object_description: str,
    detail: dict | None = None,
) -> AuditEntry:
    """Add one entry; call it inside the transaction of the change it records."""
    return AuditEntry.objects.create(
        organization=organization,
        user=user if user is not None and user.is_authenticated else None,
        action=action[:MAX_ACTION_LENGTH],
        object_description=str(object_description)[:MAX_OBJECT_LENGTH],
        detail=detail or {},
    )
