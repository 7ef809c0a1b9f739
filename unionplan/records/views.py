"""Pages of what was done: records of an activity, the plan's year at a glance, downloads.

Thin views: rules live in ``services`` (saving), ``measuring`` and ``accounts`` (counting),
``progress`` and ``states`` (meaning). Every object is reached through the viewer's
organizations, so another union's record, attachment or plan answers 404.
"""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionplan.core import spending, stored_files
from unionplan.core.downloads import download
from unionplan.documents.ledger_xlsx import BudgetRow, write_ledger
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.jobs import lifecycle
from unionplan.orgs.access import can_edit, get_visible_or_404, require_editor
from unionplan.plan.states import state_label
from unionplan.plans.locking import EditConflict
from unionplan.plans.models import ScheduleItem, Target
from unionplan.plans.views import PlanLocked, get_plan_or_404, refuse_locked
from unionplan.records import accounts, measuring, participation, services, tasks
from unionplan.records.forms import (
    ExpenseFormSet,
    ManualValueForm,
    MeasureForm,
    RecordForm,
    expenses_of,
)
from unionplan.records.models import (
    EXPENSE_CATEGORIES,
    ActivityRecord,
    Attachment,
    TargetMeasure,
    TargetValue,
)

# --- reaching objects through the viewer's organizations --------------------------------


def get_item_or_404(user, pk: int) -> ScheduleItem:
    return get_visible_or_404(ScheduleItem.objects, user, pk, via="plan__organization")


def get_record_or_404(user, pk: int) -> ActivityRecord:
    return get_visible_or_404(ActivityRecord.objects, user, pk, via="item__plan__organization")


def get_target_or_404(user, pk: int) -> Target:
    return get_visible_or_404(Target.objects, user, pk, via="plan__organization")


def may_record(user, plan) -> bool:
    """Records are added to a plan's year until it is archived: then they are kept as they
    are, like the plan itself."""
    return plan.status != "archived" and can_edit(user, plan.organization)


def require_recorder(user, plan) -> None:
    """Only an editor, and only before the plan is archived (``PlanLocked``: a 403 in Chinese)."""
    require_editor(user, plan.organization)
    if plan.status == "archived":
        raise PlanLocked(plan)


# --- records of one activity ------------------------------------------------------------


@login_required
@require_safe
def item_records(request, pk: int):
    """An activity, its state and every record of it."""
    item = get_item_or_404(request.user, pk)
    records = list(
        ActivityRecord.objects.filter(item=item)
        .prefetch_related("expenses", "attachments")
        .order_by("date", "id")
    )
    stats = measuring.item_stats(ActivityRecord.objects.filter(item=item)).get(item.pk)
    state = measuring.item_states([item], item.plan.year)[item.pk]
    return render(
        request,
        "records/item.html",
        {
            "item": item,
            "plan": item.plan,
            "records": records,
            "stats": stats,
            "state": state,
            "state_label": state_label(state),
            "can_edit": may_record(request.user, item.plan),
        },
    )


@login_required
@refuse_locked
def create(request, item_pk: int):
    item = get_item_or_404(request.user, item_pk)
    require_recorder(request.user, item.plan)
    return _record_form(request, item, None)


@login_required
@refuse_locked
def edit(request, pk: int):
    record = get_record_or_404(request.user, pk)
    require_recorder(request.user, record.item.plan)
    return _record_form(request, record.item, record)


def _record_form(request, item: ScheduleItem, record: ActivityRecord | None):
    org = item.plan.organization
    extra: dict = {}
    over_budget = False
    if request.method == "POST":
        form = RecordForm(request.POST, request.FILES)
        formset = ExpenseFormSet(request.POST, prefix="expenses")
        if form.is_valid() and formset.is_valid():
            seen = form.cleaned_data["version"]
            if record is not None and seen is None:
                seen = record.version  # a form from before versions: nothing to compare
            try:
                saved = services.save_record(
                    item, org, form.as_input(expenses_of(formset)), request.user, record, seen
                )
            except spending.OverBudget as error:
                form.add_error(None, error.message)
                over_budget = True
            except UserInputError as error:
                form.add_error(None, error.message)
            except EditConflict as conflict:
                form, extra = _conflict(request, item, form, formset, conflict.current)
            else:
                messages.success(request, _("活动记录已保存。"))
                return redirect("records:item", saved.item_id)
    else:
        form = RecordForm(initial=_initial(item, record))
        formset = ExpenseFormSet(prefix="expenses", initial=_expense_initial(record))
    candidates = participation.candidates(item, record)
    ticked = set(form["attendees"].value() or []) if form.is_bound else set(candidates.ticked)
    return render(
        request,
        "records/form.html",
        {
            "item": item,
            "plan": item.plan,
            "record": record,
            "form": form,
            "formset": formset,
            "candidates": candidates,
            "ticked": {str(pk) for pk in ticked},
            "accept": uploads.ACCEPT,
            "max_mb": uploads.MAX_BYTES // 1024 // 1024,
            "over_budget": over_budget,
            **extra,
        },
        status=409 if extra else 400 if form.is_bound else 200,
    )


