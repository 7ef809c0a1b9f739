"""The draft-plan wizard, a plan's month grid and year list, and the iCal subscription.

Every view finds its organization or plan through the access rules (``unionplan.orgs.access``,
``get_plan_or_404``): another organization's URL answers 404. The one public view is the
feed, whose secret token stands in for a login (phones and Outlook cannot sign in).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from unionplan import vocab
from unionplan.agenda import drafts, holidays
from unionplan.agenda.forms import WizardForm
from unionplan.agenda.models import CalendarFeed
from unionplan.agenda.tasks import send_reminders
from unionplan.calendar import layout
from unionplan.core.downloads import download
from unionplan.documents import ics_for_items
from unionplan.errors import UserInputError
from unionplan.jobs import lifecycle
from unionplan.orgs.access import can_edit, get_organization_or_404, require_editor
from unionplan.orgs.models import Organization
from unionplan.plan.data import PlanData
from unionplan.plan.money import total_budget
from unionplan.plan.numbering import numbered_sections
from unionplan.plans.exporting import item_uid
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.plans.titles import check_title_free
from unionplan.plans.views import get_plan_or_404

REMIND_DAYS = 7  # the page's button: the coming week, as `unionplan remind` by default

# --- the wizard ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def wizard(request: HttpRequest, org_pk: int) -> HttpResponse:
    """Choose year and sector, preview the draft (nothing saved), then create the plan."""
    org = get_organization_or_404(request.user, org_pk)
    require_editor(request.user, org)
    if request.method == "GET":
        form = WizardForm(initial={"year": drafts.default_year(), "sector": org.sector})
        return _wizard_page(request, org, form)
    form = WizardForm(request.POST)
    if not form.is_valid():
        return _wizard_page(request, org, form)
    calendar = holidays.calendar()
    data = form.cleaned_data
    try:
        draft = drafts.build(
            org, data["year"], data["sector"], title=data["title"], calendar=calendar
        )
    except UserInputError as error:  # e.g. an operator's malformed activity library
        form.add_error(None, error.message)
        return _wizard_page(request, org, form)
    if request.POST.get("action") == "create":
        try:
            plan = drafts.save(org, draft)
        except UserInputError as error:
            return _preview_page(request, org, draft, data["sector"], calendar, error=error.message)
        messages.success(
            request, _("已生成计划草稿“%(title)s”，可在此继续编辑。") % {"title": plan.title}
        )
        return redirect("plans:detail", pk=plan.pk)
    try:
        check_title_free(org, draft.year, draft.title)
    except UserInputError as error:
        return _preview_page(request, org, draft, data["sector"], calendar, error=error.message)
    return _preview_page(request, org, draft, data["sector"], calendar)


def _wizard_page(request: HttpRequest, org: Organization, form: WizardForm) -> HttpResponse:
    return render(request, "agenda/wizard.html", {"org": org, "form": form})


def _preview_page(
    request: HttpRequest,
    org: Organization,
    draft: PlanData,
    sector: str,
    calendar,
    *,
    error: str = "",
) -> HttpResponse:
    """The draft as it would be saved: sections, targets and the dated month table."""
    book = layout.DayBook(draft.year, calendar)
    rows = layout.year_rows(draft.items, book)
    context = {
        "org": org,
        "draft": draft,
        "sector": sector,
        "sector_label": _(vocab.label(vocab.SECTORS, sector)),
        "sections": numbered_sections(draft.sections),
        "targets": draft.all_targets(),
        "months": layout.months_of(rows),
        "budget_total": total_budget(draft.items),
        "notice": holidays.notice(draft.year, calendar),
        "error": error,
    }
    return render(request, "agenda/preview.html", context)


# --- a plan on the calendar ----------------------------------------------------------------


def _plan_items(plan: Plan) -> list[ScheduleItem]:
    return list(ScheduleItem.objects.filter(plan=plan).order_by("date", "month", "order", "id"))


def _month_param(request: HttpRequest, plan: Plan) -> int:
    """``?month=3`` (or ``2027-03``); by default this month in the plan's year, else January."""
    raw = request.GET.get("month", "").strip()
    if "-" in raw:
        raw = raw.rsplit("-", 1)[1]
    if raw.isdigit() and 1 <= int(raw) <= 12:
        return int(raw)
    today = timezone.localdate()
    return today.month if today.year == plan.year else 1


