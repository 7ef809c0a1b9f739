from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "unionplan.core"
    verbose_name = "基础"
