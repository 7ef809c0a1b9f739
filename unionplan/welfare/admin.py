from django.contrib import admin

from unionplan.welfare.models import Campaign, DibaoStandard, WelfareEntry


@admin.register(WelfareEntry)
class WelfareEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "organization", "member", "kind", "amount", "within_rules", "pack"]
    list_filter = ["kind", "within_rules"]
    raw_id_fields = ["organization", "member", "schedule_item", "campaign", "created_by"]
    readonly_fields = ["pack", "decision", "within_rules", "override_reason", "created_by"]


@admin.register(DibaoStandard)
class DibaoStandardAdmin(admin.ModelAdmin):
    """The operator keeps each city's 低保 of each year; hardship files are classified by it.

    The files themselves are not in the admin: reading one there would bypass the access
    rule and the log of every view.
    """

    list_display = ["city", "year", "monthly", "document"]
    list_filter = ["year"]
    search_fields = ["city"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "kind", "year", "starts_on", "ends_on", "amount"]
    list_filter = ["kind", "year"]
    raw_id_fields = ["organization", "created_by"]
