from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "unionplan.imports"
    verbose_name = "导入计划"
