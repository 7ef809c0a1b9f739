"""The year-end summary of a plan: gathered from the database, written by ``documents.summary``.

This module only collects (a fixed number of queries) and converts to the writer's plain
dataclasses; the layout is the pure writer's business and the charts are ``charts``'.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from unionplan.core import spending
from unionplan.documents import charts
from unionplan.documents.summary import (
    Chart,
    SummaryActivity,
    SummaryBudget,
    SummaryData,
    SummaryItem,
    SummarySection,
    SummaryTarget,
    summary_bytes,
)
from unionplan.plan.progress import MET, Progress
from unionplan.plan.states import OVERDUE, state_label
from unionplan.plans.models import Plan
from unionplan.plans.outline import SectionNode, build_outline
from unionplan.records import accounts, measuring
from unionplan.records.models import ActivityRecord

ZERO = Decimal("0.00")


def summary_docx(plan: Plan) -> bytes:
    return summary_bytes(summary_data(plan))


def summary_data(plan: Plan) -> SummaryData:
    outline = build_outline(plan)
    progress = measuring.progress_for_plan(plan)
    states = measuring.item_states(outline.items, plan.year)
    activities = _activities(plan)
    items = [
        SummaryItem(
            when=_when(item),
            text=item.text,
            state=state_label(states[item.pk]),
            done=states[item.pk] == "done",
            budget=item.budget,
            activities=activities.get(item.pk, []),
        )
        for item in outline.items
    ]
    budget = [
        SummaryBudget(line.label, line.budget, line.spent)
        for line in accounts.budget_by_category(accounts.plan_q(plan))
    ]
    targets = [_target(t, progress[t.pk]) for t in _all_targets(outline)]
    return SummaryData(
        organization=plan.organization.name,
        year=plan.year,
        plan_title=plan.title,
        sections=[_section(node, progress) for node in outline.sections],
        items=items,
        targets=targets,
        budget=budget,
        charts=_charts(outline.items, states, budget),
        signed_on=timezone.localdate(),
        lines=spending.line_figures(plan.organization, plan.year),
        whole_subtree=plan.organization.kind == "federation",
    )


def _activities(plan: Plan) -> dict[int, list[SummaryActivity]]:
    """Every record of the plan with its participants and spend (one query)."""
    records = (
        ActivityRecord.objects.filter(item__plan=plan)
        .annotate(members=Count("attendees", distinct=True))
        .order_by("date", "id")
    )
    spent = dict(
        ActivityRecord.objects.filter(item__plan=plan)
        .values_list("pk")
        .annotate(total=Sum("expenses__amount"))
        .order_by()
    )
    found: dict[int, list[SummaryActivity]] = defaultdict(list)
    for record in records:
        found[record.item_id].append(
            SummaryActivity(
                date=record.date,
                place=record.place,
                participants=record.members + record.others_count,
                spent=spent.get(record.pk) or ZERO,
            )
        )
    return found


def _when(item) -> str:
    if item.date:
        return f"{item.date.month}月{item.date.day}日"
    if item.end_month and item.end_month != item.month:
        return f"{item.month}–{item.end_month}月"
    return f"{item.month}月"


def _target(target, progress: Progress) -> SummaryTarget:
    shown = progress.label + (f"（{progress.percent}%）" if progress.percent is not None else "")
    return SummaryTarget(target.text, shown, progress.status_label, progress.status == MET)


def _all_targets(outline) -> list:
    found = list(outline.loose_targets)
    for node in outline.walk():
        found.extend(node.targets)
    return found


def _section(node: SectionNode, progress: dict[int, Progress]) -> SummarySection:
    return SummarySection(
        title=node.section.title,
        planned=node.section.body,
        targets=[_target(t, progress[t.pk]) for t in node.targets],
        children=[_section(child, progress) for child in node.children],
    )


def _charts(items, states: dict[int, str], budget: list[SummaryBudget]) -> list[Chart]:
    done, overdue, other = [0] * 12, [0] * 12, [0] * 12
    for item in items:
        state = states[item.pk]
        counter = done if state == "done" else overdue if state == OVERDUE else other
        counter[item.month - 1] += 1
    found = [Chart("各月活动完成情况", charts.items_by_month(done, overdue, other))]
    if budget:
        found.append(
            Chart(
                "经费预算与支出（按类别）",
                charts.budget_against_spend(
                    [b.label for b in budget], [b.budget for b in budget], [b.spent for b in budget]
                ),
            )
        )
    return found
