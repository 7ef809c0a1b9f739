"""Editing a plan in place with htmx: add, edit, reorder and delete its parts.

An edit form is fetched into the page (``hx-get``) and posted back (``hx-post``); a saved
change answers with the redrawn block(s) of the page. Without JavaScript the same URLs work
as plain pages that redirect back to the plan.

Saving an edited row goes through ``save_if_unchanged``: if someone saved it after the form
was loaded, the user sees their own values next to the stored ones and nothing they typed is
lost; the form then carries the new version, so saving again overwrites knowingly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, models, transaction
from django.db.models import F, Max
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_htmx.http import reswap, retarget

from unionplan.plan.numbering import MAX_LEVEL
from unionplan.plans.forms import (
    ItemForm,
    PlanHeaderForm,
    SectionForm,
    TargetForm,
    VersionedForm,
)
from unionplan.plans.locking import EditConflict, save_if_unchanged
from unionplan.plans.models import Plan, ScheduleItem, Section, Target
from unionplan.plans.outline import ITEM_ORDER, build_outline
from unionplan.plans.titles import duplicate_title_message
from unionplan.plans.views import get_editable_plan_or_404, refuse_locked, render_blocks


@dataclass(frozen=True)
class Kind:
    """One editable part of a plan and how the page shows it."""

    name: str  # in URLs: sections, targets, items
    model: type[models.Model]
    form: type[VersionedForm]
    noun: Any  # 章节, 目标, 活动
    blocks: tuple[str, ...]  # the page blocks a change redraws, the first in place

    def siblings(self, row: Any) -> models.QuerySet:
        """The rows ``row`` is ordered among, in page order."""
        if self.model is Section:
            return Section.objects.filter(plan=row.plan_id, parent=row.parent_id).order_by(
                "order", "id"
            )
        if self.model is Target:
            return Target.objects.filter(plan=row.plan_id, section=row.section_id).order_by(
                "order", "id"
            )
        return ScheduleItem.objects.filter(
            plan=row.plan_id, month=row.month, end_month=row.end_month, date=row.date
        ).order_by(*ITEM_ORDER)


KINDS = {
    kind.name: kind
    for kind in [
        Kind("sections", Section, SectionForm, _("章节"), ("sections", "targets")),
        Kind("targets", Target, TargetForm, _("目标"), ("targets", "sections")),
        Kind("items", ScheduleItem, ItemForm, _("活动"), ("schedule",)),
    ]
}


HEADER = Kind("header", Plan, PlanHeaderForm, _("计划信息"), ("header",))


def _kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise Http404 from None


def _make_form(kind: Kind, plan: Plan, **kwargs: Any) -> VersionedForm:
    if kind.model is Plan:
        return PlanHeaderForm(plan=plan, **kwargs)
    if kind.model is Target:
        outline = build_outline(plan)
        sections = [(n.section, f"{n.number}{n.section.title}") for n in outline.walk()]
        return TargetForm(sections=sections, **kwargs)
    if kind.model is ScheduleItem:
        return ItemForm(year=plan.year, **kwargs)
    return kind.form(**kwargs)


def _changed(request: HttpRequest, plan: Plan, blocks: tuple[str, ...]) -> HttpResponse:
    """After a change: the redrawn blocks for htmx, or back to the plan page."""
    if not request.htmx:
        return redirect(reverse("plans:detail", args=[plan.pk]) + f"#{blocks[0]}")
    response = HttpResponse(render_blocks(request, plan, list(blocks)))
    return reswap(retarget(response, f"#{blocks[0]}"), "outerHTML")


def _form_page(request: HttpRequest, plan: Plan, context: dict[str, Any]) -> HttpResponse:
    """The form as a fragment for htmx, or as a whole page without JavaScript."""
    context = {"plan": plan, **context}
    template = "plans/_form.html" if request.htmx else "plans/form_page.html"
    return render(request, template, context)


def _form_context(
    kind_name: str, form: VersionedForm, action: str, form_id: str, title: Any, **extra: Any
) -> dict[str, Any]:
    return {
        "form": form,
        "action": action,
        "form_id": form_id,
        "title": title,
        "kind": kind_name,
        "as_row": kind_name == "items" and "row" in extra,  # an edited row of the table
        **extra,
    }


# --- add --------------------------------------------------------------------------------


def _parent_section(plan: Plan, value: str | None) -> Section | None:
    """The section a new section goes under (``?parent=``), which must be of this plan."""
    if not value:
        return None
    try:
        return Section.objects.get(plan=plan, pk=int(value))
    except (ValueError, Section.DoesNotExist):
        raise Http404 from None


def _add_initial(kind: Kind, request: HttpRequest) -> dict[str, Any]:
    if kind.model is Target:
        return {"section": request.GET.get("section", "")}
    if kind.model is ScheduleItem:
        return {"month": request.GET.get("month", "")}
    return {}


@login_required
@refuse_locked
def add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    kind_ = _kind(kind)
    plan = get_editable_plan_or_404(request.user, pk)
    params = request.POST if request.method == "POST" else request.GET
    parent = _parent_section(plan, params.get("parent")) if kind_.model is Section else None
    if request.method == "POST":
        form = _make_form(kind_, plan, data=request.POST)
        if form.is_valid() and _may_add(form, parent):
            _create_row(kind_, plan, form, parent)
            return _changed(request, plan, kind_.blocks)
    else:
        form = _make_form(kind_, plan, initial=_add_initial(kind_, request))
    placeholder = f"{kind}-new" if parent is None else f"section-{parent.pk}-new"
    context = _form_context(
        kind,
        form,
        reverse(f"plans:{kind}_add", args=[plan.pk]),
        placeholder + "-form",
        _("添加%(noun)s") % {"noun": kind_.noun},
        parent=parent,
        block_name=kind_.blocks[0],
    )
    return _form_page(request, plan, context)


def _may_add(form: VersionedForm, parent: Section | None) -> bool:
    if parent is not None and parent.level() >= MAX_LEVEL:
        form.add_error(None, _("章节最多四级：一、（一）1.（1）。"))
        return False
    return True


def _create_row(kind: Kind, plan: Plan, form: VersionedForm, parent: Section | None) -> None:
    """Save a new row at the end of its siblings."""
    row = kind.model(plan=plan)
    if parent is not None:
        row.parent = parent
    form.apply(row)
    last = kind.siblings(row).aggregate(last=Max("order"))["last"]
    row.order = 0 if last is None else last + 1
    row.save()


# --- edit -------------------------------------------------------------------------------


@login_required
@refuse_locked
def edit(request: HttpRequest, pk: int, kind: str, row_pk: int) -> HttpResponse:
    kind_ = _kind(kind)
    plan = get_editable_plan_or_404(request.user, pk)
    row = kind_.model.objects.filter(plan=plan, pk=row_pk).first()
    if _handed_down(row):
        return _refuse_handed_down(request, plan)
    action = reverse(f"plans:{kind}_edit", args=[plan.pk, row_pk])
    form_id = f"{kind}-{row_pk}-form"
    title = _("修改%(noun)s") % {"noun": kind_.noun}
    if request.method != "POST":
        if row is None:
            raise Http404
        form = _make_form(kind_, plan, initial=kind_.form.initial_from(row))
        context = _form_context(
            kind, form, action, form_id, title, row=row, block_name=kind_.blocks[0]
        )
        return _form_page(request, plan, context)
    form = _make_form(kind_, plan, data=request.POST)
    context = _form_context(kind, form, action, form_id, title, row=row, block_name=kind_.blocks[0])
    if row is None:
        return _deleted_meanwhile(request, plan, kind_, form, context)
    if not form.is_valid():
        return _form_page(request, plan, context)
    form.apply(row)
    try:
        save_if_unchanged(row, form.cleaned_data["version"] or 0, kind_.form.fields_saved)
    except EditConflict as conflict:
        if conflict.current is None:
            return _deleted_meanwhile(request, plan, kind_, form, context)
        return _conflict(request, plan, kind_, form, conflict.current, context)
    return _changed(request, plan, kind_.blocks)


def _conflict(
    request: HttpRequest,
    plan: Plan,
    kind: Kind,
    form: VersionedForm,
    current: Any,
    context: dict[str, Any],
) -> HttpResponse:
    """Show the stored values next to the user's; the form keeps theirs, with the new version.

    Saving this form again overwrites the stored values: the user has now seen them.
    """
    data = request.POST.copy()
    data["version"] = str(current.version)
    again = _make_form(kind, plan, data=data)
    again.is_valid()
    context.update(form=again, conflict=True, comparison=_comparison(form, current))
    return _form_page(request, plan, context)


def _comparison(form: VersionedForm, current: Any) -> list[tuple[str, str, str, bool]]:
    """(label, what the user typed, what is stored, differs) for each saved field."""
    fresh = type(form).initial_from(current)
    rows = []
    for name in form.fields_saved:
        field = form.fields[name]
        mine = _shown(field, form.data.get(name, ""))
        stored = _shown(field, fresh.get(name))
        rows.append((str(field.label), mine, stored, mine != stored))
    return rows


def _shown(field: Any, value: Any) -> str:
    """A field's value as a person reads it: the choice label, not its code."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        value = value.pk
    choices = dict((str(code), label) for code, label in getattr(field, "choices", []) or [])
    text = str(value).strip()
    if choices and text in choices:
        return str(choices[text]) if text else ""
    return text


