"""Static files after collectstatic: hashed names, compressed copies, a year of caching."""

import json
import os
import subprocess
import sys

PROBE = r"""
import json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionplan.settings")
import django
django.setup()
from django.templatetags.static import static
from django.test import Client
url = static("vendor/echarts-5.6.0.min.js")
client = Client(HTTP_HOST="127.0.0.1")
zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
plain = client.get(url)
print(json.dumps({
    "url": url,
    "encoding": zipped.headers.get("Content-Encoding", ""),
    "cache": zipped.headers.get("Cache-Control", ""),
    "zipped_size": int(zipped.headers["Content-Length"]),
    "plain_size": int(plain.headers["Content-Length"]),
    "not_collected": static("unionplan/not-collected-yet.css"),
    "swagger": static("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"),
}))
"""


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stderr
    return result


def test_collected_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    """Also: what no page asks for (source maps, ReDoc) is not collected."""
    env = {**os.environ, "UNIONPLAN_VAR_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}  # fmt: skip
    run(env, "-m", "unionplan.cli", "collectstatic", "--noinput", "-v", "0")
    seen = json.loads(run(env, "-c", PROBE).stdout.strip().splitlines()[-1])
    name = seen["url"].rsplit("/", 1)[-1]
    assert name.startswith("echarts-5.6.0.min.") and name != "echarts-5.6.0.min.js"
    assert seen["encoding"] == "br"
    assert "immutable" in seen["cache"] and "max-age=315360000" in seen["cache"]
    assert seen["zipped_size"] < seen["plain_size"] / 2
    # A file the manifest does not know keeps its plain name instead of failing the page.
    assert seen["not_collected"].endswith("/unionplan/not-collected-yet.css")

    # What no page asks for is left out: the vendored bundles' source maps, the unused ReDoc.
    collected = [
        p.relative_to(tmp_path / "static").as_posix() for p in (tmp_path / "static").rglob("*")
    ]
    assert "/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle." in seen["swagger"]
    assert not seen["swagger"].endswith("/swagger-ui-bundle.js")
    assert not [p for p in collected if ".map" in p or "redoc" in p]
