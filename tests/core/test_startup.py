"""Reading the settings creates nothing; the one start-up step creates the data folder."""

import subprocess
import sys

from tests.cli import outside_environment, run_cli

IMPORT_SETTINGS = "import unionplan.settings as s; print(len(s.SECRET_KEY))"


def _python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )


def _fresh_env(folder) -> dict:
    environ = {k: v for k, v in outside_environment().items() if not k.startswith("UNIONPLAN_")}
    return {**environ, "UNIONPLAN_VAR_DIR": str(folder), "DATABASE_URL": ""}


def test_importing_the_settings_creates_no_folder_and_no_key(tmp_path):
    folder = tmp_path / "not-yet"
    result = _python(IMPORT_SETTINGS, _fresh_env(folder))
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 40  # a key for this process only
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_command_prepares_the_folder_and_keeps_one_key(tmp_path):
    folder = tmp_path / "var"
    env = {**_fresh_env(folder), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    first = run_cli("check", env=env)
    assert first.returncode == 0, first.stderr
    key = (folder / "secret_key").read_text()
    assert len(key) > 40
    assert (folder / "secret_key").stat().st_mode & 0o077 == 0
    assert (folder / "static").is_dir()
    again = run_cli("check", env=env)
    assert again.returncode == 0, again.stderr
    assert (folder / "secret_key").read_text() == key


def test_settings_use_the_prepared_key(tmp_path):
    folder = tmp_path / "var"
    env = {**_fresh_env(folder), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    assert run_cli("check", env=env).returncode == 0
    result = _python("import unionplan.settings as s; print(s.SECRET_KEY)", env)
    assert result.stdout.strip() == (folder / "secret_key").read_text()


def test_the_wsgi_entry_point_prepares_the_folder(tmp_path):
    folder = tmp_path / "var"
    env = {**_fresh_env(folder), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    result = _python("import unionplan.wsgi", env)
    assert result.returncode == 0, result.stderr
    assert (folder / "secret_key").is_file()


def test_the_wsgi_entry_point_freezes_what_it_loaded(tmp_path):
    """The loaded program is left out of the garbage collector's full passes; what a request
    makes afterwards is still collected."""
    env = {**_fresh_env(tmp_path / "var"), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    code = (
        "import gc; before = gc.get_freeze_count(); import unionplan.wsgi; "
        "frozen = gc.get_freeze_count(); a = [[]]; "
        "print(before, frozen, any(o is a for o in gc.get_objects(generation=0)))"
    )
    result = _python(code, env)
    assert result.returncode == 0, result.stderr
    before, frozen, young = result.stdout.split()
    assert before == "0" and int(frozen) > 20_000
    assert young == "True"
