"""The domain's choices (``unionplan.vocab``) as Django fields and forms show them.

``vocab`` stays pure Python with Chinese names (documents print them as they are); pages
show each name through Django's translation, looked up lazily in the viewer's language.
"""

from django.utils.translation import gettext_lazy


def translated(choices: list[tuple[str, str]]) -> list[tuple[str, object]]:
    """``choices`` for Django fields and forms: each name translated lazily where it is shown."""
    return [(code, gettext_lazy(name)) for code, name in choices]
