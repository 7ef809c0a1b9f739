"""Uploaded documents waiting for the user's confirmation.

Nothing is written to the database before the user confirms a preview, so the uploaded
bytes wait in a private folder under ``VAR_DIR`` named by a random token; the token lives in
the user's session (never a file name or any content in a URL). Old uploads are swept away.
"""

import json
import secrets
import time
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 24 * 3600
SESSION_KEY = "unionplan_pending_imports"


def _folder() -> Path:
    folder = Path(settings.VAR_DIR) / "pending-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep() -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _folder().iterdir():
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)


def keep(session, data: bytes, meta: dict) -> str:
    """Keep ``data`` and ``meta`` (filename, organization…) until confirmed; return the token."""
    _sweep()
    token = secrets.token_urlsafe(16)
    (_folder() / f"{token}.bin").write_bytes(data)
    (_folder() / f"{token}.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    session.setdefault(SESSION_KEY, [])
    session[SESSION_KEY] = [*session[SESSION_KEY][-9:], token]
    return token


def load(session, token: str) -> tuple[bytes, dict] | None:
    """The upload behind ``token`` if it belongs to this session and still exists."""
    if token not in session.get(SESSION_KEY, []):
        return None
    data_path, meta_path = _folder() / f"{token}.bin", _folder() / f"{token}.json"
    if not (data_path.exists() and meta_path.exists()):
        return None
    return data_path.read_bytes(), json.loads(meta_path.read_text("utf-8"))


def forget(session, token: str) -> None:
    for suffix in (".bin", ".json"):
        (_folder() / f"{token}{suffix}").unlink(missing_ok=True)
    session[SESSION_KEY] = [t for t in session.get(SESSION_KEY, []) if t != token]
