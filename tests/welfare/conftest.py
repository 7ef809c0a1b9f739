"""Fixtures of the welfare tests: an Anhui union with a member, and commands run in-process."""

import pytest

from tests.cli import in_process_runner


@pytest.fixture
def run_command(capsys, monkeypatch):
    return in_process_runner("unionplan.welfare", capsys, monkeypatch)


@pytest.fixture
def anhui(db):
    from tests.factories import OrganizationFactory

    return OrganizationFactory(name="合肥第一中学工会", province="安徽省")


@pytest.fixture
def member(anhui):
    from tests.factories import MemberFactory

    return MemberFactory(organization=anhui, name="张老师")


@pytest.fixture
def anhui_chair_client(client, anhui):
    from tests.factories import RoleFactory

    client.force_login(RoleFactory(organization=anhui, role="chair").user)
    return client
