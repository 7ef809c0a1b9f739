"""How a user's name is shown: a Chinese name is family name first, with no space.

Django's ``get_full_name`` gives "first last" (芳 王); a union's pages, notifications and
documents write 王芳. One home for that order, read by templates and by text the app sends.
"""

from __future__ import annotations

from typing import Any


def person_name(user: Any) -> str:
    """王芳 from last_name 王 and first_name 芳; the username when neither is set."""
    if user is None:
        return ""
    last = (getattr(user, "last_name", "") or "").strip()
    first = (getattr(user, "first_name", "") or "").strip()
    if last and first and (last + first).isascii():
        return f"{first} {last}"  # a Latin name keeps its own order
    return f"{last}{first}" or user.get_username()
