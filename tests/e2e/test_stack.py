"""The deployment of docs/operator.md, started from Debian's packages, driven by a browser.

nginx with the shipped ``deploy/nginx/unionplan.conf`` (HTTPS, a self-signed certificate)
in front of ``unionplan serve`` (gunicorn) with ``UNIONPLAN_PUBLIC_URL`` and
``UNIONPLAN_BEHIND_PROXY``, on a PostgreSQL database of its own, with ``unionplan worker``
taking the background work from Redis (RQ): the stack of compose.yaml, where containers are
not available. A union chair in a Chinese browser logs in through the proxy (the CSRF check
that once refused every POST behind it), gets the security headers, and has the year-end
summary made by the worker on the other side of Redis.

Where CI=true a missing nginx, PostgreSQL or Redis fails the run (CI installs and starts
them); on a developer's machine without them these tests skip.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.jobs.installation import REPO, Installation
from tests.jobs.test_rq import REDIS_URL

pytestmark = pytest.mark.real_queue

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"
SHIPPED_CONF = REPO / "deploy" / "nginx" / "unionplan.conf"


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: the deployment stack must be tested)")
    pytest.skip(what)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_answers(url: str, process: subprocess.Popen, what: str) -> None:
    insecure = ssl._create_unverified_context()  # the stack's self-signed certificate
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2, context=insecure).close()
            return
        except OSError:
            assert process.poll() is None, f"{what} stopped"
            assert time.monotonic() < deadline, f"{what} does not answer at {url}"
            time.sleep(0.3)


def nginx_conf(folder: Path, https_port: int, http_port: int, app_port: int) -> Path:
    """The shipped server blocks with this test's ports and certificate, inside the few
    lines of a main configuration that Debian's /etc/nginx/nginx.conf would give."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(folder / "key.pem"),
         "-out", str(folder / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    server = SHIPPED_CONF.read_text("utf-8")
    replacements = {
        r"listen 443 ssl": f"listen 127.0.0.1:{https_port} ssl",  # http2 stays
        r"listen \[::\]:443 ssl[^;]*;": "",
        r"listen 80;": f"listen 127.0.0.1:{http_port};",
        r"listen \[::\]:80;": "",
        r"ssl_certificate\s+\S+;": f"ssl_certificate {folder / 'cert.pem'};",
        r"ssl_certificate_key\s+\S+;": f"ssl_certificate_key {folder / 'key.pem'};",
        r"proxy_pass http://127\.0\.0\.1:8000;": f"proxy_pass http://127.0.0.1:{app_port};",
    }
    for pattern, replacement in replacements.items():
        server, count = re.subn(pattern, replacement, server)
        assert count, f"the shipped nginx configuration no longer has {pattern!r}"
    user = "user root;" if os.geteuid() == 0 else ""  # its workers must read this folder
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""{user}
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "nginx-error.log"};
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder / "body"};
    proxy_temp_path {folder / "proxy"};
    fastcgi_temp_path {folder / "fastcgi"};
    uwsgi_temp_path {folder / "uwsgi"};
    scgi_temp_path {folder / "scgi"};
    types {{ text/html html; }}
{server}
}}
""",
        "utf-8",
    )
    return conf


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """nginx → gunicorn → PostgreSQL, and a worker on Redis; yields (installation, https url)."""
    if not os.path.exists(NGINX):
        _missing("nginx is not installed (apt-get install nginx-light)")
    try:
        import psycopg

        psycopg.connect(POSTGRES_URL.replace("postgres://", "postgresql://"), connect_timeout=3)
    except Exception:  # any failure to connect means: no server here
        _missing(f"PostgreSQL does not answer at {POSTGRES_URL}")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        _missing(f"redis-server does not answer at {REDIS_URL}")

    folder = tmp_path_factory.mktemp("stack")
    https_port, http_port, app_port = _free_port(), _free_port(), _free_port()
    public_url = f"https://127.0.0.1:{https_port}"
    installation = Installation(folder, "postgresql", server_url=POSTGRES_URL)
    installation.env.update(
        {
            "UNIONPLAN_PUBLIC_URL": public_url,
            "UNIONPLAN_BEHIND_PROXY": "1",
            "UNIONPLAN_TASKS": "rq",
            "UNIONPLAN_REDIS_URL": REDIS_URL,
        }
    )
    installation.python("""
