from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data (``unionplan demo``): an app of its own because it stands on all others.

    It has no models and no pages, so it needs no translated name.
    """

    name = "unionplan.demo"
