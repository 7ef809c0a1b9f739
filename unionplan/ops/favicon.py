"""``/favicon.ico``: browsers and feed readers ask for it whatever the page links to."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """The site's icon (base.html links the same SVG)."""
    return redirect(static("unionplan/favicon.svg"), permanent=True)
