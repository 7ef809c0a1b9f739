"""The union's agenda: the holiday schedules, the calendar pages and subscription feeds of a
plan, the reminders of what is coming, and the wizard that drafts a plan from the calendar."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "unionplan.agenda"
    verbose_name = _("日程与节日")
