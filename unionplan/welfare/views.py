"""Pages of the welfare register: the list of a union, recording a gift, a member's year.

ID numbers are masked unless the user sees full numbers (``members.privacy``); the illness
and reason of hospital and hardship entries likewise, as health and hardship details.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from unionplan.core import spending
from unionplan.errors import UserInputError
from unionplan.fundrules import KINDS
from unionplan.members import privacy
from unionplan.members.models import Member
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)
from unionplan.welfare import services
from unionplan.welfare.forms import GiftForm
from unionplan.welfare.models import WelfareEntry

PAGE_SIZE = 100
SENSITIVE_KINDS = {"hospital", "hardship"}


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1900 < int(text) < 3000 else timezone.localdate().year


def _rows(entries, reveal: bool) -> list[dict]:
    return [
        {
            "entry": e,
            "id_number": e.member.id_number if reveal else e.member.masked_id_number,
            "detail": (
                "已隐藏" if not reveal and e.kind in SENSITIVE_KINDS and (e.illness or e.reason)
                else "；".join(x for x in (e.illness, e.reason) if x)
            ),
        }
        for e in entries
    ]  # fmt: skip


@login_required
@require_safe
def register(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    year = _year(request)
    entries = WelfareEntry.objects.filter(
        organization=org, date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31)
    )
    totals = entries.aggregate(
        total=Sum("amount"), count=Count("pk"), people=Count("member", distinct=True)
    )
    page = Paginator(entries.select_related("member").order_by("-date", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    reveal = privacy.sees_full_numbers(request.user, org)
    context = {
        "org": org, "year": year, "page": page, "rows": _rows(page.object_list, reveal),
        "totals": totals, "reveal": reveal, "can_edit": can_edit(request.user, org),
    }  # fmt: skip
    return render(request, "welfare/register.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def give(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    initial = {"date": timezone.localdate()}
    if (member_pk := request.GET.get("member", "")).isdigit():
        initial["member"] = int(member_pk)
    form = GiftForm(request.POST or None, initial=initial)
    decision = member = None
    over_budget = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.chosen_member(org, data)
            if request.POST.get("action") == "record":
                override = data["override_reason"].strip() or None
                entry, decision = services.record(
                    org, member, data["kind"], data["amount"], data["date"],
                    illness=data["illness"], form=data["form"], occasion=data["occasion"],
                    reason=data["reason"], approved_by=data["approved_by"],
                    received_by=data["received_by"], signed=data["signed"],
                    override_reason=override, user=request.user,
                    budget_reason=data["budget_reason"],
                )  # fmt: skip
                messages.success(
                    request, f"已登记：{member.name} {entry.get_kind_display()} {entry.amount}元"
                )
                return redirect(
                    reverse("welfare:register", args=[org.pk]) + f"?year={entry.date.year}"
                )
            decision = services.decide(
                org, member, data["kind"], data["amount"], data["date"],
                illness=data["illness"], form=data["form"], occasion=data["occasion"],
            )  # fmt: skip
        except services.Refused as refused:
            decision = refused.decision
            form.add_error(None, "超出规定，未登记。如确需发放，请填写“超标发放理由”后再登记。")
        except spending.OverBudget as error:
            form.add_error(None, error.message)
            over_budget = True
        except UserInputError as error:
            form.add_error(None, error.message)
    context = {
        "org": org, "form": form, "decision": decision, "member": member,
        # The budget reason is asked for only once the budget has refused the gift.
        "show_budget_reason": over_budget or bool(form["budget_reason"].value()),
    }  # fmt: skip
    return render(request, "welfare/give.html", context)


@login_required
@require_safe
def member_year(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_visible_or_404(Member.objects, request.user, pk, via="organization")
    org = member.organization
    year = _year(request)
    entries = list(
        member.welfare_entries.filter(
            date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31)
        )
        .select_related("member")
        .order_by("date", "pk")
    )
    reveal = privacy.sees_full_numbers(request.user, org)
    by_kind: dict[str, Decimal] = {}
    for entry in entries:
        by_kind[entry.kind] = by_kind.get(entry.kind, Decimal(0)) + entry.amount
    try:
        pack = services.pack_for(
            org, dt.date(year, 12, 31) if year < timezone.localdate().year else timezone.localdate()
        )
        pack_error = ""
    except UserInputError as error:
        pack, pack_error = None, error.message
    summary = [
        {
            "kind": kind,
            "name": KINDS[kind],
            "used": used,
            "rule": pack.rules.get(kind) if pack else None,
        }
        for kind, used in by_kind.items()
    ]
    context = {
        "org": org, "member": member, "year": year, "rows": _rows(entries, reveal),
        "summary": summary, "pack": pack, "pack_error": pack_error,
        "id_number": member.id_number if reveal else member.masked_id_number,
        "can_edit": can_edit(request.user, org), "total": sum(by_kind.values(), Decimal(0)),
    }  # fmt: skip
    return render(request, "welfare/member.html", context)


@login_required
@require_safe
def rules(request: HttpRequest) -> HttpResponse:
    try:
        packs, error = services.packs(), ""
    except UserInputError as problem:
        packs, error = [], problem.message
    return render(request, "welfare/rules.html", {"packs": packs, "error": error})
