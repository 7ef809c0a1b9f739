"""The person's own page of API tokens: make one (its key shown once), revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from unionplan.api import tokens
from unionplan.api.models import ApiToken
from unionplan.errors import UserInputError


@login_required
def tokens_page(request: HttpRequest) -> HttpResponse:
    """GET lists the person's tokens; POST makes one and shows its key on this answer only
    (it is not stored, so it cannot be shown again)."""
    if request.method not in {"GET", "POST"}:
        return HttpResponseNotAllowed(["GET", "POST"])
    new_key, name = "", ""
    if request.method == "POST":
        name = request.POST.get("name", "")
        try:
            _token, new_key = tokens.issue(request.user, name)
        except UserInputError as error:
            messages.error(request, error.message)
        else:
            name = ""
    mine = ApiToken.objects.filter(user=request.user)
    response = render(
        request, "api/tokens.html", {"tokens": mine, "new_key": new_key, "name": name}
    )
    response["Cache-Control"] = "no-store"  # the new key must not stay in a cache
    return response


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        token = tokens.revoke(request.user, pk)
    except UserInputError:
        raise Http404 from None  # another person's token, or none: as everywhere, 404
    messages.success(
        request, _("令牌“%(name)s”已吊销，用它的程序将无法再访问。") % {"name": token.name}
    )
    return redirect("api:tokens")
