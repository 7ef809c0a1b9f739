from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "unionplan.orgs"
    verbose_name = "工会组织"
