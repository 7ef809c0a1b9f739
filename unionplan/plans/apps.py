from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "unionplan.plans"
    verbose_name = "工作计划"
