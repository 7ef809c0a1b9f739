"""Where an installation keeps its data, and the one start-up step that prepares it.

Reading the settings (``unionplan/settings.py``) has no side effect: it only looks at the
environment and at files already there. ``prepare()`` creates the data folder, the static
folder and the secret key; every way of starting the program calls it before Django reads
its settings: the ``unionplan`` command (cli.py: migrate, serve, worker, demo, …),
manage.py and the WSGI entry point. Plain Python, no Django: it runs before Django is set up.
"""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    """The data folder: the SQLite file, the secret key, uploads (UNIONPLAN_VAR_DIR)."""
    return Path(os.environ.get("UNIONPLAN_VAR_DIR", BASE_DIR / "var"))


def static_root() -> Path:
    """Where collectstatic puts the static files (UNIONPLAN_STATIC_ROOT, default var/static)."""
    return Path(os.environ.get("UNIONPLAN_STATIC_ROOT", var_dir() / "static"))


def secret_key_path() -> Path:
    return var_dir() / "secret_key"


def stored_secret_key() -> str:
    """The secret key from the environment or from var/secret_key; "" if there is neither."""
    if key := os.environ.get("UNIONPLAN_SECRET_KEY"):
        return key
    path = secret_key_path()
    return path.read_text().strip() if path.is_file() else ""


def prepare() -> None:
    """Create the data and static folders and, once, the secret key (readable by us only)."""
    var_dir().mkdir(parents=True, exist_ok=True)
    static_root().mkdir(parents=True, exist_ok=True)
    path = secret_key_path()
    if not os.environ.get("UNIONPLAN_SECRET_KEY") and not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
