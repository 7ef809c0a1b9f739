"""Our own page for a request sent with a method the view does not take (405).

Django's ``require_POST`` / ``require_safe`` answer with an empty body, which a browser
shows as a blank page; a person who got there (a bookmarked form result, a reload of a
POST-only link) should see the site layout, what happened in Chinese and a way home.
The 404, 403, 400 and 500 pages are templates Django finds by name (``templates/404.html``…).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class MethodNotAllowedPage:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page
