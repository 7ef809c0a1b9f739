from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "unionplan.dashboard"
    verbose_name = "工作看板"
