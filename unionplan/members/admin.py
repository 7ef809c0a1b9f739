"""Admin for the registry. Lists show masked ID numbers and phones: an admin list is a page
like any other and may be seen over someone's shoulder; the change form shows the full value
because correcting it is what the form is for."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from unionplan.members.models import Child, ExportLog, Member, MemberTag, Tag


class ChildInline(admin.TabularInline):
    model = Child
    extra = 0


class MemberTagInline(admin.TabularInline):
    model = MemberTag
    extra = 0


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "gender", "birth_date", "masked_id", "masked_tel"]
    list_display += ["department", "status"]
    list_filter = ["status", "gender"]
    search_fields = ["name", "department"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    inlines = [MemberTagInline, ChildInline]
    show_full_result_count = False

    @admin.display(description=_("身份证号"))
    def masked_id(self, member: Member) -> str:
        return member.masked_id_number

    @admin.display(description=_("联系电话"))
    def masked_tel(self, member: Member) -> str:
        return member.masked_phone


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Child)
class ChildAdmin(admin.ModelAdmin):
    list_display = ["name", "birth_date", "member"]
    list_select_related = ["member"]
    raw_id_fields = ["member"]


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    """Read-only: a log that can be edited is not a log."""

    list_display = ["at", "username", "organization", "what", "rows", "masked"]
    list_filter = ["masked"]
    search_fields = ["username", "what"]
    list_select_related = ["organization"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
