"""Upload a document, preview what was understood, confirm to save.

Nothing is written before the user confirms; the upload waits meanwhile in the one
pending-upload store (``core.uploads.plans``), bound to its user and union.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from unionplan.core import uploads
from unionplan.errors import UserInputError
from unionplan.imports.forms import ConfirmForm, UploadForm
from unionplan.imports.saving import default_year, import_plans, plans_for_year
from unionplan.orgs.access import get_organization_or_404, require_editor
from unionplan.plan.numbering import numbered_sections
from unionplan.text import parse_bytes


def _editable_org(request, org_pk: int):
    org = get_organization_or_404(request.user, org_pk)
    require_editor(request.user, org)
    return org


@login_required
def upload(request, org_pk: int):
    org = _editable_org(request, org_pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        data = upload_file.read()
        simplified = form.cleaned_data["simplified"]
        try:
            parse_bytes(data, upload_file.name, simplified=simplified)
        except UserInputError as error:
            form.add_error("file", error.message)
        else:
            token = uploads.plans().store(
                data,
                upload_file.name,
                org_id=org.pk,
                user_id=request.user.pk,
                simplified=simplified,
            )
            return redirect("imports:preview", org_pk=org.pk, token=token)
    return render(request, "imports/upload.html", {"org": org, "form": form})


@login_required
def preview(request, org_pk: int, token: str):
    org = _editable_org(request, org_pk)
    kept = uploads.plans().load(token, org_id=org.pk, user_id=request.user.pk)
    if kept is None:
        raise Http404
    data, meta = kept
    result = parse_bytes(data, meta["filename"], simplified=meta["simplified"])
    year = default_year(result)
    plans = plans_for_year(result, year)
    initial = {"year": year}
    initial.update({f"title_{i}": plan.title for i, plan in enumerate(plans)})
    initial.update({f"use_{i}": True for i in range(len(plans))})
    form = ConfirmForm(request.POST or None, initial=initial, plan_count=len(plans))
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        plans = plans_for_year(result, year)  # the preview shows the dates of the chosen year
        try:
            saved = import_plans(org, result, year=year, titles=form.chosen(len(plans)))
        except UserInputError as error:
            form.add_error(None, error.message)
        else:
            uploads.plans().discard(token)
            messages.success(request, _("已导入%(n)d份计划。") % {"n": len(saved)})
            if len(saved) == 1:
                return redirect("plans:detail", pk=saved[0].pk)
            return redirect("orgs:detail", pk=org.pk)
    previews = [
        {
            "index": index,
            "plan": plan,
            "sections": numbered_sections(plan.sections),
            "targets": plan.all_targets(),
            "use_field": form[f"use_{index}"],
            "title_field": form[f"title_{index}"],
        }
        for index, plan in enumerate(plans)
    ]
    context = {
        "org": org,
        "form": form,
        "filename": meta["filename"],
        "previews": previews,
        "warnings": result.warnings,
    }
    return render(request, "imports/preview.html", context)
