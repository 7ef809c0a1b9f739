"""Admin: load a year's official holiday schedule (upload or paste), see and revoke feeds.

A schedule is never edited field by field: the operator loads the whole file again, so the
stored rows always passed the library's strict checks together (overlaps, make-up days).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from unionplan.agenda import holidays
from unionplan.agenda.forms import ScheduleUploadForm
from unionplan.agenda.models import CalendarFeed, HolidayRange, HolidaySchedule
from unionplan.calendar import schedule_file
from unionplan.errors import UserInputError


class HolidayRangeInline(admin.TabularInline):
    model = HolidayRange
    extra = 0
    fields = ["name", "start", "end", "makeup_days"]
    readonly_fields = fields
    can_delete = False

    @admin.display(description=gettext_lazy("调休上班日"))
    def makeup_days(self, obj: HolidayRange) -> str:
        return "、".join(day.date.isoformat() for day in obj.workdays.all())

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(admin.ModelAdmin):
    list_display = ["year", "source", "loaded_by", "loaded_at"]
    readonly_fields = ["year", "source", "loaded_by", "loaded_at", "file_text"]
    inlines = [HolidayRangeInline]

    def add_view(self, request, form_url="", extra_context=None):
        """The upload form instead of field-by-field entry; nothing stored unless all is valid."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ScheduleUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                row = holidays.store(
                    form.cleaned_data["schedule"],
                    text=form.cleaned_data["source_text"],
                    loaded_by=request.user.get_username(),
                )
            except UserInputError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _("已载入%(year)d年法定节假日安排。") % {"year": row.year},
                    messages.SUCCESS,
                )
                return redirect("admin:agenda_holidayschedule_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("载入法定节假日安排"),
            "form": form,
            "format_help": schedule_file.__doc__,
        }
        return TemplateResponse(request, "admin/agenda/holidayschedule/upload.html", context)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # view only: load the corrected file again instead


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["organization", "created_by", "created_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["organization__name"]
    fields = ["organization", "created_by", "created_at", "revoked_at"]
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # created by the organization's editors on its subscription page

    @admin.action(description=gettext_lazy("停用所选订阅"))
    def revoke(self, request, queryset) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("已停用%(count)d个订阅。") % {"count": count})
