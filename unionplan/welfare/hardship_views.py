"""Pages of the hardship files: the list, the intake and edit form, a file with its review,
公示, aid, re-check and 脱困, the 公示 list, and who may see the files.

Every page asks ``hardship_access`` first: a stranger gets 404 (the organization lookup), a
person of the union without the right a Chinese 403 with the reason. Every reading of a
file is logged (``hardship.view``); the 公示 list, meant to be printed and posted, is logged
as an export of personal data (names masked).
"""

from __future__ import annotations

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from unionplan.core import spending
from unionplan.core.people import person_name
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import mask_name
from unionplan.members import privacy
from unionplan.orgs.access import get_organization_or_404, get_visible_or_404, role_in
from unionplan.orgs.models import Role
from unionplan.plan.money import money
from unionplan.welfare import hardship_access as access
from unionplan.welfare import hardship_services as hardship
from unionplan.welfare import services
from unionplan.welfare.hardship_forms import (
    AidForm,
    ExitForm,
    FileForm,
    PersonFormSet,
    PublicityForm,
    ReaderForm,
    RecheckForm,
    ReviewForm,
    household_rows,
)
from unionplan.welfare.hardship_models import STATES, DibaoStandard, HardshipFile, HardshipReader

PAGE_SIZE = 100
EXTRA_ROWS = 3
SUBTREE_ROLES = frozenset({"chair", "staff"})


def refusing(view):
    """A view whose ``Refused`` becomes the Chinese 403 page with the reason."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except access.Refused as error:
            context = {"reason": str(error)}
            return render(request, "welfare/hardship/refused.html", context, status=403)

    return wrapped


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 3000 else timezone.localdate().year


def _file(request: HttpRequest, pk: int) -> HardshipFile:
    """The file ``pk`` if the user may see its union's files (404 / Refused otherwise)."""
    file = get_visible_or_404(HardshipFile.objects, request.user, pk, via="organization")
    access.require_file_reader(request.user, file)
    return file


@login_required
@require_safe
@refusing
def file_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The union's files of a year; for a federation's chair or staff, those below it too
    (a reviewer who is not a chair sees only files the union has passed on)."""
    org, user = get_organization_or_404(request.user, pk), request.user
    own = access.may_see(user, org)
    below = org.kind == "federation" and role_in(user, org) in SUBTREE_ROLES
    if not (own or below):
        access.require_reader(user, org)
    year = _year(request)
    files = _listed(org, user, own, below).filter(year=year)
    if (state := request.GET.get("state", "")) in dict(STATES):
        files = files.filter(state=state)
    page = Paginator(
        files.select_related("member", "organization").order_by("organization__path", "pk"),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    hardship.log_list(org, user, year, len(page.object_list))
    context = {
        "org": org, "year": year, "page": page, "state": state,
        "may_write": access.may_write(user, org), "is_union_chair": access.is_union_chair(user, org),
    }  # fmt: skip
    return render(request, "welfare/hardship/list.html", context)


def _listed(org, user, own: bool, below: bool):
    """The files of ``org`` (when ``own``) and of the unions below it (when ``below``)."""
    mine = Q(organization=org) if own else Q(pk__in=[])
    if own and not access.sees_drafts(user, org):
        mine &= ~Q(state="draft")
    if below:
        under = Q(organization__path__startswith=org.path) & ~Q(organization=org)
        if role_in(user, org) != "chair":
            under &= ~Q(state="draft")
        mine |= under
    return HardshipFile.objects.filter(mine)


@login_required
@require_http_methods(["GET", "POST"])
@refusing
def intake(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    access.require_writer(request.user, org)
    initial = {"year": timezone.localdate().year, "homes": 1}
    rows = [{"relation": "本人"}] + [{} for _ in range(EXTRA_ROWS)]
    return _edit(request, org, None, initial, rows)


@login_required
@require_http_methods(["GET", "POST"])
@refusing
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    file = _file(request, pk)
    access.require_writer(request.user, file.organization)
    if not file.editable:
        messages.error(request, _("档案在审核中或已审核，不能修改。"))
        return redirect("welfare:hardship_file", file.pk)
    facts = hardship.facts_of(file)
    initial = {
        "member": file.member_id, "id_number": file.member.masked_id_number,
        "year": facts.year, "city": facts.city, "situation": facts.situation,
        "disaster": facts.disaster, "homes": facts.homes, "business": facts.business,
        "private_school_fee": _typed(facts.private_school_fee),
        "public_school_fee": _typed(facts.public_school_fee),
        "study_abroad": facts.study_abroad,
    }  # fmt: skip
    rows = [
        {"relation": p.relation, "name": p.name, "income": _typed(p.income),
         "costs": _typed(p.costs), "costs_note": p.costs_note}
        for p in file.people.all()
    ] + [{} for _ in range(EXTRA_ROWS)]  # fmt: skip
    return _edit(request, file.organization, file, initial, rows)


def _typed(amount) -> str:
    """An amount as the form shows it back: blank for none, else plain (no separators)."""
    return "" if not amount else f"{amount:.2f}"


def _edit(request, org, file, initial, rows) -> HttpResponse:
    """The intake form for a new file or a file's edit: 预览 computes the class, 保存 stores."""
    form = FileForm(request.POST or None, initial=initial)
    formset = PersonFormSet(request.POST or None, initial=rows, prefix="people")
    preview = None
    if file is not None:
        form.fields["id_number"].disabled = True
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        people = household_rows(formset)
        try:
            member = file.member if file else services.chosen_member(org, form.cleaned_data)
            if request.POST.get("action") == "preview":
                preview = hardship.preview(form.facts(), [p for p, _n in people])
            else:
                file = hardship.save_file(
                    org, member, form.facts(), [p for p, _n in people], request.user, file,
                    notes=[n for _p, n in people],
                )  # fmt: skip
                messages.success(
                    request, _("档案已保存：%(c)s") % {"c": file.get_classification_display()}
                )
                return redirect("welfare:hardship_file", file.pk)
        except UserInputError as error:
            form.add_error(None, error.message)
    context = {
        "org": org, "file": file, "form": form, "formset": formset, "preview": preview,
        "no_standards": not DibaoStandard.objects.exists(),
    }  # fmt: skip
    return render(request, "welfare/hardship/form.html", context)