@login_required
@require_GET
def plan_grid(request: HttpRequest, pk: int) -> HttpResponse:
    """One month of the plan as a calendar grid, with festivals and holidays marked."""
    plan = get_plan_or_404(request.user, pk)
    month = _month_param(request, plan)
    calendar = holidays.calendar()
    book = layout.DayBook(plan.year, calendar)
    grid = layout.month_grid(plan.year, month, _plan_items(plan), book)
    context = {
        "plan": plan,
        "org": plan.organization,
        "grid": grid,
        "months": range(1, 13),
        "previous": month - 1 if month > 1 else None,
        "next": month + 1 if month < 12 else None,
        "weekdays": layout.WEEKDAYS,
        "notice": holidays.notice(plan.year, calendar),
    }
    return render(request, "agenda/plan_grid.html", context)


@login_required
@require_GET
def plan_year(request: HttpRequest, pk: int) -> HttpResponse:
    """Every activity of the plan by date, with the festival or holiday of its day."""
    plan = get_plan_or_404(request.user, pk)
    calendar = holidays.calendar()
    book = layout.DayBook(plan.year, calendar)
    items = _plan_items(plan)
    context = {
        "plan": plan,
        "org": plan.organization,
        "rows": layout.year_rows(items, book),
        "budget_total": total_budget(items),
        "notice": holidays.notice(plan.year, calendar),
    }
    return render(request, "agenda/plan_year.html", context)


# --- the iCal subscription -----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def feed(request: HttpRequest, org_pk: int) -> HttpResponse:
    """Show, create or revoke the organization's subscription URL (editors only see it)."""
    org = get_organization_or_404(request.user, org_pk)
    editor = can_edit(request.user, org)
    if request.method == "POST":
        require_editor(request.user, org)
        _change_feed(request, org, request.POST.get("action", ""))
        return redirect("agenda:feed", org_pk=org.pk)
    active = CalendarFeed.objects.active().filter(organization=org).first() if editor else None
    context = {"org": org, "can_edit": editor, "active": active}
    if active:
        url = request.build_absolute_uri(reverse("agenda:feed_ics", args=[active.token]))
        context |= {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}
    return render(request, "agenda/feed.html", context)


def _change_feed(request: HttpRequest, org: Organization, action: str) -> None:
    """ "create" replaces any active URL (the old one stops working); "revoke" ends it."""
    if action not in {"create", "revoke"}:
        raise Http404
    CalendarFeed.objects.active().filter(organization=org).update(revoked_at=timezone.now())
    if action == "create":
        CalendarFeed.objects.create(organization=org, created_by=request.user)
        messages.success(request, _("已生成新的订阅地址；旧地址（如有）已停用。"))
    else:
        messages.success(request, _("订阅地址已停用，已订阅的手机和Outlook将不再更新。"))


@require_GET
def feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The public .ics of every dated activity in the organization's current plans."""
    subscription = (
        CalendarFeed.objects.active().select_related("organization").filter(token=token).first()
    )
    if subscription is None:
        raise Http404
    org = subscription.organization
    items = (
        ScheduleItem.objects.filter(plan__organization=org, date__isnull=False)
        .exclude(plan__status="archived")
        .order_by("date", "id")
    )
    content = ics_for_items(
        f"{org.name}工作计划",
        ((item.as_data(), item_uid(item.pk)) for item in items),
        organization=org.name,
    )
    response = download(content, "unionplan.ics", inline=True)
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def remind(request: HttpRequest, org_pk: int) -> HttpResponse:
    """Mail the coming week's reminders of the union (and those below it) as a job."""
    org = get_organization_or_404(request.user, org_pk)
    require_editor(request.user, org)
    job = lifecycle.start(
        send_reminders,
        title=_("发送活动提醒：%(org)s") % {"org": org.name},
        user=request.user,
        organization=org,
        params={"start": timezone.localdate().isoformat(), "days": REMIND_DAYS},
        next_url=reverse("orgs:detail", args=[org.pk]),
    )
    return redirect("jobs:detail", job.pk)
