"""``{% workflow_panel plan %}``: the plan's state, the steps this user may take, the history;
``{% board_url org as url %}`` and ``{% statistics_url org as url %}``: the federation's
board and statistics, for those who may open them; ``{% board_rows rows %}``: the board's
table body.

The plan page (an app below this one) draws it with a template tag, so the plans app does
not import the workflow; the panel costs a constant handful of queries.
"""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from unionplan.orgs.access import role_in
from unionplan.plan.money import money
from unionplan.review import board as board_lib
from unionplan.review import rules, services
from unionplan.review.forms import AdjustForm, ReviewForm, SubmitForm

register = template.Library()


@register.inclusion_tag("review/panel.html", takes_context=True)
def workflow_panel(context, plan):
    request = context["request"]
    steps = list(plan.steps.select_related("user").order_by("at", "id"))
    submission = next((s for s in reversed(steps) if s.state == "submitted"), None)
    may_submit = may_review = may_adjust = may_archive = False
    if request.user.is_authenticated:
        who = services.actor(request.user)
        # Offer the button when the person holds the role for it and the state allows it;
        # an empty plan is told why when they press it (no count of its items here).
        facts = services.facts(plan, submission, item_count=1)
        may_submit = rules.may_submit(who, facts) is None
        may_review = rules.may_review(who, facts) is None
        may_adjust = rules.may_adjust(who, facts) is None
        this_year = timezone.localdate().year
        may_archive = rules.may_archive(who, facts, plan.year, this_year) is None
    return {
        "plan": plan,
        "steps": steps,
        "top_level": plan.organization.parent_id is None,
        "may_submit": may_submit,
        "may_review": may_review,
        "may_adjust": may_adjust,
        "may_archive": may_archive,
        "adjust_form": AdjustForm(),
        "revisions": list(plan.revisions.order_by("number")),
        "submit_form": SubmitForm(),
        "review_form": ReviewForm(initial={"version": plan.version, "decision": "approve"}),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def board_url(context, org, year=None) -> str:
    """The address of ``org``'s board (this year unless ``year``) when the person may open
    it — chair or staff of a federation — else "" (the page draws no link then)."""
    return _federation_page(context, "review:board", org, year)


@register.simple_tag(takes_context=True)
def statistics_url(context, org, year=None) -> str:
    """The address of ``org``'s statistics, for the same people as its board; else ""."""
    return _federation_page(context, "review:statistics", org, year)


def _federation_page(context, name: str, org, year) -> str:
    user = context["request"].user
    if org.kind != "federation" or role_in(user, org) not in rules.REVIEWERS:
        return ""
    return reverse(name, args=[org.pk, year or timezone.localdate().year])


_PK = 987654321  # a stand-in id: the plan page's address is reversed once, not per row


@register.simple_tag
def board_rows(rows) -> str:
    """The board's table rows, written here rather than by template tags: a federation of a
    thousand unions is a thousand rows of nine cells, which the template language would take
    half a second to draw. Names are escaped; every other cell is a number or a label of
    ours. The columns are those of board.html."""
    words = {
        "plan_url": reverse("plans:detail", args=[_PK]),
        "days": gettext("%(d)s天"),
        **{code: escape(gettext(label)) for code, label in board_lib.STATES},
    }
    return mark_safe("".join([_board_row(row, words) for row in rows]))


def _board_row(row, words: dict[str, str]) -> str:
    name = escape(row.name)
    if row.plan_id:
        name = f'<a href="{words["plan_url"].replace(str(_PK), str(row.plan_id))}">{name}</a>'
    if row.depth > 1:
        name += f' <span class="muted">（{escape(row.parent_name)}）</span>'
    targets = row.targets
    if targets:
        behind = row.behind
        counts = _num(targets.get("met", 0)) + _num(targets.get("on_track", 0))
        counts += _num(behind, bad=behind > 0)
    else:
        counts = "<td></td>" * 3
    percent = row.spend_percent
    return (
        f'<tr class="state-{row.state}"><td class="union depth-{row.depth}">{name}</td>'
        f'<td><span class="badge {row.state}">{words[row.state]}</span></td>'
        + _num(words["days"] % {"d": row.days} if row.days is not None else "")
        + counts
        + _num(money(row.budget) if row.plan_id else "")
        + _num(money(row.spent) if row.plan_id else "")
        + _num(f"{percent}%" if percent is not None else "", bad=row.over_budget)
        + "</tr>"
    )


def _num(value, *, bad: bool = False) -> str:
    return f'<td class="num bad">{value}</td>' if bad else f'<td class="num">{value}</td>'


@register.filter
def percent(fraction: float | None) -> str:
    """0.9264 -> "92.6%" (as the .xlsx shows it); blank for none."""
    return "" if fraction is None else f"{fraction * 100:.1f}%"
