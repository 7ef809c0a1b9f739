"""The plan page, creating a plan (blank or copied from last year) and the exports.

Every view finds its plan through ``get_plan_or_404``, which goes through the organization
access rules: a plan of an organization outside a person's reach answers 404. The page is
drawn from ``build_outline`` (three queries), so its query count does not grow with items.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from unionplan import vocab
from unionplan.calendar import HolidayCalendar
from unionplan.core.downloads import download
from unionplan.errors import UserInputError
from unionplan.generator.copying import CopiedPlan, for_new_year, library_activities
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)
from unionplan.plan.data import PlanData
from unionplan.plan.money import total_budget
from unionplan.plans import exporting, figures
from unionplan.plans.convert import create_plan, plan_to_data
from unionplan.plans.forms import PlanCreateForm
from unionplan.plans.models import Plan
from unionplan.plans.monthtable import month_groups
from unionplan.plans.outline import Outline, SectionNode, build_outline
from unionplan.plans.titles import check_title_free

BLOCKS = ("header", "sections", "targets", "schedule")


def get_plan_or_404(user, pk: int) -> Plan:
    """The plan ``pk`` if ``user`` may see its organization; 404 otherwise."""
    return get_visible_or_404(Plan.objects, user, pk, via="organization")


class PlanLocked(Exception):
    """The plan is submitted, approved or archived: it is not edited in place."""

    def __init__(self, plan: Plan) -> None:
        super().__init__(locked_message(plan))
        self.plan = plan


def is_locked(plan: Plan) -> bool:
    return plan.status in vocab.LOCKED_PLAN_STATUSES


def locked_message(plan: Plan) -> str:
    if plan.status == "approved":
        return _("计划已通过，不能直接修改；如需修改，请在计划页申请调整。")
    if plan.status == "archived":
        return _("计划已归档，只能查看，不能直接修改。")
    return _("计划状态为“%(status)s”，不能直接修改；如需修改，请由上级工会退回后再改。") % {
        "status": plan.get_status_display()
    }


def get_editable_plan_or_404(user, pk: int) -> Plan:
    """The plan ``pk`` if ``user`` may change it; a viewer gets the stranger's 404.

    A plan under review or decided raises ``PlanLocked`` (see ``refuse_locked``).
    """
    plan = get_plan_or_404(user, pk)
    require_editor(user, plan.organization)
    if is_locked(plan):
        raise PlanLocked(plan)
    return plan


def refuse_locked(view):
    """Answer an edit of a locked plan with 403 and the reason in Chinese; nothing changes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PlanLocked as locked:
            context = {"plan": locked.plan, "message": str(locked)}
            response = render(request, "plans/locked.html", context, status=403)
            if request.htmx:  # htmx does not swap a 403: show the message by a full visit
                response = HttpResponse(status=403)
                response["HX-Redirect"] = reverse("plans:detail", args=[locked.plan.pk])
                messages.error(request, str(locked))
            return response

    return wrapper


def _section_rows(
    nodes: list[SectionNode], rows: list[tuple[SectionNode, bool, bool]]
) -> list[tuple[SectionNode, bool, bool]]:
    """Sections in document order as (node, can move up, can move down among siblings)."""
    for index, node in enumerate(nodes):
        rows.append((node, index > 0, index + 1 < len(nodes)))
        _section_rows(node.children, rows)
    return rows


def _target_rows(outline: Outline) -> list[tuple[Any, SectionNode | None, bool, bool]]:
    """Targets in document order (by section, then those of no section) with move flags."""
    groups = [(node.targets, node) for node in outline.walk()]
    groups.append((outline.loose_targets, None))
    rows = []
    for targets, node in groups:
        for index, target in enumerate(targets):
            rows.append((target, node, index > 0, index + 1 < len(targets)))
    return rows


