"""Admin for the registry (operators only, see ``ops.admin_site``). Lists show masked ID
numbers and phones: an admin list is a page like any other and may be seen over someone's
shoulder; the change form shows the full value because correcting it is what the form is
for, and opening it is logged like an unmasked export of one row."""

from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from unionplan.core.admin import RecordAdmin
from unionplan.members.models import Child, ExportLog, Member, MembershipChange, MemberTag, Tag
from unionplan.members.privacy import log_export


class ChildInline(admin.TabularInline):
    model = Child
    extra = 0


class MemberTagInline(admin.TabularInline):
    model = MemberTag
    extra = 0


class MembershipChangeInline(admin.TabularInline):
    """The history of 会籍, read only: it is written by the changes themselves."""

    model = MembershipChange
    fk_name = "member"
    extra = 0
    can_delete = False
    readonly_fields = ["date", "standing", "organization", "from_organization", "to_organization"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "gender", "birth_date", "masked_id", "masked_tel"]
    list_display += ["department", "status", "standing"]
    list_filter = ["status", "standing", "gender"]
    search_fields = ["name", "department"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    inlines = [MemberTagInline, ChildInline, MembershipChangeInline]
    show_full_result_count = False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        member = self.get_object(request, object_id) if request.method == "GET" else None
        if member is not None and response.status_code == 200:
            what = gettext("管理后台查看会员：%(name)s") % {"name": member.name}
            log_export(request.user, member.organization, what, 1, masked=False)
        return response

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
class ExportLogAdmin(RecordAdmin):
    """Read-only: a log that can be edited is not a log."""

    list_display = ["at", "username", "organization", "what", "rows", "masked"]
    list_filter = ["masked"]
    search_fields = ["username", "what"]
    list_select_related = ["organization"]
