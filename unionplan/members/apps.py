from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "unionplan.members"
    verbose_name = "会员"
