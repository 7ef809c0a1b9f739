from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "unionplan.welfare"
    verbose_name = "福利慰问台账"
    default_auto_field = "django.db.models.BigAutoField"
