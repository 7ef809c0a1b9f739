"""``GET /healthz``: 200 while the database answers, 503 when it does not."""

import os
import subprocess
import sys

import pytest

ASK = r"""
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
import django
django.setup()
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="127.0.0.1")
print(response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_healthz_answers_200_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    # A PostgreSQL server that is not there: nothing listens on port 1.
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://unionplan@127.0.0.1:1/unionplan",
        "UNIONPLAN_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", ASK], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert '"database": "unreachable"' in body


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