def _conflict(request, item, form, formset, current: ActivityRecord | None):
    """Someone saved (or deleted) the record since this form was opened.

    The form keeps what the user typed. Against a newer record it now carries that record's
    version, so saving again overwrites knowingly, and the stored values are shown next to
    the typed ones; against a deleted record, saving again adds it as a new record.
    """
    data = request.POST.copy()
    if current is None:
        data.pop("version", None)
        again = RecordForm(data)
        again.is_valid()
        return again, {"deleted": True, "action": reverse("records:create", args=[item.pk])}
    data["version"] = str(current.version)
    again = RecordForm(data)
    again.is_valid()
    return again, {"conflict": True, "comparison": _comparison(form, formset, current)}


def _comparison(form, formset, current: ActivityRecord) -> list[tuple[str, str, str, bool]]:
    """(label, what the user typed, what is stored, differs) for each part of the record."""
    typed = form.cleaned_data
    names = dict(
        current.attendees.model.objects.filter(
            pk__in=[*typed["attendees"], *current.attendees.values_list("pk", flat=True)]
        ).values_list("pk", "name")
    )
    stored_attendees = sorted(current.attendees.values_list("pk", flat=True))
    rows = [
        (_("日期"), f"{typed['date']:%Y-%m-%d}", f"{current.date:%Y-%m-%d}"),
        (_("地点"), typed["place"], current.place),
        (_("其他参加人数"), str(typed.get("others_count") or 0), str(current.others_count)),
        (
            _("参加会员"),
            "、".join(names.get(pk, "") for pk in typed["attendees"]),
            "、".join(names.get(pk, "") for pk in stored_attendees),
        ),
        (
            _("支出"),
            "；".join(_expense_text(e.category, e.amount, e.payee) for e in expenses_of(formset)),
            "；".join(_expense_text(e.category, e.amount, e.payee) for e in current.expenses.all()),
        ),
        (_("活动小结"), typed["summary"], current.summary),
    ]
    return [(str(label), mine, stored, mine != stored) for label, mine, stored in rows]


def _expense_text(category: str, amount, payee: str) -> str:
    label = dict(EXPENSE_CATEGORIES).get(category, category)
    return f"{label} {amount:.2f}元" + (f"（{payee}）" if payee else "")


def _initial(item: ScheduleItem, record: ActivityRecord | None) -> dict:
    if record is None:
        return {"date": item.date, "others_count": 0}
    return {
        "version": record.version,
        "date": record.date,
        "place": record.place,
        "others_count": record.others_count,
        "summary": record.summary,
    }


def _expense_initial(record: ActivityRecord | None) -> list[dict]:
    if record is None:
        return []
    return [
        {"category": e.category, "amount": e.amount, "payee": e.payee, "note": e.note}
        for e in record.expenses.all()
    ]


@login_required
@require_POST
@refuse_locked
def delete(request, pk: int):
    record = get_record_or_404(request.user, pk)
    require_recorder(request.user, record.item.plan)
    item_pk = record.item_id
    try:
        seen = int(request.POST.get("version") or record.version)
    except ValueError:
        seen = -1  # a tampered form deletes nothing
    try:
        services.delete_record(record, seen)
    except EditConflict as conflict:
        if conflict.current is None:
            messages.info(request, _("这条记录已被他人删除。"))
        else:
            messages.error(
                request,
                _("这条记录在您打开页面后已被他人修改，没有删除。请查看下面的最新内容后再决定。"),
            )
        return redirect("records:item", item_pk)
    except UserInputError as error:
        messages.error(request, error.message)
        return redirect("records:item", item_pk)
    messages.success(request, _("活动记录已删除。"))
    return redirect("records:item", item_pk)


@login_required
@require_safe
def attachment(request, pk: int):
    """An attachment, only for people who may see its organization; never rendered inline
    as something else than what it was checked to be."""
    found = get_visible_or_404(
        Attachment.objects, request.user, pk, via="record__item__plan__organization"
    )
    return stored_files.serve(request, found)


# --- the plan's year --------------------------------------------------------------------


