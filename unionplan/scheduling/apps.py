from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "unionplan.scheduling"
    verbose_name = "日程与节日"
