"""How the year is going, for the plan page: each item's state and participants, each
target's progress.

The figures come from the records and members apps; this module only fetches them in a
fixed number of queries (whatever the plan's size) and hangs them on the outline's rows,
so the templates read ``item.state`` and ``target.progress`` without lookups.

Participant counts are not part of the page itself: over a federation's members they take
a noticeable time, so the page asks for all of them at once after it has been drawn
(``participant_counts``), and stays fast whatever the size of the union.
"""

from django.urls import reverse

from unionplan.members.participants import counts_for_items, items_of_unions
from unionplan.plans.models import Plan
from unionplan.plans.outline import Outline
from unionplan.records.measuring import item_states, progress_for_plan
from unionplan.records.states import state_label


def annotate(plan: Plan, outline: Outline) -> None:
    """Set ``state``, ``state_label`` and ``participants`` on items; ``progress`` on targets."""
    records_url, participants_url, target_url = (
        _url_maker(name) for name in ("records:item", "members:participants", "records:target")
    )
    states = item_states(outline.items, plan.year)
    for item in outline.items:
        item.state = states.get(item.pk, item.status)
        item.state_label = state_label(item.state)
        item.records_url = records_url(item.pk)
        item.participants_url = participants_url(item.pk)
    progress = progress_for_plan(plan)
    targets = [target for node in outline.walk() for target in node.targets]
    for target in [*targets, *outline.loose_targets]:
        target.progress = progress.get(target.pk)
        target.progress_url = target_url(target.pk)


def participant_counts(plan: Plan, outline: Outline) -> list:
    """The items that have a 参加范围, each with ``participants`` (None: scope unclear) and
    ``participants_are_unions`` (各基层工会: the count is of unions)."""
    items = [item for item in outline.items if item.scope]
    counts = counts_for_items(plan, items)
    of_unions = items_of_unions(items)
    participants_url = _url_maker("members:participants")
    for item in items:
        item.participants = counts.get(item.pk)
        item.participants_are_unions = item.pk in of_unions
        item.participants_url = participants_url(item.pk)
    return items


def _url_maker(name: str):
    """A function pk -> URL of ``name``: one reverse() per page, not one per row."""
    sentinel = 987654321
    pattern = reverse(name, args=[sentinel])
    return lambda pk: pattern.replace(str(sentinel), str(pk))