def _deleted_meanwhile(
    request: HttpRequest, plan: Plan, kind: Kind, form: VersionedForm, context: dict[str, Any]
) -> HttpResponse:
    """The row is gone: say so, keep the typed values, and offer to add them as a new row."""
    parent = None
    if kind.model is Section and (parent_id := request.POST.get("parent")):
        parent = Section.objects.filter(plan=plan, pk=parent_id).first()
    form.is_valid()
    context.update(
        deleted=True,
        parent=parent,
        action=reverse(f"plans:{kind.name}_add", args=[plan.pk]),
    )
    return _form_page(request, plan, context)


@login_required
@refuse_locked
def edit_header(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan's title, year, guiding ideas and goals (its status is the workflow's)."""
    plan = get_editable_plan_or_404(request.user, pk)
    context = _form_context(
        "header",
        None,
        reverse("plans:header_edit", args=[plan.pk]),
        "header-form",
        _("修改计划信息"),
        block_name="header",
    )
    if request.method != "POST":
        context["form"] = _make_form(HEADER, plan, initial=PlanHeaderForm.initial_from(plan))
        return _form_page(request, plan, context)
    form = _make_form(HEADER, plan, data=request.POST)
    context["form"] = form
    if not form.is_valid():
        return _form_page(request, plan, context)
    seen = form.cleaned_data["version"] or 0
    form.apply(plan)
    plan.updated_at = timezone.now()
    try:
        with transaction.atomic():
            save_if_unchanged(plan, seen, [*PlanHeaderForm.fields_saved, "updated_at"])
    except EditConflict as conflict:
        return _conflict(request, plan, HEADER, form, conflict.current, context)
    except IntegrityError:
        form.add_error("title", duplicate_title_message(plan.year, plan.title))
        return _form_page(request, plan, context)
    return _changed(request, plan, HEADER.blocks)


# --- reorder and delete -----------------------------------------------------------------


@login_required
@refuse_locked
def move(request: HttpRequest, pk: int, kind: str, row_pk: int, direction: str) -> HttpResponse:
    """Swap a row with its neighbour above or below; both get a new version.

    The plan is looked up before the method is checked, so a stranger gets 404 either way.
    """
    kind_ = _kind(kind)
    plan = get_editable_plan_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    row = kind_.model.objects.filter(plan=plan, pk=row_pk).first()
    if row is not None and direction in {"up", "down"}:
        with transaction.atomic():
            _move(kind_, row, -1 if direction == "up" else 1)
    return _changed(request, plan, kind_.blocks)


def _move(kind: Kind, row: Any, step: int) -> None:
    siblings = list(kind.siblings(row).select_for_update())
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == row.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings):
        if sibling.order != order:
            kind.model.objects.filter(pk=sibling.pk).update(order=order, version=F("version") + 1)


@login_required
@refuse_locked
def delete(request: HttpRequest, pk: int, kind: str, row_pk: int) -> HttpResponse:
    """Delete a row (a section with everything under it; its targets stay in the plan)."""
    kind_ = _kind(kind)
    plan = get_editable_plan_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    row = kind_.model.objects.filter(plan=plan, pk=row_pk).first()
    if _handed_down(row):
        return _refuse_handed_down(request, plan)
    kind_.model.objects.filter(plan=plan, pk=row_pk).delete()
    return _changed(request, plan, kind_.blocks)


def _handed_down(row: Any) -> bool:
    """A share of a federation's target (目标分解): the federation changes it, not the union."""
    return isinstance(row, Target) and row.handed_down_from_id is not None


def _refuse_handed_down(request: HttpRequest, plan: Plan) -> HttpResponse:
    message = _("这是上级工会分解下达的目标，只能由上级工会调整份额，不能在本计划中修改或删除。")
    response = render(request, "plans/locked.html", {"plan": plan, "message": message}, status=403)
    if request.headers.get("HX-Request"):
        messages.error(request, message)
        response["HX-Redirect"] = reverse("plans:detail", args=[plan.pk])
    return response
