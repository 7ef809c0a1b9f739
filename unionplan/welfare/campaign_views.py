"""Pages of campaigns: a union's campaigns, a campaign's list and payments, its 签收 sheet
(printable, or .xlsx) and its 公示 list.

The list shows names and departments and masked ID numbers (full ones to the chair); the
签收 sheet carries names and amounts and no numbers, and each printing or download of it is
logged as an export; the 公示 list masks names (张*), as the rules publish them. A campaign
drawn from hardship files is shown only to those who may see the union's hardship files
(the chair and those the chair names; the reviewers above), each reading of its list
logged as a reading of the files.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from unionplan.core.downloads import download
from unionplan.documents.signin_xlsx import RECEIPT_HEADER, signin_sheet_xlsx
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import mask_name
from unionplan.members import privacy
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    get_visible_or_404,
    require_editor,
)
from unionplan.welfare import campaigns, hardship_access
from unionplan.welfare.campaign_forms import CampaignForm, PayForm
from unionplan.welfare.campaign_models import CAMPAIGN_KINDS, Campaign
from unionplan.welfare.hardship_services import log_list
from unionplan.welfare.hardship_views import refusing
from unionplan.welfare.models import WelfareEntry

SIGN_PAGE_LIMIT = 3000  # as the sign-in sheet's page: more prints badly, the .xlsx has all


def _campaign_or_404(request: HttpRequest, pk: int, *, write: bool = False) -> Campaign:
    """The campaign if the user may see it; one drawn from hardship files only to those who
    may see (``write``: keep) the union's hardship files (``hardship_access.Refused``)."""
    campaign = get_visible_or_404(Campaign.objects, request.user, pk, via="organization")
    if campaign.source == "hardship":
        check = hardship_access.require_writer if write else hardship_access.require_reader
        check(request.user, campaign.organization)
    return campaign


