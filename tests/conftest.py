"""Shared fixtures: people with roles, logged-in clients.

Factories are imported inside the fixtures so that the pure libraries' tests also run
without Django (``pytest -p no:django tests/text``).
"""

import pytest


def pytest_configure(config):
    """Static files under their plain names, straight from the source, in every test.

    After `make run` a checkout has var/static with hashed names from collectstatic; the
    browser tests' live server finds files only in the source, so those names would 404
    (and a stale collection would serve old scripts). tests/core/test_static.py checks the
    hashed, compressed files in a process of its own.
    """
    if not config.pluginmanager.hasplugin("django"):
        return
    from django.conf import settings

    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _background_jobs_run_in_the_request(request):
    """Tests run background jobs inside the request (django-tasks' immediate backend), so a
    view test sees the finished job; tests/jobs/ start real workers for the queue itself."""
    if not request.config.pluginmanager.hasplugin("django") or "real_queue" in request.keywords:
        yield
        return
    settings = request.getfixturevalue("settings")
    settings.TASKS = IMMEDIATE_TASKS
    yield


@pytest.fixture(autouse=True)
def _each_test_starts_in_chinese(request):
    """Every test starts in the site's language, whatever the test before it asked for.

    Django's LocaleMiddleware activates the request's language in the thread and leaves it
    active after the response, so a test that fetched a page in English would turn the
    next test's labels on the same worker English too.
    """
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def org(db):
    from tests.factories import OrganizationFactory

    return OrganizationFactory()


@pytest.fixture
def chair(org):
    """A user who chairs ``org``."""
    from tests.factories import RoleFactory

    return RoleFactory(organization=org, role="chair").user


@pytest.fixture
def viewer(org):
    from tests.factories import RoleFactory

    return RoleFactory(organization=org, role="viewer").user


@pytest.fixture
def stranger(db):
    """A user with a role on some other organization only."""
    from tests.factories import OrganizationFactory, RoleFactory

    return RoleFactory(organization=OrganizationFactory(name="别的工会")).user


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


@pytest.fixture
def make_user(db):
    from tests.factories import RoleFactory

    def make(org, role="chair"):
        return RoleFactory(organization=org, role=role).user

    return make
