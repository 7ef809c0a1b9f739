"""Browser tests: Playwright for Python driving Debian's chromium against a live server.

Every page is opened as a union cadre opens it: a browser set to Chinese (``locale`` zh-CN,
so chromium formats dates and numbers the Chinese way, and Accept-Language zh-hans). A test
that also needs the English UI asks for ``english_page``.
Where CI=true a missing browser fails the run; on a developer's machine it skips.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("UNIONPLAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls
# from such a thread unless told the test knows what it is doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        message = f"chromium not found at {CHROMIUM}"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: browser tests must run)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


LOCALES = {
    "zh": {"locale": "zh-CN", "extra_http_headers": {"Accept-Language": "zh-hans,zh-CN;q=0.9"}},
    "en": {"locale": "en-US", "extra_http_headers": {"Accept-Language": "en"}},
}


def _page(browser, live_server, language: str):
    context = browser.new_context(accept_downloads=True, **LOCALES[language])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.base_url = live_server.url
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A page in a Chinese browser: the default of every browser test."""
    context, page = _page(browser, live_server, "zh")
    yield page
    context.close()


@pytest.fixture
def english_page(browser, live_server):
    """A page in an English browser, for the few tests of the English UI."""
    context, page = _page(browser, live_server, "en")
    yield page
    context.close()


@pytest.fixture
def shots(tmp_path):
    """Where a test's screenshots go: UNIONPLAN_SCREENSHOTS when a person wants to look at
    them, else the test's own temporary folder (a screenshot is also a check that it renders)."""
    folder = Path(os.environ.get("UNIONPLAN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def login(page, username: str, password: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(page.base_url + "/")