@login_required
@require_safe
@refusing
def file_page(request: HttpRequest, pk: int) -> HttpResponse:
    file = _file(request, pk)
    org, user = file.organization, request.user
    hardship.log_view(file, user)
    today = timezone.localdate()
    is_chair = access.is_union_chair(user, org)
    aids = list(file.aids.select_related("entry").order_by("entry__date", "pk"))
    context = {
        "org": org, "file": file, "people": list(file.people.all()), "aids": aids,
        "reveal": privacy.sees_full_numbers(user, org),
        "is_union_chair": is_chair, "may_write": access.may_write(user, org),
        "reviews_above": access.reviews_above(user, org),
        "review_form": ReviewForm(), "today": today,
        "publicity_form": PublicityForm(initial={"start": today, "end": today + dt.timedelta(6)}),
        "recheck_form": RecheckForm(initial={"year": file.year + 1, "date": today}),
        "exit_form": ExitForm(initial={"date": today}),
        "payable": file.state == "approved" and file.publicity_end is not None
        and file.publicity_end < today,
    }  # fmt: skip
    return render(request, "welfare/hardship/file.html", context)


def _act(request: HttpRequest, file: HardshipFile, form, action) -> HttpResponse:
    """Run ``action(data)`` on a valid form; a Chinese message either way, back to the file."""
    if form.is_valid():
        try:
            done = action(form.cleaned_data)
            messages.success(request, done)
        except UserInputError as error:
            messages.error(request, error.message)
    else:
        errors = [e for field in form.errors.values() for e in field]
        messages.error(request, "；".join(str(e) for e in errors))
    return redirect("welfare:hardship_file", file.pk)


@login_required
@require_POST
@refusing
def review(request: HttpRequest, pk: int) -> HttpResponse:
    file = _file(request, pk)
    org, user = file.organization, request.user
    if file.state == "union_approved":
        access.require_reviewer_above(user, org)
        step = hardship.federation_review
    else:
        access.require_union_chair(user, org)
        step = hardship.union_review

    def action(data):
        approve = data["decision"] == "approve"
        step(file, user, approve, data["comment"])
        return _("已审核通过。") if approve else _("已退回。")

    return _act(request, file, ReviewForm(request.POST), action)


