"""调整: the approved content kept when a revision opens, and the comparison with it.

``snapshot`` writes a plan's content as plain rows with their ids (``plan.compare``'s
``Snapshot``): what the reviewers approved, stored with the revision, so that the plan can
be edited in place and still be compared, field by field, with what was approved.
"""

from __future__ import annotations

from typing import Any

from unionplan.plan.compare import ITEM_FIELDS, SECTION_FIELDS, TARGET_FIELDS, Comparison, compare
from unionplan.plans.models import Plan
from unionplan.review.models import PlanRevision


def _json(value: Any) -> Any:
    """Dates as ISO text, money as its exact decimal text: JSON keeps both unchanged."""
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _rows(queryset, fields: tuple[str, ...]) -> list[dict]:
    names = [name if name not in {"parent", "section"} else f"{name}_id" for name in fields]
    rows = []
    for values in queryset.order_by("order", "id").values("id", *names):
        rows.append(
            {
                "id": values["id"],
                **{f: _json(values[n]) for f, n in zip(fields, names, strict=True)},
            }
        )
    return rows


def snapshot(plan: Plan) -> dict:
    """The plan's content now: its own fields and every section, target and activity."""
    return {
        "plan": {"title": plan.title, "guiding_ideas": plan.guiding_ideas, "goals": plan.goals},
        "sections": _rows(plan.sections.all(), SECTION_FIELDS),
        "targets": _rows(plan.targets.all(), TARGET_FIELDS),
        "items": _rows(plan.items.all(), ITEM_FIELDS),
    }


def after(revision: PlanRevision) -> dict:
    """What ``revision`` led to: the next revision's starting point, else the plan now."""
    following = (
        PlanRevision.objects.filter(plan_id=revision.plan_id, number__gt=revision.number)
        .order_by("number")
        .first()
    )
    return following.base if following else snapshot(revision.plan)


def comparison(revision: PlanRevision) -> Comparison:
    return compare(revision.base, after(revision))


def open_revision(plan: Plan) -> PlanRevision | None:
    return plan.revisions.filter(approved_step__isnull=True).order_by("-number").first()
