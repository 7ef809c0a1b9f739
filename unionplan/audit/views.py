"""The audit log of an organization and everything below it, for whoever may see it:
a federation reads the log of all its unions. Read only; there is nothing to change."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from unionplan.audit.models import AuditEntry
from unionplan.orgs.access import get_organization_or_404

PAGE_SIZE = 50


@login_required
def log(request: HttpRequest, org_pk: int) -> HttpResponse:
    org = get_organization_or_404(request.user, org_pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    entries = (
        AuditEntry.objects.filter(organization__path__startswith=org.path)
        .select_related("organization", "user")
        .order_by("-at", "-id")
    )
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"org": org, "page": page})
