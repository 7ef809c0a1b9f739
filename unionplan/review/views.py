"""The workflow buttons of the plan page: submit, approve, return. Both only take a POST and
go back to the plan page with the outcome (or the reason of a refusal) as a message."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from unionplan.errors import UserInputError
from unionplan.plans.views import get_plan_or_404
from unionplan.review import services
from unionplan.review.forms import ReviewForm, SubmitForm
from unionplan.review.models import Notification

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
        step = services.submit(plan, request.user, form.cleaned_data["comment"])
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
