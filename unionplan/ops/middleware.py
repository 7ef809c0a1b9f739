"""The browser's address when a reverse proxy stands in front (UNIONPLAN_BEHIND_PROXY=1).

Behind nginx every connection comes from the proxy, so a per-address login limit would lock
out everybody at once. The proxy appends the address it saw to X-Forwarded-For; the last
entry is the one the proxy vouches for (earlier ones came from the client and may be made
up). Without UNIONPLAN_BEHIND_PROXY the header is ignored: anyone can send it.
"""

from django.conf import settings


class ForwardedForMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.BEHIND_PROXY:
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            address = forwarded.rsplit(",", 1)[-1].strip()
            if address:
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
