"""A city federation, a district under it and two schools under that, each with its people,
and an API client that calls as one of them with a real token."""

from types import SimpleNamespace

import pytest
from rest_framework.test import APIClient

from tests.factories import (
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    SectionFactory,
    TargetFactory,
)
from unionplan.api import tokens


@pytest.fixture
def tree(db):
    city = FederationFactory(name="市总工会")
    district = FederationFactory(name="区总工会", parent=city)
    school = OrganizationFactory(name="实验小学工会", parent=district)
    other = OrganizationFactory(name="第一中学工会", parent=district)
    return SimpleNamespace(
        city=city,
        district=district,
        school=school,
        other=other,
        school_chair=RoleFactory(organization=school, role="chair").user,
        school_committee=RoleFactory(organization=school, role="committee").user,
        other_chair=RoleFactory(organization=other, role="chair").user,
        district_chair=RoleFactory(organization=district, role="chair").user,
    )


@pytest.fixture
def school_plan(tree):
    plan = PlanFactory(organization=tree.school, year=2027, title="实验小学工会2027年工作计划")
    section = SectionFactory(plan=plan, title="主要工作", order=1)
    SectionFactory(plan=plan, parent=section, title="加强职工教育", order=1)
    TargetFactory(plan=plan, section=section, text="", comparator=">=", value=4, unit="次", order=1)
    TargetFactory(plan=plan, text="集体协商覆盖率达到90%以上", comparator=">=", value=90, unit="%",
                  order=2)  # fmt: skip
    ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动", budget="3000.00", order=1)
    ScheduleItemFactory(plan=plan, month=9, text="教师节慰问", budget="12000.00", order=2)
    return plan


def client_for(user) -> APIClient:
    """A client that authenticates as ``user`` with a token made for it, as a program would."""
    _token, key = tokens.issue(user, "测试程序")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def as_user():
    return client_for
