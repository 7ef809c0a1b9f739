"""A city federation, a district federation under it and a school union under that, with the
people who write, submit and review the school's plan."""

from types import SimpleNamespace

import pytest

from tests.factories import (
    FederationFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
)


@pytest.fixture
def tree(db):
    city = FederationFactory(name="市总工会")
    district = FederationFactory(name="区总工会", parent=city)
    school = OrganizationFactory(name="实验小学工会", parent=district)
    people = SimpleNamespace(
        city=city,
        district=district,
        school=school,
        school_chair=RoleFactory(organization=school, role="chair").user,
        school_committee=RoleFactory(organization=school, role="committee").user,
        district_chair=RoleFactory(organization=district, role="chair").user,
        district_staff=RoleFactory(organization=district, role="staff").user,
        city_chair=RoleFactory(organization=city, role="chair").user,
    )
    return people


@pytest.fixture
def school_plan(tree):
    plan = PlanFactory(organization=tree.school, year=2027, title="2027年工会工作计划")
    ScheduleItemFactory(plan=plan, month=3, text="三八妇女节活动")
    ScheduleItemFactory(plan=plan, month=9, text="教师节慰问")
    return plan
