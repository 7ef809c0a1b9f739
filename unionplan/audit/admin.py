"""The audit log in the admin: read only, for everyone, the superuser included."""

from django.contrib import admin

from unionplan.audit.models import AuditEntry
from unionplan.core.admin import RecordAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(RecordAdmin):
    list_display = ["at", "organization", "user", "action", "object_description"]
    list_filter = ["action"]
    search_fields = ["object_description", "organization__name", "user__username"]
    readonly_fields = ["organization", "user", "at", "action", "object_description", "detail"]
