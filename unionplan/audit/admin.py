"""The audit log in the admin: read only, for everyone, the superuser included."""

from django.contrib import admin

from unionplan.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "organization", "user", "action", "object_description"]
    list_filter = ["action"]
    search_fields = ["object_description", "organization__name", "user__username"]
    readonly_fields = ["organization", "user", "at", "action", "object_description", "detail"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
