"""Pages of the registry: the member list, the import with its preview, exports, and the
participant list (签到表) of a schedule item.

Every view finds its organization through ``unionplan.orgs.access`` so that another
organization's page answers 404. Numbers are masked unless ``privacy.sees_full_numbers``;
ID numbers and phones are only ever sent by POST (search, import), never put in a URL.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from unionplan.core import uploads
from unionplan.core.downloads import download
from unionplan.errors import UserInputError
from unionplan.idcard import id_number_problem, normalize_id_number
from unionplan.jobs import lifecycle
from unionplan.jobs.models import Job
from unionplan.members import editing, importing, privacy, record_scopes, roster_export, tasks
from unionplan.members.forms import MemberForm, NumberLookupForm, RosterUploadForm, TransferForm
from unionplan.members.models import Member, MemberTag
from unionplan.members.participants import item_date, resolve_item
from unionplan.members.signin import export_title, signin_filename, signin_rows, signin_xlsx
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    require_editor,
    visible_organizations,
)
from unionplan.plans.models import ScheduleItem
from unionplan.roster.cells import parse_phone

PAGE_SIZE = 50
SIGNIN_PAGE_LIMIT = 3000  # more than this prints badly: the page points to the .xlsx
_DIGIT_RUN = re.compile(r"\d{6,}")


def _member_rows(queryset):
    return queryset.prefetch_related(
        Prefetch("member_tags", queryset=MemberTag.objects.select_related("tag"))
    )


@login_required
def member_list(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    members = Member.objects.filter(organization=org)
    lookup = NumberLookupForm(request.POST or None)
    query = request.GET.get("q", "").strip()
    if request.method == "POST":
        members = _by_number(members, lookup)
    elif _DIGIT_RUN.search(query):
        messages.warning(request, _("证件号、手机号请用“按号码查找”，不要放在网址里。"))
        query = ""
    if query:
        members = members.filter(
            Q(name__contains=query) | Q(department__contains=query) | Q(post__contains=query)
        )
    page = Paginator(_member_rows(members.order_by("department", "name", "pk")), PAGE_SIZE)
    context = {
        "org": org,
        "page": page.get_page(request.GET.get("page")),
        "query": query,
        "lookup": lookup,
        "reveal": privacy.sees_full_numbers(request.user, org),
        "can_import": can_edit(request.user, org),
    }
    return render(request, "members/list.html", context)


def _by_number(members, form: NumberLookupForm):
    if not form.is_valid():
        return members.none()
    number = form.cleaned_data["number"].strip()
    if id_number_problem(number) is None:
        return members.filter(id_number=normalize_id_number(number))
    try:
        return members.filter(phone=parse_phone(number))
    except ValueError:
        return members.none()


@login_required
@require_POST
def export_members(request: HttpRequest, pk: int) -> HttpResponse:
    """The registry as a roster .xlsx; a large one is written by a background job."""
    org = get_organization_or_404(request.user, pk)
    masked = not privacy.sees_full_numbers(request.user, org)
    if Member.objects.filter(organization=org).count() > settings.BACKGROUND_ROWS:
        job = lifecycle.start(
            tasks.registry_export,
            title=tasks.registry_title(org),
            user=request.user,
            organization=org,
            params={"masked": masked},
            next_url=reverse("members:list", args=[org.pk]),
        )
        return redirect("jobs:detail", job.pk)
    content, count = roster_export.registry_xlsx(org, masked)
    privacy.log_export(request.user, org, tasks.registry_title(org), count, masked)
    return download(content, tasks.registry_filename(org))


def _item_or_404(user, pk: int) -> ScheduleItem:
    item = ScheduleItem.objects.select_related("plan").filter(pk=pk).first()
    if item is None:
        raise Http404
    item.plan.organization = get_organization_or_404(user, item.plan.organization_id)
    return item


def _hardship_hidden(user, item, found) -> bool:
    """A list of hardship members is shown only to those who may see the hardship files."""
    org = item.plan.organization
    return found.names_hardship and not record_scopes.may_list_hardship(user, org)


@login_required
@require_safe
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request.user, pk)
    found = resolve_item(item)
    if _hardship_hidden(request.user, item, found):
        context = {"item": item, "plan": item.plan, "org": item.plan.organization,
                   "participants": found, "on_date": item_date(item), "rows": [],
                   "hidden": True, "total": found.count()}  # fmt: skip
        return render(request, "members/participants.html", context)
    rows = signin_rows(found, SIGNIN_PAGE_LIMIT + 1)
    context = {
        "item": item,
        "plan": item.plan,
        "org": item.plan.organization,
        "participants": found,
        "on_date": item_date(item),
        "rows": rows[:SIGNIN_PAGE_LIMIT],
        "truncated": len(rows) > SIGNIN_PAGE_LIMIT,
        "total": found.count() if len(rows) > SIGNIN_PAGE_LIMIT else len(rows),
    }
    return render(request, "members/participants.html", context)


@login_required
@require_POST
def participants_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    """The sign-in sheet; a federation's long one is made by a background job."""
    item = _item_or_404(request.user, pk)
    found = resolve_item(item)
    if _hardship_hidden(request.user, item, found):
        raise PermissionDenied(_("参加范围是困难职工，名单只向可查看困难职工档案的人员显示。"))
    if found.count() > settings.BACKGROUND_ROWS:
        job = lifecycle.start(
            tasks.signin_sheet,
            title=_("签到表：%(item)s") % {"item": item.text},
            user=request.user,
            organization=item.plan.organization,
            params={"item": item.pk},
            next_url=reverse("members:participants", args=[item.pk]),
        )
        return redirect("jobs:detail", job.pk)
    rows = signin_rows(found)
    content = signin_xlsx(item, rows, found.for_unions)
    privacy.log_export(request.user, item.plan.organization, export_title(item), len(rows), True)
    return download(content, signin_filename(item))