def plan_context(request: HttpRequest, plan: Plan, outline: Outline | None = None) -> dict:
    """Everything the plan page and its blocks draw from, built from one outline."""
    outline = outline or build_outline(plan)
    figures.annotate(plan, outline)
    return {
        "plan": plan,
        "org": plan.organization,
        # Row URLs are built from this in the templates: reverse() for each button of
        # 200 rows took half the page's time. test_views checks they match reverse().
        "base": reverse("plans:detail", args=[plan.pk]),
        "outline": outline,
        "section_rows": _section_rows(outline.sections, []),
        "target_rows": _target_rows(outline),
        "groups": month_groups(outline.items),
        "budget_total": total_budget(outline.items),
        # A submitted or approved plan is shown read-only, whoever looks at it.
        "can_edit": can_edit(request.user, plan.organization) and not is_locked(plan),
        "locked": is_locked(plan),
        "formats": exporting.FORMATS,
    }


def render_blocks(request: HttpRequest, plan: Plan, names: list[str]) -> str:
    """The page blocks ``names``; all but the first are swapped in out of band by htmx."""
    context = plan_context(request, plan)
    parts = []
    for index, name in enumerate(names):
        context["oob"] = index > 0
        parts.append(render_to_string(f"plans/blocks/{name}.html", context, request))
    return "".join(parts)


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_or_404(request.user, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    return render(request, "plans/detail.html", plan_context(request, plan))


@login_required
def block(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One block of the plan page, as drawn now (the editor's "cancel" fetches this)."""
    plan = get_plan_or_404(request.user, pk)
    if name not in BLOCKS:
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return HttpResponse(render_blocks(request, plan, [name]))


@login_required
def create(request: HttpRequest, org_pk: int) -> HttpResponse:
    """A new plan for an organization: blank, or a copy of an earlier plan for a new year.

    A copy is shown first: which activities got another date in the new year, and why;
    it is saved when the user confirms (``confirm`` posted with the same fields).
    """
    org = get_organization_or_404(request.user, org_pk)
    require_editor(request.user, org)
    form = PlanCreateForm(request.POST or None, organization=org, initial=_create_initial(request))
    if request.method == "POST" and form.is_valid():
        try:
            data, copied = _new_plan_data(org, form.cleaned_data)
            if copied is not None and "confirm" not in request.POST:
                check_title_free(org, data.year, data.title)
                context = {"org": org, "form": form, "copy": copied}
                return render(request, "plans/copy_preview.html", context)
            plan = create_plan(org, data, year=data.year)
        except UserInputError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("已新建计划“%(title)s”。") % {"title": plan.title})
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/create.html", {"org": org, "form": form})


def _create_initial(request: HttpRequest) -> dict:
    """Next year's plan by default; ``?copy_from=ID`` preselects the plan to copy."""
    initial: dict[str, Any] = {"year": timezone.localdate().year + 1}
    if copy_from := request.GET.get("copy_from", "").strip():
        initial["copy_from"] = copy_from
    return initial


def _new_plan_data(org, cleaned: dict) -> tuple[PlanData, CopiedPlan | None]:
    """The new plan as data, and when it is a copy, what copying it moved."""
    source, year = cleaned.get("copy_from"), cleaned["year"]
    if source is None:
        return PlanData(title=cleaned["title"], year=year), None
    copied = for_new_year(
        plan_to_data(source),
        year,
        title=cleaned["title"] or None,
        # The built-in official schedules: those an operator loads live in agenda, an app
        # above this one; a copy's dates are a proposal the user checks in the preview.
        holidays=HolidayCalendar(),
        activities=library_activities(org.sector),
    )
    return copied.plan, copied


@login_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The plan as a Word, Excel or iCal file, named after its (Chinese) title."""
    plan = get_plan_or_404(request.user, pk)
    if fmt not in exporting.FORMATS:
        raise Http404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    content, filename, content_type = exporting.export(plan, fmt)
    return download(content, filename, content_type=content_type)
