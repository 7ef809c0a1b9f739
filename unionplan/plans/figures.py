"""How the year goes, hung on the plan page's rows by the apps that know it.

The plan page shows each activity's state (from its records) and each target's progress,
but those figures belong to the records app, which stands on ``plans``: ``plans`` must not
import it. So the apps above register a function here when Django starts them
(``AppConfig.ready``), and the plan page calls whatever is registered. Without any (plans
used on its own), the page simply shows the plan.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from unionplan.plans.models import Plan
from unionplan.plans.outline import Outline

Annotator = Callable[[Plan, Outline], None]

_annotators: list[Annotator] = []


def register(annotator: Annotator) -> None:
    """Have ``annotator(plan, outline)`` set figures on the outline's rows (once per function)."""
    if annotator not in _annotators:
        _annotators.append(annotator)


def annotate(plan: Plan, outline: Outline) -> None:
    """Run every registered annotator on the page's outline, in the order they came."""
    for annotator in _annotators:
        annotator(plan, outline)


def url_maker(name: str) -> Callable[[int], str]:
    """A function pk -> URL of ``name``: one reverse() per page, not one per row."""
    sentinel = 987654321
    pattern = reverse(name, args=[sentinel])
    return lambda pk: pattern.replace(str(sentinel), str(pk))
