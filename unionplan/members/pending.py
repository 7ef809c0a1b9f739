"""Uploaded rosters waiting for the user's confirmation.

Nothing of an upload reaches the database before the user confirms the preview, so the file
waits here: under ``VAR_DIR/member-uploads/``, named by a random token that travels in a
POST field (never in a URL), next to a small JSON note of who uploaded it for which union.
Only that user, for that union, can use the token; files older than a day are removed
whenever another upload arrives.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 24 * 3600
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{32}")


def _folder() -> Path:
    folder = Path(settings.VAR_DIR) / "member-uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def store(data: bytes, filename: str, *, org_id: int, user_id: int) -> str:
    purge_old()
    token = secrets.token_urlsafe(24)
    folder = _folder()
    (folder / f"{token}.bin").write_bytes(data)
    note = {"filename": filename, "org": org_id, "user": user_id, "at": time.time()}
    (folder / f"{token}.json").write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    return token


def load(token: str, *, org_id: int, user_id: int) -> tuple[bytes, str] | None:
    """(bytes, filename) if ``token`` is this user's upload for this union, else None."""
    if not _TOKEN_RE.fullmatch(token or ""):
        return None
    folder = _folder()
    try:
        note = json.loads((folder / f"{token}.json").read_text(encoding="utf-8"))
        data = (folder / f"{token}.bin").read_bytes()
    except (OSError, ValueError):
        return None
    if note.get("org") != org_id or note.get("user") != user_id:
        return None
    if time.time() - note.get("at", 0) > MAX_AGE_SECONDS:
        return None
    return data, note["filename"]


def discard(token: str) -> None:
    if _TOKEN_RE.fullmatch(token or ""):
        for suffix in (".bin", ".json"):
            (_folder() / f"{token}{suffix}").unlink(missing_ok=True)


def purge_old(max_age: float = MAX_AGE_SECONDS, now: float | None = None) -> int:
    """Remove uploads older than ``max_age`` seconds; the number of uploads removed."""
    limit = (time.time() if now is None else now) - max_age
    removed = 0
    for path in _folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += path.suffix == ".bin"
        except OSError:
            pass
    return removed
