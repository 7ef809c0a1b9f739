from decimal import Decimal

import pytest

from tests.factories import FederationFactory, OrganizationFactory, PlanFactory, ScheduleItemFactory
from tests.records.factories import ActivityRecordFactory, ExpenseLineFactory

D = Decimal


@pytest.fixture
def plan(org):
    return PlanFactory(organization=org, year=2027)


def budgeted(plan, category: str, budget, month: int = 3):
    return ScheduleItemFactory(plan=plan, month=month, category=category, budget=D(str(budget)))


def spend(item, category: str, amount, month: int | None = None):
    import datetime as dt

    record = ActivityRecordFactory(item=item, date=dt.date(item.plan.year, month or item.month, 5))
    return ExpenseLineFactory(record=record, category=category, amount=D(str(amount)))


def federation_with(unions: int, *, year: int = 2027):
    """A federation and ``unions`` grassroots unions below it, each with one budgeted, spent plan."""
    federation = FederationFactory(name="区总工会")
    for n in range(unions):
        union = OrganizationFactory(name=f"基层工会{n}", parent=federation)
        item = budgeted(PlanFactory(organization=union, year=year), "culture", 1000, month=5)
        spend(item, "prize", 300)
        spend(item, "gift", 100)
    return federation


def approved_now(plan, user=None):
    """Keep ``plan``'s budget as approved today, as the review's approval does."""
    import datetime as dt

    from unionplan.funds.budgeting import record_approval

    return record_approval(plan, user, dt.date.today())


@pytest.fixture
def tree(db):
    """A district federation with a school union under it, its chair and the reviewer above."""
    from types import SimpleNamespace

    from tests.factories import RoleFactory

    district = FederationFactory(name="区总工会")
    school = OrganizationFactory(name="实验小学工会", parent=district)
    return SimpleNamespace(
        district=district,
        school=school,
        chair=RoleFactory(organization=school, role="chair").user,
        committee=RoleFactory(organization=school, role="committee").user,
        reviewer=RoleFactory(organization=district, role="staff").user,
    )


def approve(plan, chair, reviewer):
    """Submit ``plan`` and approve it through the review, as the pages do."""
    from unionplan.review import services

    services.submit(plan, chair)
    plan.refresh_from_db()
    return services.review(plan, reviewer, approve=True)


@pytest.fixture
def approved_plan(tree):
    """The school's 2027 plan with 3,000 on 文体活动 and 2,000 on 会员活动, approved."""
    plan = PlanFactory(organization=tree.school, year=2027)
    budgeted(plan, "culture", 3000)
    budgeted(plan, "festival", 2000, month=9)
    approve(plan, tree.chair, tree.reviewer)
    plan.refresh_from_db()
    return plan


def claim_input(*items, applicant="王芳", title="运动会奖品", day=None, files=()):
    """A claim as the form hands it over; items are (description, amount, line key)."""
    import datetime as dt

    from unionplan.funds.reimbursements import ClaimInput, ItemInput

    rows = items or (("奖品", "800", "职工活动支出/文体活动"),)
    return ClaimInput(
        applicant, title, day or dt.date(2027, 5, 10),
        [ItemInput(d, D(str(a)), line) for d, a, line in rows], list(files),
    )  # fmt: skip
