from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "unionplan.members"
    verbose_name = "会员"

    def ready(self) -> None:
        from unionplan.members import signals  # noqa: F401  (connects the receivers)
