"""Admin for activity records (operators only, see ``ops.admin_site``): records with their
expenses and attachments, hand-entered target values and how targets are measured.

Attachments are listed, not edited: a file is added or removed on the record's page, where
its content is checked; the admin shows its original name, kind and size.
"""

from django.contrib import admin

from unionplan.records.models import (
    ActivityRecord,
    Attachment,
    ExpenseLine,
    TargetMeasure,
    TargetValue,
)


class ExpenseLineInline(admin.TabularInline):
    model = ExpenseLine
    extra = 0
    fields = ["category", "amount", "payee", "note"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["original_name", "kind", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ActivityRecord)
class ActivityRecordAdmin(admin.ModelAdmin):
    list_display = ["date", "item", "place", "others_count", "created_by", "updated_at"]
    list_filter = ["date"]
    search_fields = ["item__text", "place", "summary", "item__plan__organization__name"]
    list_select_related = ["item", "created_by"]
    raw_id_fields = ["item", "attendees", "created_by"]
    date_hierarchy = "date"
    inlines = [ExpenseLineInline, AttachmentInline]
    show_full_result_count = False


@admin.register(ExpenseLine)
class ExpenseLineAdmin(admin.ModelAdmin):
    list_display = ["record", "category", "amount", "payee"]
    list_filter = ["category"]
    search_fields = ["payee", "note", "record__item__text"]
    list_select_related = ["record__item"]
    raw_id_fields = ["record"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "record", "kind", "size", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["original_name"]
    list_select_related = ["record__item"]
    fields = ["record", "original_name", "kind", "content_type", "size", "uploaded_by"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(TargetMeasure)
class TargetMeasureAdmin(admin.ModelAdmin):
    list_display = ["target", "metric", "category"]
    list_filter = ["metric"]
    list_select_related = ["target"]
    raw_id_fields = ["target", "items"]


@admin.register(TargetValue)
class TargetValueAdmin(admin.ModelAdmin):
    list_display = ["target", "value", "date", "entered_by", "entered_at"]
    search_fields = ["target__text", "note"]
    list_select_related = ["target", "entered_by"]
    raw_id_fields = ["target", "entered_by"]