@login_required
@require_safe
def campaign_list(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    found = list(campaigns.of_union(org))
    sums = {
        row["campaign"]: row
        for row in WelfareEntry.objects.filter(campaign__in=[c.pk for c in found])
        .values("campaign")
        .annotate(people=Count("id"), households=Count("member", distinct=True),
                  amount=Sum("amount"))
        .order_by()
    }  # fmt: skip
    rows = [(c, sums.get(c.pk, {})) for c in found]
    context = {"org": org, "rows": rows, "kinds": CAMPAIGN_KINDS,
               "can_edit": can_edit(request.user, org)}  # fmt: skip
    return render(request, "welfare/campaign_list.html", context)


@login_required
@refusing
@require_http_methods(["GET", "POST"])
def campaign_new(request: HttpRequest, pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, pk)
    require_editor(request.user, org)
    kind = request.GET.get("kind", "warmth")
    kind = kind if kind in CAMPAIGN_KINDS else "warmth"
    year = campaigns.next_year_of(kind, timezone.localdate())
    initial = {**campaigns.defaults(kind, year), "scope": "全体会员"}
    form = CampaignForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["source"] == "hardship":
            hardship_access.require_writer(request.user, org)
        campaign = form.save(commit=False)
        campaign.organization, campaign.created_by = org, request.user
        campaign.save()
        messages.success(request, _("已建立：%(title)s") % {"title": campaign.title})
        return redirect("welfare:campaign", campaign.pk)
    return render(request, "welfare/campaign_form.html", {"org": org, "form": form})


@login_required
@refusing
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign_or_404(request, pk, write=True)
    require_editor(request.user, campaign.organization)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["source"] == "hardship":
            hardship_access.require_writer(request.user, campaign.organization)
        if form.has_changed():
            form.save()
            messages.success(request, _("已保存。"))
        return redirect("welfare:campaign", campaign.pk)
    context = {"org": campaign.organization, "form": form, "campaign": campaign}
    return render(request, "welfare/campaign_form.html", context)


@login_required
@refusing
@require_http_methods(["GET", "POST"])
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The campaign's list, a page at a time, with its payments; POST records some."""
    campaign = _campaign_or_404(request, pk, write=request.method == "POST")
    org = campaign.organization
    editor = can_edit(request.user, org)
    today = campaigns.pay_date(campaign, timezone.localdate())
    form = PayForm(request.POST or None, initial={"date": today})
    result = None
    if request.method == "POST":
        require_editor(request.user, org)
        result = _pay(request, campaign, form)
        if result is not None and not result.refused:
            return redirect(request.get_full_path())
    try:
        found, error = campaigns.listing(campaign, request.GET.get("page")), ""
    except UserInputError as problem:
        found, error = None, problem.message
    if found is not None and campaign.source == "hardship":
        log_list(org, request.user, campaign.year, len(found.page.object_list))
    reveal = privacy.sees_full_numbers(request.user, org)
    context = {
        "org": org, "campaign": campaign, "listing": found, "error": error, "form": form,
        "result": result, "can_edit": editor, "reveal": reveal,
        "over_rules": bool(result and any(r.over_rules for r in result.refused)),
        "over_budget": bool(result and any(r.over_budget for r in result.refused)),
    }  # fmt: skip
    return render(request, "welfare/campaign_detail.html", context)


def _pay(request: HttpRequest, campaign: Campaign, form: PayForm):
    """Record the ticked payments; the result (None when the form itself is wrong)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        result = campaigns.pay(
            campaign, data["members"], data["date"], request.user,
            override_reason=data["override_reason"].strip() or None,
            budget_reason=data["budget_reason"],
        )  # fmt: skip
    except UserInputError as error:
        form.add_error(None, error.message)
        return None
    if result.recorded:
        messages.success(request, _("已登记%(n)s人。") % {"n": len(result.recorded)})
    if result.skipped:
        messages.info(request, _("%(n)s人已发放过，未重复登记。") % {"n": result.skipped})
    return result


@login_required
@refusing
@require_safe
def campaign_sign(request: HttpRequest, pk: int) -> HttpResponse:
    """The 签收 sheet to print: everyone recorded, a blank 签名 and 日期 for each (a long one
    only in part: it is printed from the .xlsx)."""
    campaign, rows, truncated = _sign_rows_logged(request, pk, SIGN_PAGE_LIMIT)
    context = {"org": campaign.organization, "campaign": campaign, "rows": rows,
               "truncated": truncated, "total": campaigns.totals(campaign)}  # fmt: skip
    return render(request, "welfare/campaign_sign.html", context)


@login_required
@refusing
@require_POST
def campaign_sign_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    campaign, rows, _more = _sign_rows_logged(request, pk)
    subtitle = _("%(org)s　发放期间：%(start)s至%(end)s") % {
        "org": campaign.organization.name,
        "start": campaign.starts_on.isoformat(),
        "end": campaign.ends_on.isoformat(),
    }
    content = signin_sheet_xlsx(
        f"{campaign.title} 签收表", subtitle, rows, RECEIPT_HEADER, sheet_name="签收表"
    )
    return download(content, f"{campaign.title[:40]}-签收表.xlsx")


def _sign_rows_logged(request: HttpRequest, pk: int, limit: int | None = None):
    """(the campaign, its 签收 rows — the first ``limit`` —, whether there were more), the
    export logged before anything is shown."""
    campaign = _campaign_or_404(request, pk)
    rows = campaigns.sign_rows(campaign, limit + 1 if limit else None)
    truncated = limit is not None and len(rows) > limit
    rows = rows[:limit]
    title = _("签收表：%(title)s") % {"title": campaign.title}
    privacy.log_export(request.user, campaign.organization, title, len(rows), True)
    return campaign, rows, truncated


@login_required
@refusing
@require_safe
def campaign_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """The 公示 list: names masked (张*), department and amount, and the totals."""
    campaign = _campaign_or_404(request, pk)
    rows = [
        (mask_name(e.member.name), e.member.department, e.amount)
        for e in campaigns.entries(campaign)
    ]
    context = {"org": campaign.organization, "campaign": campaign, "rows": rows,
               "total": campaigns.totals(campaign)}  # fmt: skip
    return render(request, "welfare/campaign_notice.html", context)
