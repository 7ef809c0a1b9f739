"""Admin for the money tables (operators only): the category -> account line mapping and the
finance settings of each union's year; the overrides and the 决算 reviews are records, read
only."""

from django.contrib import admin

from unionplan.core.admin import RecordAdmin
from unionplan.funds.models import FinalReview, FinanceYear, LineMapping, SpendingOverride


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


@admin.register(FinalReview)
class FinalReviewAdmin(RecordAdmin):
    """The 经费审查委员会's acts: made on the review page only, never changed afterwards."""

    list_display = ["organization", "year", "state", "reviewer_name", "reviewed_on"]
    list_filter = ["state", "year"]
    list_select_related = ["organization"]
    readonly_fields = [f.name for f in FinalReview._meta.fields]
