"""The notification log in the admin: what was sent to whom, in the inbox and by mail, and
which mails failed and why. Read only: it is the record of what happened."""

from django.contrib import admin

from unionplan.core.admin import RecordAdmin
from unionplan.review.models import Notification


@admin.register(Notification)
class NotificationAdmin(RecordAdmin):
    list_display = ["created_at", "user", "text", "mail_to", "mailed_at", "mail_error"]
    list_filter = ["mailed_at"]
    search_fields = ["text", "user__username", "mail_to"]
    list_select_related = ["user"]
    readonly_fields = [
        "user", "step", "link", "text", "created_at", "read_at",
        "mail_to", "mail_subject", "mailed_at", "mail_error",
    ]  # fmt: skip
