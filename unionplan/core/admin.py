"""What the admins of the apps share: the read-only admin of a record that must not change."""

from django.contrib import admin


class RecordAdmin(admin.ModelAdmin):
    """A log or a record of what happened (the audit log, exports, notifications, reviews):
    listed and opened, never added, changed or deleted there, by the superuser neither."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
