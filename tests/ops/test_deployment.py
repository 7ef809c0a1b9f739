"""Settings for a real deployment, read from the environment in a fresh process each time.

Settings are read once at start-up, so each case runs Django in its own process with the
environment an operator would set, and talks to it through django.test.Client.
"""

import json
import shutil
import subprocess
import sys

import pytest

from tests.cli import assert_one_line_exit_2, migrated_database_env, outside_environment, run_cli

PUBLIC = {"UNIONPLAN_PUBLIC_URL": "https://gh.example.org"}
PROXY = {**PUBLIC, "UNIONPLAN_BEHIND_PROXY": "1"}

# A login behind the proxy, as the browser sends it through nginx: https, its origin, a host.
PROBE = r"""
import json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
import django
django.setup()
from django.conf import settings
from django.test import Client

https = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "gh.example.org",
         "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
client = Client(enforce_csrf_checks=True)
page = client.get("/accounts/login/", **https)
token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
login = client.post(
    "/accounts/login/", {"username": "nobody", "password": "wrong", "csrfmiddlewaretoken": token},
    HTTP_ORIGIN="https://gh.example.org", HTTP_REFERER="https://gh.example.org/accounts/login/",
    **https,
)
plain = Client().get("/accounts/login/", HTTP_HOST="gh.example.org")
from axes.models import AccessAttempt
print(json.dumps({
    "page": page.status_code,
    "hsts": page.headers.get("Strict-Transport-Security", ""),
    "csrf_cookie_secure": bool(client.cookies["csrftoken"]["secure"]) if token else None,
    "login": login.status_code,
    "plain": plain.status_code,
    "plain_location": plain.headers.get("Location", ""),
    "addresses": sorted(AccessAttempt.objects.values_list("ip_address", flat=True)),
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "trusted_origins": settings.CSRF_TRUSTED_ORIGINS,
}))
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    return migrated_database_env(tmp_path_factory.mktemp("deploy"))


def probe(database: dict, env: dict, folder) -> dict:
    """Run PROBE against a copy of the migrated database (each case counts its own logins)."""
    copy = folder / "db.sqlite3"
    shutil.copyfile(database["DATABASE_URL"].removeprefix("sqlite:///"), copy)
    database = {"DATABASE_URL": f"sqlite:///{copy}", "UNIONPLAN_VAR_DIR": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**without_our_variables(outside_environment()), **database, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def without_our_variables(environ) -> dict:
    return {k: v for k, v in environ.items() if not k.startswith("UNIONPLAN_")}


def test_check_deploy_has_no_warning_with_public_url_and_proxy(database):
    result = run_cli("check", "--deploy", env={**database, **PROXY})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_check_deploy_warns_without_them(database):
    result = run_cli("check", "--deploy", env=database)
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W012" in result.stderr  # session cookie sent over http too


def test_login_behind_the_https_proxy_passes_csrf(database, tmp_path):
    seen = probe(database, PROXY, tmp_path)
    assert seen["allowed_hosts"][0] == "gh.example.org"
    assert seen["trusted_origins"] == ["https://gh.example.org"]
    assert seen["page"] == 200
    assert seen["hsts"].startswith("max-age=31536000")
    assert seen["csrf_cookie_secure"] is True
    assert seen["login"] == 200  # the form again, with "wrong password"; not 403 CSRF
    assert seen["plain"] == 301  # plain http is sent to https
    assert seen["plain_location"] == "https://gh.example.org/accounts/login/"
    assert "203.0.113.7" in seen["addresses"]  # the browser's address, from the proxy


def test_proxy_headers_are_ignored_without_behind_proxy(database, tmp_path):
    seen = probe(database, PUBLIC, tmp_path)
    # X-Forwarded-Proto: https is not believed: the request stays http (no HSTS on http),
    # and http is not redirected (that would loop forever behind a proxy nobody declared).
    assert seen["page"] == 200
    assert seen["hsts"] == ""
    assert seen["plain"] == 200
    # X-Forwarded-For is not believed either: attempts count for the real peer address.
    assert "203.0.113.7" not in seen["addresses"]


def test_a_public_url_that_is_not_an_address_is_refused(database):
    result = run_cli("check", env={**database, "UNIONPLAN_PUBLIC_URL": "gh.example.org"})
    assert_one_line_exit_2(result, "UNIONPLAN_PUBLIC_URL")


def test_postgresql_connections_are_kept_and_health_checked(monkeypatch):
    from unionplan import settings

    monkeypatch.setenv("DATABASE_URL", "postgres://unionplan@db.internal:5432/unionplan")
    config = settings._database()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_MAX_AGE"] == 600
    assert config["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("UNIONPLAN_DB_CONN_MAX_AGE", "0")
    assert settings._database()["CONN_MAX_AGE"] == 0


def test_postgresql_connections_do_not_jit_compile(monkeypatch):
    from unionplan import settings

    monkeypatch.setenv("DATABASE_URL", "postgres://u@db.internal/up?options=-c%20work_mem%3D64MB")
    assert settings._database()["OPTIONS"]["options"] == "-c work_mem=64MB -c jit=off"


@pytest.mark.django_db
def test_the_database_connection_has_jit_off_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
