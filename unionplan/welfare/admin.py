from django.contrib import admin

from unionplan.welfare.models import WelfareEntry


@admin.register(WelfareEntry)
class WelfareEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "organization", "member", "kind", "amount", "within_rules", "pack"]
    list_filter = ["kind", "within_rules"]
    raw_id_fields = ["organization", "member", "schedule_item", "created_by"]
    readonly_fields = ["pack", "decision", "within_rules", "override_reason", "created_by"]
