"""The dashboard's and the board's target counts: a target split among the unions below
(目标分解) counts once, at the sum of its shares as the plan page shows it."""

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import FederationFactory, OrganizationFactory, PlanFactory, TargetFactory
from tests.records.factories import TargetValueFactory
from unionplan.plans.models import Target
from unionplan.records.measuring import progress_for_targets
from unionplan.records.target_counts import target_statuses, target_statuses_by

JULY = dt.date(2027, 7, 15)


@pytest.fixture
def split(db):
    """A federation's target 不少于10次, split 6 + 4 between two unions that both reached
    their share; the federation itself typed 0 on its own target long ago."""
    federation = FederationFactory()
    target = TargetFactory(plan=PlanFactory(organization=federation), value=Decimal(10))
    TargetValueFactory(target=target, value=Decimal(0), date=dt.date(2027, 1, 5))
    shares = []
    for value in (6, 4):
        union = OrganizationFactory(parent=federation)
        share = TargetFactory(
            plan=PlanFactory(organization=union), value=Decimal(value), handed_down_from=target
        )
        TargetValueFactory(target=share, value=Decimal(value), date=dt.date(2027, 6, 1))
        shares.append(share)
    return federation, target, shares


def of_subtree(federation):
    return Target.objects.filter(plan__organization__path__startswith=federation.path)


def test_the_subtree_counts_a_split_target_once_by_its_shares(split):
    federation, target, _shares = split
    assert progress_for_targets(Target.objects.filter(pk=target.pk), JULY)[target.pk].status == (
        "met"
    )
    counted = target_statuses(of_subtree(federation), JULY)
    assert {code: n for code, n in counted.items() if n} == {"met": 1}


def test_grouped_by_plan_each_union_keeps_its_share(split):
    federation, target, shares = split
    counted = target_statuses_by(of_subtree(federation), JULY, "plan_id")
    assert counted[target.plan_id]["met"] == 1 and sum(counted[target.plan_id].values()) == 1
    for share in shares:
        assert counted[share.plan_id]["met"] == 1


def test_a_union_alone_counts_its_share(split):
    _federation, _target, shares = split
    union = shares[0].plan.organization
    assert target_statuses(of_subtree(union), JULY)["met"] == 1


def test_counts_agree_with_the_plan_pages_whether_split_or_not(split):
    _federation, target, _shares = split
    TargetFactory(plan=target.plan, value=Decimal(3))  # not split, nothing measures it
    mine = Target.objects.filter(plan=target.plan)
    expected = Counter(p.status for p in progress_for_targets(mine, JULY).values())
    counted = target_statuses(mine, JULY)
    assert {code: n for code, n in counted.items() if n} == dict(expected)


def test_nothing_split_costs_one_query_more(db):
    plan = PlanFactory()
    TargetFactory.create_batch(3, plan=plan)
    with CaptureQueriesContext(connection) as captured:
        target_statuses(Target.objects.filter(plan=plan), JULY)
    assert len(captured) == 2
