"""How the year is going, for the plan page: each item's state, each target's progress.

The records app composes these figures for the page of the app below it: registered with
``unionplan.plans.figures`` when the app starts, it fetches them in a fixed number of
queries (whatever the plan's size) and hangs them on the outline's rows, so the templates
read ``item.state`` and ``target.progress`` without lookups.

Participant counts are not part of the page itself: over a federation's members they take
a noticeable time, so the page asks the members app for all of them at once after it has
been drawn, and stays fast whatever the size of the union.
"""

from unionplan.plan.states import state_label
from unionplan.plans.figures import url_maker
from unionplan.plans.models import Plan
from unionplan.plans.outline import Outline
from unionplan.records.measuring import item_states, progress_for_plan


def annotate(plan: Plan, outline: Outline) -> None:
    """Set ``state``, ``state_label`` and ``records_url`` on items; ``progress`` on targets."""
    records_url, target_url = (url_maker(name) for name in ("records:item", "records:target"))
    states = item_states(outline.items, plan.year)
    for item in outline.items:
        item.state = states.get(item.pk, item.status)
        item.state_label = state_label(item.state)
        item.records_url = records_url(item.pk)
    progress = progress_for_plan(plan)
    targets = [target for node in outline.walk() for target in node.targets]
    for target in [*targets, *outline.loose_targets]:
        target.progress = progress.get(target.pk)
        target.progress_url = target_url(target.pk)
