"""Plans with content, and clients for the people who look at them."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import PlanFactory, ScheduleItemFactory, SectionFactory, TargetFactory


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2027, title="2027年工会工作计划")


# Scopes of every kind: members, ages, children, one the scope language cannot resolve.
SCOPES = ["全体教职工", "70周岁以上退休老教师", "全体女职工", "14岁以下职工子女", "部分职工"]


def fill_plan(plan, items: int) -> None:
    """Give ``plan`` a realistic body: a section tree, targets and ``items`` activities."""
    top = SectionFactory(plan=plan, title="组织建设", order=0)
    second = SectionFactory(plan=plan, title="维权与民主管理", order=1)
    child = SectionFactory(plan=plan, parent=top, title="加强工会干部培训", order=0)
    SectionFactory(plan=plan, parent=child, title="举办培训班", order=0)
    TargetFactory(plan=plan, section=top, text="全年不少于4次集中培训", order=0)
    TargetFactory(
        plan=plan,
        section=second,
        text="组织1—2期业务培训",
        comparator="range",
        value=Decimal(1),
        value_high=Decimal(2),
        unit="期",
        order=1,
    )
    TargetFactory(plan=plan, text="工资集体协商覆盖率达到90%以上", value=Decimal(90), unit="%")
    for n in range(items):
        month = n % 12 + 1
        ScheduleItemFactory(
            plan=plan,
            month=month,
            date=dt.date(plan.year, month, 10) if n % 3 == 0 else None,
            text=f"活动{n}",
            scope=SCOPES[n % len(SCOPES)],
            budget=Decimal("100.00"),
        )


@pytest.fixture
def full_plan(plan):
    fill_plan(plan, 10)
    return plan


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def stranger_client(client, stranger):
    client.force_login(stranger)
    return client


HTMX = {"HTTP_HX_REQUEST": "true"}