def _chair_step(form_class, run):
    """A POST step of the file that only the union's chair takes: ``run(file, data, user)``
    does it and says what was done."""

    @login_required
    @require_POST
    @refusing
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        file = _file(request, pk)
        access.require_union_chair(request.user, file.organization)
        form = form_class(request.POST)
        return _act(request, file, form, lambda data: run(file, data, request.user))

    return view


def _set_publicity(file, data, user) -> str:
    hardship.set_publicity(file, data["start"], data["end"], user)
    return _("公示期已设定。")


def _recheck(file, data, user) -> str:
    return hardship.recheck(file, data["year"], data["date"], user)


def _exit(file, data, user) -> str:
    hardship.exit_file(file, data["date"], data["reason"], user)
    return _("已登记脱困。")


publicity = _chair_step(PublicityForm, _set_publicity)
recheck = _chair_step(RecheckForm, _recheck)
exit_file = _chair_step(ExitForm, _exit)


@login_required
@require_http_methods(["GET", "POST"])
@refusing
def pay(request: HttpRequest, pk: int) -> HttpResponse:
    """Aid for the file: 核对 shows cap, used and remaining; 发放 records it in the register."""
    file = _file(request, pk)
    access.require_union_chair(request.user, file.organization)
    form = AidForm(request.POST or None, initial={"date": timezone.localdate()})
    decision, over_budget = None, False
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if request.POST.get("action") == "pay":
                entry, _decision = hardship.pay(
                    file, d["kind"], d["amount"], d["date"], request.user,
                    school_level=d["school_level"], received_by=d["received_by"],
                    signed=d["signed"], budget_reason=d["budget_reason"],
                )  # fmt: skip
                messages.success(
                    request, _("已发放 %(a)s 元，记入福利慰问台账。") % {"a": money(entry.amount)}
                )
                return redirect("welfare:hardship_file", file.pk)
            decision = hardship.decide_aid(
                file, d["kind"], d["amount"], d["date"], d["school_level"]
            )
        except spending.OverBudget as error:
            form.add_error(None, error.message)
            over_budget = True
        except UserInputError as error:
            form.add_error(None, error.message)
    context = {
        "org": file.organization, "file": file, "form": form, "decision": decision,
        # The budget reason is asked for only once the budget has refused the aid.
        "show_budget_reason": over_budget or bool(form["budget_reason"].value()),
    }  # fmt: skip
    return render(request, "welfare/hardship/pay.html", context)


@login_required
@require_safe
@refusing
def publicity_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The 公示 list of a year, to print and post: names masked as 张*, no numbers."""
    org = get_organization_or_404(request.user, pk)
    access.require_reader(request.user, org)
    year = _year(request)
    files = list(
        HardshipFile.objects.filter(
            organization=org, year=year, state="approved", publicity_start__isnull=False
        )
        .select_related("member")
        .order_by("publicity_start", "pk")
    )
    rows = [{"file": f, "name": mask_name(f.member.name)} for f in files]
    privacy.log_export(request.user, org, f"困难职工公示名单（{year}年）", len(rows), masked=True)
    return render(
        request, "welfare/hardship/publicity.html", {"org": org, "year": year, "rows": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
@refusing
def readers(request: HttpRequest, pk: int) -> HttpResponse:
    """Who may see the union's files, named by its chair from the people of the union."""
    org = get_organization_or_404(request.user, pk)
    access.require_union_chair(request.user, org)
    people = [
        (role.user, f"{person_name(role.user)}（{role.get_role_display()}）")
        for role in Role.objects.filter(organization=org).exclude(role="chair").select_related("user")
    ]  # fmt: skip
    form = ReaderForm(request.POST or None, people=people)
    if request.method == "POST":
        if (remove := request.POST.get("remove", "")).isdigit():
            hardship.remove_reader(org, int(remove), request.user)
            messages.success(request, _("已取消查看权限。"))
            return redirect("welfare:hardship_readers", org.pk)
        if form.is_valid():
            hardship.add_reader(org, form.cleaned_data["user"], request.user)
            messages.success(request, _("已指定。"))
            return redirect("welfare:hardship_readers", org.pk)
    named = HardshipReader.objects.filter(organization=org).select_related("user", "added_by")
    return render(
        request, "welfare/hardship/readers.html", {"org": org, "form": form, "named": named}
    )
