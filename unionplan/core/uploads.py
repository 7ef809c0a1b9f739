"""Where the app's uploads wait for confirmation: one store (``unionplan.files.pending``),
one folder per kind under ``VAR_DIR``.

Plans (the import of a Word or text file) and rosters (the members import) are kept and
checked the same way: bound to the user and the union, a checked token, a private folder,
aged out after a day. Functions rather than module-level stores, so that the folder follows
``settings.VAR_DIR`` as it is when used (tests point it elsewhere).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from unionplan.files.pending import MAX_AGE_SECONDS, PendingUploads


def plans() -> PendingUploads:
    """Uploaded plan documents waiting for the import's confirmation."""
    return PendingUploads(Path(settings.VAR_DIR) / "plan-uploads")


def rosters() -> PendingUploads:
    """Uploaded rosters waiting for the members import's confirmation."""
    return PendingUploads(Path(settings.VAR_DIR) / "member-uploads")


def purge_old(max_age: float = MAX_AGE_SECONDS, now: float | None = None) -> int:
    """Remove every kind's uploads older than ``max_age`` seconds; how many were removed."""
    return sum(store.purge_old(max_age, now) for store in (plans(), rosters()))