@login_required
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    form = RosterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        if len(data) > settings.BACKGROUND_CHECK_BYTES:
            return _check_in_background(request, org, data, upload.name)
        preview = importing.preview_bytes(org, data, upload.name)
        if preview.error:
            form.add_error("file", preview.error)
        else:
            token = uploads.rosters().store(
                data, upload.name, org_id=org.pk, user_id=request.user.pk
            )
            checked = importing.CheckedRoster.of(preview)
            return _preview_page(request, org, checked, token, upload.name)
    return render(request, "members/import.html", {"org": org, "form": form})


def _preview_page(request, org, checked, token: str, filename: str) -> HttpResponse:
    context = {"org": org, "checked": checked, "token": token, "filename": filename}
    return render(request, "members/import_preview.html", context)


def _check_in_background(request, org, data: bytes, filename: str) -> HttpResponse:
    """A large file is checked by a job; its page leads to the preview when done."""
    token = uploads.rosters().store(data, filename, org_id=org.pk, user_id=request.user.pk)
    job = lifecycle.start(
        tasks.check_roster,
        title=_("检查花名册：%(name)s") % {"name": filename},
        user=request.user,
        organization=org,
        params={
            "filename": filename,
            "token": token,
            "needs_payload": True,
            "next_label": _("查看检查结果"),
            "again_url": reverse("members:import", args=[org.pk]),
        },
        payload=data,
        next_url=lambda job: reverse("members:import_review", args=[org.pk, job.pk]),
    )
    return redirect("jobs:detail", job.pk)


@login_required
def import_review(request: HttpRequest, pk: int, job_pk) -> HttpResponse:
    """The preview of a file that a background job checked (the starter's own job only)."""
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    job = (
        Job.objects.filter(pk=job_pk, user=request.user, organization=org, status=Job.DONE)
        .filter(task_path=tasks.check_roster.module_path)
        .defer("payload", "result")
        .first()
    )
    if job is None or "checked" not in job.params:
        raise Http404
    checked = importing.CheckedRoster.from_json(job.params["checked"])
    return _preview_page(request, org, checked, job.params["token"], job.params["filename"])


@login_required
@require_POST
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    token = request.POST.get("token", "")
    stored = uploads.rosters().load(token, org_id=org.pk, user_id=request.user.pk)
    if stored is None:
        messages.error(request, _("上传的文件已过期或不存在，请重新上传。"))
        return redirect("members:import", org.pk)
    if "cancel" in request.POST:
        uploads.rosters().discard(token)
        messages.info(request, _("已取消导入，没有保存任何数据。"))
        return redirect("members:list", org.pk)
    data, filename = stored[0], stored[1]["filename"]
    if _row_count(request) > settings.BACKGROUND_ROWS:
        return _import_in_background(request, org, token, data, filename)
    outcome = importing.import_bytes(org, data, filename)
    uploads.rosters().discard(token)
    if outcome.error:
        messages.error(request, outcome.error)
        return redirect("members:import", org.pk)
    messages.success(request, tasks.imported_message(outcome))
    return redirect("members:list", org.pk)


# --- one member at a time ---------------------------------------------------------------


