"""The notification log in the admin: what was sent to whom, in the inbox and by mail, and
which mails failed and why. Read only: it is the record of what happened."""

from django.contrib import admin

from unionplan.review.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "text", "mail_to", "mailed_at", "mail_error"]
    list_filter = ["mailed_at"]
    search_fields = ["text", "user__username", "mail_to"]
    list_select_related = ["user"]
    readonly_fields = [
        "user", "step", "link", "text", "created_at", "read_at",
        "mail_to", "mail_subject", "mailed_at", "mail_error",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
