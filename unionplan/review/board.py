"""The federation's board: every union below it, how far its plan for the year has come.

For each organization in the federation's subtree (the federation itself left out): the
state of its plan (none / draft / submitted / returned / approved / archived), the days
since it was submitted, its targets by progress and its spend against its budget.

Everything is a grouped aggregate over the subtree — the unions, their plans with the time
of their last submission, the targets by progress (``records.target_counts``, the dashboard's
own counting), budget and spend by plan (``records.accounts.budget_by_plan``) — so a
federation of 1,000 unions costs the same six queries as one of three (a few more, as many, when
targets are split), and no query runs per union. Python only puts the rows together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, Target
from unionplan.records import accounts
from unionplan.records.target_counts import target_statuses_by

ZERO = Decimal("0.00")
NONE = "none"
# The board's states in the order the counts are shown; "none": the union has no plan yet.
STATES = [
    (NONE, gettext_noop("未制定")),
    ("draft", gettext_noop("草稿")),
    ("submitted", gettext_noop("已提交")),
    ("returned", gettext_noop("已退回")),
    ("approved", gettext_noop("已通过")),
    ("archived", gettext_noop("已归档")),
]
STATE_CODES = frozenset(code for code, _label in STATES)
_LABELS = dict(STATES)
# When a union has several plans for the year, the board shows the one furthest along.
_RANK = {"draft": 1, "returned": 2, "submitted": 3, "approved": 4, "archived": 5}
# States whose last submission still stands (a returned plan's submission was sent back).
_WAITING_OR_DECIDED = frozenset({"submitted", "approved", "archived"})
ID_WIDTH = 9  # "00000042/": one level of Organization.path


@dataclass
class BoardRow:
    org_id: int
    name: str
    kind: str
    parent_name: str
    depth: int  # 1 for a union directly under the federation
    state: str = NONE
    plan_id: int | None = None
    plan_title: str = ""
    submitted_on: dt.date | None = None
    days: int | None = None  # since the submission that stands
    targets: dict[str, int] = field(default_factory=dict)
    budget: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def state_label(self) -> str:
        return gettext(_LABELS[self.state])

    @property
    def targets_total(self) -> int:
        return sum(self.targets.values())

    @property
    def behind(self) -> int:
        """Behind during the year, missed at its end: both need the federation's attention."""
        return self.targets.get("behind", 0) + self.targets.get("missed", 0)

    @property
    def spend_percent(self) -> int | None:
        return round(self.spent * 100 / self.budget) if self.budget else None

    @property
    def over_budget(self) -> bool:
        return self.spent > self.budget


@dataclass
class Board:
    federation: Organization
    year: int
    today: dt.date
    rows: list[BoardRow]

    @property
    def counts(self) -> dict[str, int]:
        """{state: unions in it}, every state present, in the order of ``STATES``."""
        counted = {code: 0 for code in STATE_CODES}
        for row in self.rows:
            counted[row.state] += 1
        return {code: counted[code] for code, _label in STATES}

    def in_state(self, state: str | None) -> list[BoardRow]:
        """The rows in ``state``; every row when it is None or empty."""
        if not state:
            return self.rows
        return [row for row in self.rows if row.state == state]

    @property
    def budget(self) -> Decimal:
        return sum((row.budget for row in self.rows), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((row.spent for row in self.rows), ZERO)


def board(federation: Organization, year: int, today: dt.date | None = None) -> Board:
    """The board of ``federation`` for ``year`` (six queries, whatever its size)."""
    today = today or timezone.localdate()
    rows = _union_rows(federation)
    plans = chosen_plans(
        Plan.objects.filter(organization__path__startswith=federation.path, year=year).exclude(
            organization=federation
        )
    )
    of_plans = Q(plan__organization__path__startswith=federation.path, plan__year=year) & ~Q(
        plan__organization=federation
    )
    targets = target_statuses_by(Target.objects.filter(of_plans), today, "plan_id")
    money = accounts.budget_by_plan(of_plans)
    for row in rows:
        plan = plans.get(row.org_id)
        if plan is None:
            continue
        row.state, row.plan_id, row.plan_title = plan["status"], plan["id"], plan["title"]
        if plan["submitted_at"] and row.state in _WAITING_OR_DECIDED:
            row.submitted_on = timezone.localdate(plan["submitted_at"])
            row.days = (today - row.submitted_on).days
        row.targets = targets.get(plan["id"], {})
        line = money.get(plan["id"])
        if line is not None:
            row.budget, row.spent = line.budget, line.spent
    return Board(federation, year, today, rows)


def _union_rows(federation: Organization) -> list[BoardRow]:
    """Every organization below ``federation``, in the tree's order (one query)."""
    found = (
        Organization.objects.filter(path__startswith=federation.path)
        .exclude(pk=federation.pk)
        .values_list("pk", "name", "kind", "path", "parent__name")
        .order_by("path")
    )
    base = len(federation.path)
    return [
        BoardRow(pk, name, kind, parent_name or "", (len(path) - base) // ID_WIDTH)
        for pk, name, kind, path, parent_name in found
    ]


def chosen_plans(plans) -> dict[int, dict]:
    """{organization id: its plan furthest along}, with the time of its last submission
    (one query)."""
    last_submitted = Max("steps__at", filter=Q(steps__state="submitted"))
    rows = plans.annotate(submitted_at=last_submitted).order_by()
    chosen: dict[int, dict] = {}
    for row in rows.values("id", "organization_id", "status", "title", "submitted_at"):
        held = chosen.get(row["organization_id"])
        if held is None or _rank(row) > _rank(held):
            chosen[row["organization_id"]] = row
    return chosen


def _rank(plan: dict) -> tuple[int, int]:
    return _RANK.get(plan["status"], 0), plan["id"]
