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


@pytest.fixture
def hardship_school(db):
    return approved_hardship_school()


def approved_hardship_school():
    """A school under a district; a 深度困难 worker with an approved, published file, one with
    a draft file and one without any: (school, its chair, the worker)."""
    import datetime as dt

    from tests.factories import (
        FederationFactory,
        MemberFactory,
        OrganizationFactory,
        RoleFactory,
        hardship_file,
    )
    from unionplan.welfare import hardship_services as hardship

    school = OrganizationFactory(name="合肥一中工会", province="安徽省",
                                 parent=FederationFactory(name="瑶海区总工会"))  # fmt: skip
    chair = RoleFactory(organization=school, role="chair").user
    poor = MemberFactory(organization=school, name="张三")
    file = hardship_file(poor)
    hardship.union_review(file, chair, True, "")
    reviewer = RoleFactory(organization=school.parent, role="staff").user
    hardship.federation_review(file, reviewer, True, "同意")
    hardship.set_publicity(file, dt.date(2025, 8, 1), dt.date(2025, 8, 7), chair)
    hardship_file(MemberFactory(organization=school, name="李四"))  # still a draft
    MemberFactory(organization=school, name="王五")
    return school, chair, poor
