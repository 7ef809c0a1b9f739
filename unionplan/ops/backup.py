"""One archive with everything an installation needs to come back: database, uploads, key.

``unionplan backup`` writes a ``.tar.gz`` holding

- ``manifest.json`` first: format, installation id, database kind, and the SHA-256 of every
  other member, so a truncated or altered archive is noticed before anything is touched;
- ``database.sqlite3`` (SQLite's online backup: consistent while the app runs) or
  ``database.dump`` (``pg_dump --format=custom`` for PostgreSQL);
- ``secret_key`` and ``media/`` (uploaded attachments).

``unionplan restore`` unpacks into a scratch folder beside the data, checks every checksum,
and checks the archive belongs here: the same installation id, or a folder with no data yet
(a fresh install). Only then does it replace the database (in one transaction), the key and
the uploads; a refused archive changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization

FORMAT = "unionplan-backup"
VERSION = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"


def installation_id() -> str:
    """This installation's id (kept in var/installation_id), made the first time it is asked."""
    path = Path(settings.VAR_DIR) / "installation_id"
    if not path.exists():
        path.write_text(uuid.uuid4().hex)
    return path.read_text().strip()


def _database_kind() -> str:
    return "sqlite" if connection.vendor == "sqlite" else connection.vendor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env() -> tuple[list[str], dict]:
    """Connection arguments for pg_dump / pg_restore from Django's settings (no password on argv)."""
    db = settings.DATABASES["default"]
    args = ["--host", str(db.get("HOST") or "localhost"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return [*args, "--dbname", db["NAME"]], env


def _dump_database(folder: Path) -> Path:
    if _database_kind() == "sqlite":
        target = folder / SQLITE_FILE
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # a consistent snapshot even while the app writes
        finally:
            copy.close()
            source.close()
        return target
    if _database_kind() == "postgresql":
        target = folder / PG_FILE
        args, env = _pg_env()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
        return target
    raise UserInputError(f"不支持备份 {connection.vendor} 数据库")


def _run(command: list[str], env: dict) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env)
    except FileNotFoundError:
        raise UserInputError(
            f"找不到 {command[0]}，请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）"
        ) from None
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["?"])[-1]
        raise UserInputError(f"{command[0]} 失败：{detail}")


def create(output: Path) -> dict:
    """Write the archive to ``output``; returns its manifest."""
    var = Path(settings.VAR_DIR)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var, prefix=".backup-") as scratch:
        folder = Path(scratch)
        database = _dump_database(folder)
        (folder / "secret_key").write_text(settings.SECRET_KEY)
        members = [database, folder / "secret_key"]
        media = Path(settings.MEDIA_ROOT)
        media_files = sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []
        files = {p.name: _sha256(p) for p in members}
        for path in media_files:
            files[f"media/{path.relative_to(media).as_posix()}"] = _sha256(path)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "installation": installation_id(),
            "database": _database_kind(),
            "files": files,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(folder / MANIFEST, MANIFEST)
            for path in members:
                tar.add(path, path.name)
            for path in media_files:
                tar.add(path, f"media/{path.relative_to(media).as_posix()}")
        partial.replace(output)  # never a half-written archive under the real name
    return manifest


def _unpack(archive: Path, folder: Path) -> dict:
    """Unpack and verify; a damaged, foreign-format or incomplete archive is refused."""
    if not archive.is_file():
        raise UserInputError(f"找不到备份文件 {archive}")
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, EOFError, OSError, ValueError):
        raise UserInputError(
            f"备份文件 {archive.name} 已损坏或不完整（可能没有复制完），未做任何恢复"
        ) from None
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        assert manifest["format"] == FORMAT
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        raise UserInputError(f"{archive.name} 不是 unionplan 的备份文件，未做任何恢复") from None
    if manifest.get("version") != VERSION:
        raise UserInputError(f"备份格式版本 {manifest.get('version')} 不受支持，未做任何恢复")
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha256(path) != digest:
            raise UserInputError(
                f"备份文件 {archive.name} 不完整或已被改动（{name}），未做任何恢复"
            )
    return manifest


def _has_data() -> bool:
    """Whether this folder's database already holds anything a person made."""
    tables = connection.introspection.table_names()
    user_table = get_user_model()._meta.db_table
    if user_table not in tables:
        return False
    return get_user_model().objects.exists() or (
        Organization._meta.db_table in tables and Organization.objects.exists()
    )


def _check_belongs_here(manifest: dict) -> None:
    here = Path(settings.VAR_DIR) / "installation_id"
    ours = here.read_text().strip() if here.exists() else None
    if ours == manifest["installation"]:
        return
    if ours is None and not _has_data():
        return
    raise UserInputError(
        f"这个备份来自另一套安装（编号 {manifest['installation'][:8]}），本机已有数据，"
        "为防止覆盖未做任何恢复。请恢复到一个新的空数据目录（UNIONPLAN_VAR_DIR）"
    )


def _restore_database(manifest: dict, folder: Path) -> None:
    if manifest["database"] != _database_kind():
        raise UserInputError(
            f"备份的数据库是 {manifest['database']}，本机用的是 {_database_kind()}，未做任何恢复"
        )
    if manifest["database"] == "sqlite":
        connection.close()
        source = sqlite3.connect(folder / SQLITE_FILE)
        target = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=30)
        try:
            source.backup(target)  # replaces every page in one step; readers see old or new
        finally:
            target.close()
            source.close()
        return
    connection.close()
    args, env = _pg_env()
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
         *args, str(folder / PG_FILE)],
        env,
    )  # fmt: skip


def _restore_files(manifest: dict, folder: Path) -> None:
    var = Path(settings.VAR_DIR)
    (var / "secret_key").write_text((folder / "secret_key").read_text())
    (var / "secret_key").chmod(0o600)
    (var / "installation_id").write_text(manifest["installation"])
    media = Path(settings.MEDIA_ROOT)
    staged = folder / "media"
    if media.exists():
        shutil.rmtree(media)
    if staged.exists():
        shutil.move(str(staged), str(media))
    else:
        media.mkdir(parents=True, exist_ok=True)


def restore(archive: Path) -> dict:
    """Put the installation in ``archive`` back in place; returns its manifest."""
    var = Path(settings.VAR_DIR)
    with tempfile.TemporaryDirectory(dir=var, prefix=".restore-") as scratch:
        folder = Path(scratch)
        manifest = _unpack(archive, folder)
        _check_belongs_here(manifest)
        _restore_database(manifest, folder)
        _restore_files(manifest, folder)
    return manifest
