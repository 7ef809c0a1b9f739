"""``{% workflow_panel plan %}``: the plan's state, the steps this user may take, the history.

The plan page (an app below this one) draws it with a template tag, so the plans app does
not import the workflow; the panel costs a constant handful of queries.
"""

from django import template

from unionplan.review import rules, services
from unionplan.review.forms import ReviewForm, SubmitForm

register = template.Library()


@register.inclusion_tag("review/panel.html", takes_context=True)
def workflow_panel(context, plan):
    request = context["request"]
    steps = list(plan.steps.select_related("user").order_by("at", "id"))
    submission = next((s for s in reversed(steps) if s.state == "submitted"), None)
    may_submit = may_review = False
    if request.user.is_authenticated:
        who = services.actor(request.user)
        # Offer the button when the person holds the role for it and the state allows it;
        # an empty plan is told why when they press it (no count of its items here).
        facts = services.facts(plan, submission, item_count=1)
        may_submit = rules.may_submit(who, facts) is None
        may_review = rules.may_review(who, facts) is None
    return {
        "plan": plan,
        "steps": steps,
        "top_level": plan.organization.parent_id is None,
        "may_submit": may_submit,
        "may_review": may_review,
        "submit_form": SubmitForm(),
        "review_form": ReviewForm(initial={"version": plan.version, "decision": "approve"}),
        "csrf_token": context.get("csrf_token"),
    }
