"""Admin for the money tables (operators only): the category -> account line mapping and the
finance settings of each union's year."""

from django.contrib import admin

from unionplan.funds.models import FinanceYear, LineMapping, SpendingOverride


@admin.register(LineMapping)
class LineMappingAdmin(admin.ModelAdmin):
    list_display = ["kind", "code", "line"]
    list_editable = ["line"]
    list_filter = ["kind"]


@admin.register(FinanceYear)
class FinanceYearAdmin(admin.ModelAdmin):
    list_display = ["organization", "year", "wage_base", "wage_bill", "retained_percent"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization", "updated_by"]


@admin.register(SpendingOverride)
class SpendingOverrideAdmin(admin.ModelAdmin):
    list_display = ["organization", "year", "line", "amount", "budget", "spent", "approved_by"]
    list_select_related = ["organization", "approved_by"]
    readonly_fields = [f.name for f in SpendingOverride._meta.fields]