def _member_or_404(user, pk: int) -> Member:
    member = Member.objects.filter(pk=pk).first()
    if member is None:
        raise Http404
    member.organization = get_organization_or_404(user, member.organization_id)
    return member


@login_required
@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    return _member_form(request, org, None)


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member_or_404(request.user, pk)
    require_editor(request.user, member.organization)
    return _member_form(request, member.organization, member)


def _member_form(request: HttpRequest, org, member: Member | None) -> HttpResponse:
    reveal = privacy.sees_full_numbers(request.user, org)
    initial = MemberForm.initial_of(member, reveal) if member else None
    form = MemberForm(request.POST or None, member=member, reveal=reveal, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.as_input()
        try:
            saved, changed = editing.save_member(org, data, request.user, member)
        except UserInputError as error:
            form.add_error("id_number", error.message)
        else:
            _say_saved(request, saved, member is None, changed)
            if editing.looks_retired(data):
                messages.warning(request, retired_hint(data.department or data.post))
            return redirect("members:list", org.pk)
    context = {"org": org, "member": member, "form": form, "reveal": reveal}
    if member is not None:
        context |= _standing_context(request.user, member)
    return render(request, "members/member_form.html", context, status=400 if form.errors else 200)


def _standing_context(user, member: Member) -> dict:
    """The member's 会籍 history and, for a cadre of other unions too, where to transfer."""
    history = member.standing_changes.select_related(
        "organization", "from_organization", "to_organization"
    )
    targets = [
        org
        for org in visible_organizations(user).exclude(pk=member.organization_id).order_by("path")
        if can_edit(user, org)
    ]
    return {"standing_history": list(history), "transfer_form": TransferForm(targets=targets)}


@login_required
@require_POST
def member_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a member into another union the cadre may change (接转), keeping its history."""
    member = _member_or_404(request.user, pk)
    require_editor(request.user, member.organization)
    targets = [org for org in visible_organizations(request.user) if can_edit(request.user, org)]
    form = TransferForm(request.POST, targets=targets)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("members:edit", member.pk)
    old = member.organization
    try:
        editing.transfer(
            member, form.cleaned_data["to"], request.user, day=form.cleaned_data["date"]
        )
    except UserInputError as error:
        messages.error(request, error.message)
        return redirect("members:edit", member.pk)
    messages.success(
        request,
        _("已将会员“%(name)s”转至%(to)s，会籍变动已记入两个工会的审计日志。")
        % {"name": member.name, "to": form.cleaned_data["to"].name},
    )
    return redirect("members:list", old.pk)


def _say_saved(request: HttpRequest, member: Member, added: bool, changed: list[str]) -> None:
    if "organization" in changed:  # a member another union had marked 转出, taken over
        messages.success(
            request, _("已接转会员“%(name)s”：原工会已将其转出，会籍变动已记入两个工会的审计日志。")
            % {"name": member.name},
        )  # fmt: skip
    elif added:
        messages.success(request, _("已添加会员“%(name)s”。") % {"name": member.name})
    elif changed:
        labels = "、".join(str(MemberForm.base_fields[name].label) for name in changed)
        messages.success(
            request,
            _("已保存会员“%(name)s”的修改：%(fields)s。") % {"name": member.name, "fields": labels},
        )
    else:
        messages.info(request, _("没有改动，会员“%(name)s”保持原样。") % {"name": member.name})


def retired_hint(word: str) -> str:
    return _(
        "部门或职务写的是“%(word)s”，但状态仍为“在职”：如果是退休人员，请把“状态”改为“退休”，"
        "否则“退休职工”等参加范围不会包括他们。"
    ) % {"word": word}


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member_or_404(request.user, pk)
    org = member.organization
    require_editor(request.user, org)
    editing.remove_member(member, request.user)
    messages.success(request, _("已从名册中删除会员“%(name)s”。") % {"name": member.name})
    return redirect("members:list", org.pk)


def _row_count(request: HttpRequest) -> int:
    """The rows the preview showed (only decides where the import runs)."""
    try:
        return int(request.POST.get("rows", "0"))
    except ValueError:
        return 0


def _import_in_background(request, org, token: str, data: bytes, filename: str) -> HttpResponse:
    job = lifecycle.start(
        tasks.import_roster,
        title=_("导入会员名册：%(name)s") % {"name": filename},
        user=request.user,
        organization=org,
        params={"filename": filename, "needs_payload": True},
        payload=data,
        next_url=reverse("members:list", args=[org.pk]),
    )
    uploads.rosters().discard(token)
    return redirect("jobs:detail", job.pk)
