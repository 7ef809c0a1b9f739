"""Fixtures of the welfare tests: an Anhui union with a member, and commands run in-process."""

import pytest
from django.core.management import load_command_class


class _KeepConnections:
    """``run_from_argv`` closes every connection when it ends; keep the test's transaction."""

    def close_all(self) -> None:
        pass


@pytest.fixture
def run_command(capsys, monkeypatch):
    monkeypatch.setattr("unionplan.core.management.base.connections", _KeepConnections())

    def run(name: str, *args: str) -> tuple[int, str, str]:
        command = load_command_class("unionplan.welfare", name)
        try:
            command.run_from_argv(["unionplan", name, *args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


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
