from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "unionplan.records"
    verbose_name = "活动记录"
