"""The workflow buttons of the plan page: submit, approve, return. Both only take a POST and
go back to the plan page with the outcome (or the reason of a refusal) as a message. And the
federation's pages: the board (where each union below it stands with its plan for a year, the
submission deadline and its reminders) and the statistics of its subtree, page and .xlsx."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from unionplan.accounting.accounts import figures_total
from unionplan.core import spending
from unionplan.core.downloads import download
from unionplan.documents.stats_xlsx import write_statistics
from unionplan.errors import UserInputError
from unionplan.plans.views import get_plan_or_404
from unionplan.review import board as board_lib
from unionplan.review import notify, reminders, services
from unionplan.review import statistics as statistics_lib
from unionplan.review.access import Refused, federation_for_board
from unionplan.review.forms import DeadlineForm, ReviewForm, SubmitForm
from unionplan.review.models import Notification, SubmissionDeadline

INBOX_SIZE = 50


def _form_error(form) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return _("提交的内容有误。")


@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SubmitForm(request.POST)
    try:
        if not form.is_valid():
            raise UserInputError(_form_error(form))
        step = services.submit(
            plan, request.user, form.cleaned_data["comment"], site=notify.site_of(request)
        )
    except UserInputError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已提交上级工会审批（第%(v)d版）。") % {"v": step.version})
    return redirect("plans:detail", pk=plan.pk)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise UserInputError(_form_error(form))
        data = form.cleaned_data
        step = services.review(
            plan,
            request.user,
            approve=data["decision"] == "approve",
            comment=data["comment"],
            meeting_date=data["meeting_date"],
            seen_version=data["version"],
            site=notify.site_of(request),
        )
    except UserInputError as error:
        messages.error(request, error.message)
    else:
        if step.state == "approved":
            messages.success(request, _("计划已通过。"))
        else:
            messages.success(request, _("计划已退回，意见已转给工会。"))
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_POST
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    """File an approved plan of a past year away (已归档): read only for good."""
    plan = get_plan_or_404(request.user, pk)
    try:
        services.archive(plan, request.user)
    except UserInputError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("计划已归档，今后只能查看。"))
    return redirect("plans:detail", pk=plan.pk)


@login_required
def bell(request: HttpRequest) -> HttpResponse:
    """The bell's unread count, fetched by the page after it is drawn (one query)."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    count = services.unread_count(request.user)
    return render(request, "review/bell.html", {"count": count})


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """The person's notifications, newest first; POST marks them all read."""
    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("review:inbox")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    notifications = mine.select_related("step")[:INBOX_SIZE]
    return render(request, "review/inbox.html", {"notifications": notifications})


def refused(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "review/refused.html", {"reason": reason}, status=403)


@login_required
@require_safe
def board(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Every union below the federation with its plan's state, days since submission,
    targets and spend; ``?state=`` keeps one state (the counts at the top stay whole)."""
    try:
        federation = federation_for_board(request.user, pk, year)
    except Refused as error:
        return refused(request, str(error))
    state = request.GET.get("state", "")
    if state and state not in board_lib.STATE_CODES:
        messages.error(request, _("没有“%(s)s”这种计划状态，已显示全部工会。") % {"s": state[:20]})
        state = ""
    data = board_lib.board(federation, year)
    deadline = SubmissionDeadline.objects.filter(organization=federation, year=year).first()
    counts = data.counts
    states = [(code, _(label), counts[code]) for code, label in board_lib.STATES]
    return render(
        request,
        "review/board.html",
        {
            "org": federation,
            "year": year,
            "board": data,
            "rows": data.in_state(state),
            "state": state,
            "state_label": _(dict(board_lib.STATES)[state]) if state else "",
            "states": states,
            "total": len(data.rows),
            "deadline": deadline,
            "days_left": (deadline.due_date - data.today).days if deadline else None,
            "waiting": counts["none"] + counts["draft"] + counts["returned"],
            "deadline_form": DeadlineForm(
                year=year, initial={"due_date": deadline.due_date if deadline else None}
            ),
        },
    )


@login_required
def deadline(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Set (or, left empty, remove) the date by which the unions below submit their plans."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        federation = federation_for_board(request.user, pk, year)
    except Refused as error:
        return refused(request, str(error))
    form = DeadlineForm(request.POST, year=year)
    if not form.is_valid():
        messages.error(request, _form_error(form))
    elif form.cleaned_data["due_date"] is None:
        SubmissionDeadline.objects.filter(organization=federation, year=year).delete()
        messages.success(request, _("已取消%(year)s年度计划的报送截止日期。") % {"year": year})
    elif SubmissionDeadline.objects.filter(
        organization=federation, year=year, due_date=form.cleaned_data["due_date"]
    ).exists():
        messages.info(request, _("报送截止日期没有变化。"))
    else:
        due = form.cleaned_data["due_date"]
        SubmissionDeadline.objects.update_or_create(
            organization=federation, year=year, defaults={"due_date": due, "set_by": request.user}
        )
        messages.success(
            request,
            _("%(year)s年度计划的报送截止日期为%(due)s；截止前7天起提醒未提交的工会。")
            % {"year": year, "due": due.isoformat()},
        )
    return redirect("review:board", pk=federation.pk, year=year)


@login_required
def remind(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Send the submission reminders of this federation now (what is due and not sent yet)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        federation = federation_for_board(request.user, pk, year)
    except Refused as error:
        return refused(request, str(error))
    round_ = reminders.collect(timezone.localdate(), federation)
    if not round_.reminders and not round_.already_sent:
        messages.info(request, _("目前没有需要提醒的工会（截止日期前7天起才提醒）。"))
    else:
        notified, mailed = reminders.send(round_)
        messages.success(request, reminders.message(round_, notified, mailed))
    return redirect("review:board", pk=federation.pk, year=year)


def _statistics_of(request: HttpRequest, pk: int, year: int):
    federation = federation_for_board(request.user, pk, year)
    lines, total = statistics_lib.statistics(federation, year)
    return federation, lines, total


@login_required
@require_safe
def statistics(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The subtree's unions, members, 入会率, activities, participants and welfare money; the
    money by account line (计划 / 预算 / 实际)."""
    try:
        federation, lines, total = _statistics_of(request, pk, year)
    except Refused as error:
        return refused(request, str(error))
    return render(
        request,
        "review/statistics.html",
        {"org": federation, "year": year, "lines": lines, "total": total,
         **_money(federation, year)},
    )  # fmt: skip


def _money(federation, year: int) -> dict:
    """The subtree's plan vs budget vs actual by account line, and their total."""
    found = spending.line_figures(federation, year)
    return {"money": [line for line in found if line.any()], "money_total": figures_total(found)}


@login_required
@require_safe
def statistics_xlsx(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """The same figures as the page, as an .xlsx table with its totals as formulas."""
    try:
        federation, lines, total = _statistics_of(request, pk, year)
    except Refused as error:
        return refused(request, str(error))
    title = f"{federation.name}{year}年度工会工作统计表"
    note = (
        f"统计范围：{federation.name}及所属工会；入会率＝填报职工人数的工会的在职会员÷其职工人数；"
        f"活动、参加人次按{year}年度计划的活动记录统计；慰问按{year}年福利慰问台账统计。"
    )
    out = io.BytesIO()
    write_statistics(title, note, lines, total, out, money=spending.line_figures(federation, year))
    return download(out.getvalue(), f"{title}.xlsx")
