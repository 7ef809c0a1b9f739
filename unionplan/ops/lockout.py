"""Login protection: what a person sees when locked out, and the line the log keeps.

django-axes counts failed logins per user name and per address (settings.AXES_*); after
AXES_FAILURE_LIMIT failures either one is refused until AXES_COOLOFF_TIME has passed, even
with the right password. A successful login resets the count.
"""

import logging
import math

from axes.signals import user_locked_out
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import render

log = logging.getLogger("unionplan.security")


def locked_out(request, original_response=None, credentials=None):
    """The cool-down page (HTTP 429), in the person's language."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs) -> None:
    log.warning(
        "login locked out after %s failed attempts: username=%r address=%s",
        settings.AXES_FAILURE_LIMIT,
        username,
        ip_address,
    )
