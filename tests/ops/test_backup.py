"""``unionplan backup`` / ``restore``: a real archive, restored into a fresh folder.

Each installation is its own data folder (UNIONPLAN_VAR_DIR) driven through the real
command line, as an operator would.
"""

import os
import shutil
import subprocess
import sys
import tarfile
import uuid

import pytest

from tests.cli import assert_one_line_exit_2, migrated_database_env, run_cli

# Makes a union, a person and an uploaded file, or prints what a folder holds.
MAKE = r"""
import os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
import django
django.setup()
from pathlib import Path
from django.conf import settings
from django.contrib.auth import get_user_model
from unionplan.orgs.models import Organization
if sys.argv[1] == "make":
    Organization.objects.create(name=sys.argv[2])
    get_user_model().objects.create_user(sys.argv[2] + "-chair", password="x")
    media = Path(settings.MEDIA_ROOT) / "records" / "2027"
    media.mkdir(parents=True, exist_ok=True)
    (media / "照片.jpg").write_bytes(b"\xff\xd8" + sys.argv[2].encode() * 1000)
else:
    files = sorted(str(p.relative_to(settings.MEDIA_ROOT)) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())
    print(sorted(Organization.objects.values_list("name", flat=True)), files, settings.SECRET_KEY)
"""


def python(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", MAKE, *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **env},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """One migrated, empty database file that each installation starts from (a copy)."""
    folder = tmp_path_factory.mktemp("migrated")
    migrated_database_env(folder)
    return folder / "db.sqlite3"


@pytest.fixture
def installation(migrated):
    def make(folder, name: str) -> dict:
        folder.mkdir(parents=True)
        shutil.copyfile(migrated, folder / "db.sqlite3")
        env = {
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "UNIONPLAN_VAR_DIR": str(folder),
        }
        python(env, "make", name)
        return env

    return make


def backup(env: dict, archive) -> None:
    result = run_cli("backup", "-o", str(archive), env=env)
    assert result.returncode == 0, result.stderr
    assert "已备份到" in result.stdout


def test_backup_restores_into_a_fresh_folder(tmp_path, installation):
    source = installation(tmp_path / "a", "实验中学工会")
    archive = tmp_path / "backup.tar.gz"
    backup(source, archive)
    fresh = {"DATABASE_URL": f"sqlite:///{tmp_path / 'b' / 'db.sqlite3'}",
             "UNIONPLAN_VAR_DIR": str(tmp_path / "b")}  # fmt: skip
    result = run_cli("restore", str(archive), env=fresh)
    assert result.returncode == 0, result.stderr
    assert python(fresh, "show") == python(source, "show")
    assert "实验中学工会" in python(fresh, "show")
    photo = "records/2027/照片.jpg"
    assert (tmp_path / "b" / "media" / photo).read_bytes() == (
        tmp_path / "a" / "media" / photo
    ).read_bytes()
    # The restored folder is the same installation: its own backups restore there again.
    again = tmp_path / "again.tar.gz"
    backup(fresh, again)
    assert run_cli("restore", str(again), env=fresh).returncode == 0


def test_a_truncated_archive_is_refused_and_nothing_is_overwritten(tmp_path, installation):
    env = installation(tmp_path / "a", "实验中学工会")
    archive = tmp_path / "backup.tar.gz"
    backup(env, archive)
    python(env, "make", "后来加的工会")  # made after the backup: must survive the refusal
    before = python(env, "show")
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert_one_line_exit_2(run_cli("restore", str(truncated), env=env), "不完整")
    assert python(env, "show") == before


def test_an_archive_with_a_member_missing_is_refused(tmp_path, installation):
    env = installation(tmp_path / "a", "实验中学工会")
    archive = tmp_path / "backup.tar.gz"
    backup(env, archive)
    partial = tmp_path / "partial.tar.gz"
    with tarfile.open(archive) as full, tarfile.open(partial, "w:gz") as cut:
        for member in full.getmembers():
            if not member.name.startswith("media/"):
                cut.addfile(member, full.extractfile(member))
    before = python(env, "show")
    assert_one_line_exit_2(run_cli("restore", str(partial), env=env), "media/")
    assert python(env, "show") == before


def test_an_archive_from_another_installation_is_refused(tmp_path, installation):
    other = installation(tmp_path / "other", "别的工会")
    archive = tmp_path / "other.tar.gz"
    backup(other, archive)
    ours = installation(tmp_path / "ours", "实验中学工会")
    backup(ours, tmp_path / "ours.tar.gz")  # ours has an installation id of its own now
    before = python(ours, "show")
    assert_one_line_exit_2(run_cli("restore", str(archive), env=ours), "另一套安装")
    assert python(ours, "show") == before


def test_a_file_that_is_not_a_backup_is_refused(tmp_path, installation):
    env = installation(tmp_path / "a", "实验中学工会")
    other = tmp_path / "photos.tar.gz"
    (tmp_path / "x.txt").write_text("not a backup")
    with tarfile.open(other, "w:gz") as tar:
        tar.add(tmp_path / "x.txt", "x.txt")
    assert_one_line_exit_2(run_cli("restore", str(other), env=env), "不是 unionplan 的备份")
    assert_one_line_exit_2(run_cli("restore", str(tmp_path / "nope.tar.gz"), env=env), "找不到")


def _postgres() -> str | None:
    if not shutil.which("pg_dump") or not shutil.which("psql"):
        return None
    base = os.environ.get("UNIONPLAN_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    ok = subprocess.run(["psql", f"{base}/postgres", "-Atc", "select 1"], capture_output=True)
    return base if ok.returncode == 0 else None


@pytest.mark.skipif(_postgres() is None, reason="no PostgreSQL server with pg_dump here")
def test_postgresql_backup_restores_into_a_fresh_database(tmp_path):
    base = _postgres()
    names = [f"unionplan_backup_{uuid.uuid4().hex[:8]}_{n}" for n in ("a", "b")]
    for name in names:
        subprocess.run(["psql", f"{base}/postgres", "-c", f'CREATE DATABASE "{name}"'], check=True,
                       capture_output=True)  # fmt: skip
    try:
        source = {"DATABASE_URL": f"{base}/{names[0]}", "UNIONPLAN_VAR_DIR": str(tmp_path / "a")}
        assert run_cli("migrate", "-v", "0", env=source).returncode == 0
        python(source, "make", "实验中学工会")
        archive = tmp_path / "pg.tar.gz"
        backup(source, archive)
        fresh = {"DATABASE_URL": f"{base}/{names[1]}", "UNIONPLAN_VAR_DIR": str(tmp_path / "b")}
        result = run_cli("restore", str(archive), env=fresh)
        assert result.returncode == 0, result.stderr
        assert python(fresh, "show") == python(source, "show")
    finally:
        for name in names:
            subprocess.run(["psql", f"{base}/postgres", "-c", f'DROP DATABASE IF EXISTS "{name}"'],
                           capture_output=True)  # fmt: skip
