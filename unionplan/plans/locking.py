"""Optimistic locking: a save succeeds only if nobody saved the row since it was read.

A form carries the ``version`` it was rendered from. ``save_if_unchanged`` writes the new
values with one conditional UPDATE (``WHERE id = … AND version = …``); when that matches no
row, someone else saved first and the caller shows them the conflict, keeping what the
user typed. No lock is held between reading and saving, so nothing blocks.
"""

from django.db import models
from django.db.models import F


class EditConflict(Exception):
    """Someone else saved this row after the editor loaded it."""

    def __init__(self, current: models.Model | None) -> None:
        super().__init__("edit conflict")
        self.current = current  # the row as it is now, or None if it was deleted


def save_if_unchanged(instance: models.Model, seen_version: int, fields: list[str]) -> None:
    """Save ``fields`` of ``instance`` if its stored version is still ``seen_version``."""
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    updated = model.objects.filter(pk=instance.pk, version=seen_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise EditConflict(model.objects.filter(pk=instance.pk).first())
    instance.version = seen_version + 1