@login_required
@require_safe
def plan_overview(request, pk: int):
    """The plan's year at a glance: activities with their state, targets, budget and spend."""
    plan = get_plan_or_404(request.user, pk)
    items = list(ScheduleItem.objects.filter(plan=plan).order_by("month", "date", "order", "id"))
    states = measuring.item_states(items, plan.year)
    stats = measuring.item_stats(ActivityRecord.objects.filter(item__plan=plan))
    rows = [
        {
            "item": item,
            "state": states[item.pk],
            "state_label": state_label(states[item.pk]),
            "stats": stats.get(item.pk),
        }
        for item in items
    ]
    targets = list(Target.objects.filter(plan=plan).order_by("order", "id"))
    progress = measuring.progress_for_plan(plan)
    by_category = accounts.budget_by_category(accounts.plan_q(plan))
    return render(
        request,
        "records/plan.html",
        {
            "plan": plan,
            "rows": rows,
            "targets": [(t, progress[t.pk]) for t in targets],
            "by_category": by_category,
            "by_category_total": accounts.totals(by_category),
            "by_month": accounts.budget_by_month(accounts.plan_q(plan)),
            "can_edit": may_record(request.user, plan),
        },
    )


@login_required
@require_safe
def ledger(request, pk: int):
    """Every expense line of the plan as .xlsx, with budget against spend on a second sheet."""
    plan = get_plan_or_404(request.user, pk)
    budget = [
        BudgetRow(line.label, line.budget, line.spent)
        for line in accounts.budget_by_category(accounts.plan_q(plan))
    ]
    out = io.BytesIO()
    write_ledger(plan.title, accounts.ledger_rows(plan), budget, out)
    return download(out.getvalue(), f"{plan.year}年经费明细账.xlsx")


@login_required
@require_POST
def summary(request, pk: int):
    """Start the year-end summary (年度工作总结, an editable Word file) as a background job."""
    plan = get_plan_or_404(request.user, pk)
    job = lifecycle.start(
        tasks.year_summary,
        title=_("%(year)s年度工作总结：%(org)s")
        % {"year": plan.year, "org": plan.organization.name},
        user=request.user,
        organization=plan.organization,
        params={"plan": plan.pk},
        next_url=reverse("records:plan", args=[plan.pk]),
    )
    return redirect("jobs:detail", job.pk)


# --- targets ----------------------------------------------------------------------------


@login_required
@refuse_locked
def target(request, pk: int):
    """How a target measures itself, its manual values, and its progress."""
    target = get_target_or_404(request.user, pk)
    plan = target.plan
    editable = may_record(request.user, plan)
    measure = TargetMeasure.objects.filter(target=target).first()
    items = ScheduleItem.objects.filter(plan=plan).order_by("month", "order", "id")
    item_choices = [(i.pk, f"{i.month}月 {i.text}") for i in items]
    measure_form = MeasureForm(
        initial=_measure_initial(measure), item_choices=item_choices, prefix="m"
    )
    value_form = ManualValueForm(prefix="v")
    if request.method == "POST":
        require_recorder(request.user, plan)
        if "m-metric" in request.POST:
            measure_form = MeasureForm(request.POST, item_choices=item_choices, prefix="m")
            if measure_form.is_valid():
                _save_measure(target, measure_form.cleaned_data)
                messages.success(request, _("计量方式已保存。"))
                return redirect("records:target", target.pk)
        else:
            value_form = ManualValueForm(request.POST, prefix="v")
            if value_form.is_valid():
                TargetValue.objects.create(
                    target=target, entered_by=request.user, **value_form.cleaned_data
                )
                messages.success(request, _("已填报。"))
                return redirect("records:target", target.pk)
    return render(
        request,
        "records/target.html",
        {
            "target": target,
            "plan": plan,
            "progress": measuring.progress_for_targets(Target.objects.filter(pk=target.pk))[
                target.pk
            ],
            "values": TargetValue.objects.filter(target=target).select_related("entered_by"),
            "measure_form": measure_form,
            "value_form": value_form,
            "can_edit": editable,
        },
    )


def _measure_initial(measure: TargetMeasure | None) -> dict:
    if measure is None:
        return {"metric": "manual"}
    return {
        "metric": measure.metric,
        "category": measure.category,
        "items": list(measure.items.values_list("pk", flat=True)),
    }


def _save_measure(target: Target, data: dict) -> None:
    measure, _created = TargetMeasure.objects.update_or_create(
        target=target, defaults={"metric": data["metric"], "category": data["category"] or ""}
    )
    measure.items.set(data["items"] if data["metric"] != "manual" else [])
