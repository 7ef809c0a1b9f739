"""Shared fixtures: people with roles, logged-in clients."""

import pytest

from tests.factories import OrganizationFactory, RoleFactory


@pytest.fixture
def org(db):
    return OrganizationFactory()


@pytest.fixture
def chair(org):
    """A user who chairs ``org``."""
    return RoleFactory(organization=org, role="chair").user


@pytest.fixture
def viewer(org):
    return RoleFactory(organization=org, role="viewer").user


@pytest.fixture
def stranger(db):
    """A user with a role on some other organization only."""
    return RoleFactory(organization=OrganizationFactory(name="别的工会")).user


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


@pytest.fixture
def make_user(db):
    def make(org, role="chair"):
        return RoleFactory(organization=org, role=role).user

    return make
