from django.contrib import admin

from unionplan.plans.models import Plan, ScheduleItem, Section, Target


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["parent", "order", "title"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["section", "text", "comparator", "value", "value_high", "unit", "order"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "year", "status", "updated_at"]
    list_filter = ["status", "year"]
    readonly_fields = ["status"]  # set only by the review workflow
    search_fields = ["title", "organization__name"]
    autocomplete_fields = ["organization"]
    inlines = [SectionInline, TargetInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["title", "plan", "parent", "order"]
    search_fields = ["title", "plan__title"]
    raw_id_fields = ["plan", "parent"]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["text", "plan", "comparator", "value", "value_high", "unit"]
    search_fields = ["text"]
    raw_id_fields = ["plan", "section"]


@admin.register(ScheduleItem)
class ScheduleItemAdmin(admin.ModelAdmin):
    list_display = ["text", "plan", "month", "date", "scope", "owner", "budget", "status"]
    list_filter = ["status", "category", "month"]
    search_fields = ["text", "scope", "owner"]
    raw_id_fields = ["plan"]
