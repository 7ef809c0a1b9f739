"""Uploads waiting for their user's confirmation: the one store for plans and rosters alike.

Nothing of an upload reaches the database before the user confirms its preview, so the
file waits in a private folder (0700), named by a random token, next to a small JSON note
of who uploaded it for which union and when. Only that user, for that union, can use the
token; a token of any other shape is refused before the disk is touched; uploads older than
a day are never handed out and are removed whenever another upload arrives (and by the
worker's housekeeping). No Django: the app hands in the folder.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from pathlib import Path
from typing import Any

MAX_AGE_SECONDS = 24 * 3600
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{32}")


class PendingUploads:
    """The uploads of one kind (plans, rosters) waiting in ``folder``."""

    def __init__(self, folder: Path | str) -> None:
        self._path = Path(folder)

    @property
    def folder(self) -> Path:
        """The folder, created private (0700) on first use rather than at import."""
        self._path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self._path

    def store(self, data: bytes, filename: str, *, org_id: int, user_id: int, **extra: Any) -> str:
        """Keep ``data`` for ``user_id`` and ``org_id``; the token that finds it again.

        ``extra`` (JSON values, such as the upload form's choices) comes back from ``load``.
        """
        self.purge_old()
        token = secrets.token_urlsafe(24)
        note = {**extra, "filename": filename, "org": org_id, "user": user_id, "at": time.time()}
        (self.folder / f"{token}.bin").write_bytes(data)
        (self.folder / f"{token}.json").write_text(json.dumps(note, ensure_ascii=False), "utf-8")
        return token

    def load(self, token: str, *, org_id: int, user_id: int) -> tuple[bytes, dict] | None:
        """(bytes, note) if ``token`` is this user's upload for this union and not too old.

        The note holds ``filename`` and whatever ``extra`` was stored with it.
        """
        if not _TOKEN_RE.fullmatch(token or ""):
            return None
        try:
            note = json.loads((self.folder / f"{token}.json").read_text("utf-8"))
            data = (self.folder / f"{token}.bin").read_bytes()
        except (OSError, ValueError):
            return None
        if note.get("org") != org_id or note.get("user") != user_id:
            return None
        if time.time() - note.get("at", 0) > MAX_AGE_SECONDS:
            return None
        return data, note

    def discard(self, token: str) -> None:
        """Remove the upload behind ``token`` (confirmed or cancelled)."""
        if _TOKEN_RE.fullmatch(token or ""):
            for suffix in (".bin", ".json"):
                (self.folder / f"{token}{suffix}").unlink(missing_ok=True)

    def purge_old(self, max_age: float = MAX_AGE_SECONDS, now: float | None = None) -> int:
        """Remove uploads older than ``max_age`` seconds; the number of uploads removed."""
        limit = (time.time() if now is None else now) - max_age
        removed = 0
        for path in self.folder.iterdir():
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += path.suffix == ".bin"
            except OSError:
                pass
        return removed