from django.contrib.auth import get_user_model
from unionplan.orgs.models import Organization, Role
from unionplan.plans.models import Plan, ScheduleItem
org = Organization.objects.create(name="第一机械厂工会", kind="grassroots", sector="enterprise")
user = get_user_model().objects.create_user("zhuxi", password="zhuxi-2027",
                                            last_name="王", first_name="芳")
Role.objects.create(user=user, organization=org, role="chair")
plan = Plan.objects.create(organization=org, year=2027, title="第一机械厂工会2027年工作计划")
ScheduleItem.objects.create(plan=plan, month=3, text="三八妇女节女职工活动", scope="女职工")
""")
    installation.cli("collectstatic", "--noinput", "-v", "0")
    conf = nginx_conf(folder, https_port, http_port, app_port)
    checked = subprocess.run([NGINX, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr  # Debian's nginx takes the shipped file
    serve = [sys.executable, "-m", "unionplan.cli", "serve", "--host", "127.0.0.1",
             "--port", str(app_port), "--workers", "2"]  # fmt: skip
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    processes = [
        subprocess.Popen(serve, env=installation.env, **quiet),
        subprocess.Popen([NGINX, "-c", str(conf)], **quiet),
    ]
    try:
        _wait_until_answers(f"http://127.0.0.1:{app_port}/healthz", processes[0], "gunicorn")
        _wait_until_answers(public_url + "/healthz", processes[1], "nginx")
        installation.start_worker()
        yield installation, public_url, http_port
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        installation.close()


@pytest.fixture
def chair_page(browser, stack):
    """A Chinese browser that accepts the stack's self-signed certificate."""
    context = browser.new_context(
        locale="zh-CN",
        extra_http_headers={"Accept-Language": "zh-hans,zh-CN;q=0.9"},
        viewport={"width": 1366, "height": 900},
        ignore_https_errors=True,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(120_000)  # the machine may be busy
    yield page
    context.close()


def test_a_chair_logs_in_through_the_https_proxy_with_secure_cookies(chair_page, stack):
    _, url, _ = stack
    page = chair_page
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "zhuxi")
    page.fill("#id_password", "zhuxi-2027")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("button[type=submit]")
    assert posted.value.status == 302  # not 403: the CSRF check trusts the proxy's https
    page.wait_for_url(url + "/")
    assert "第一机械厂工会" in page.content()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["sessionid"]["secure"] and cookies["sessionid"]["httpOnly"]
    assert cookies["csrftoken"]["secure"]
    headers = page.request.get(url + "/").headers
    assert "max-age=" in headers["strict-transport-security"]
    assert "content-security-policy" in headers


def test_plain_http_is_sent_to_https_and_the_health_check_answers(stack):
    _, url, http_port = stack

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"http://127.0.0.1:{http_port}/accounts/login/", timeout=10)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"].startswith("https://127.0.0.1")
    insecure = ssl._create_unverified_context()
    with urllib.request.urlopen(url + "/healthz", timeout=10, context=insecure) as answer:
        assert answer.status == 200
        assert b'"database": "ok"' in answer.read()


def test_the_worker_on_redis_makes_the_summary_downloaded_through_the_proxy(
    chair_page, stack, shots
):
    installation, url, _ = stack
    page = chair_page
    page.goto(url + "/accounts/login/")
    page.fill("#id_username", "zhuxi")
    page.fill("#id_password", "zhuxi-2027")
    page.click("button[type=submit]")
    page.wait_for_url(url + "/")
    plan_id = installation.sql("SELECT id FROM plans_plan")[0][0]
    page.goto(f"{url}/records/plan/{plan_id}/")
    page.click("#summary-download")
    page.wait_for_selector("#job-status.job-done")
    assert "第一机械厂工会2027年度工作总结已生成" in page.locator("#job-status").inner_text()
    page.screenshot(path=str(shots / "stack-summary-1366.png"), full_page=True)
    with page.expect_download() as download_info:
        page.click("#job-status a:has-text('下载')")
    path = installation.folder / "summary.docx"
    download_info.value.save_as(path)
    import docx

    document = docx.Document(path)
    assert document.paragraphs[0].text == "第一机械厂工会2027年度工作总结"
