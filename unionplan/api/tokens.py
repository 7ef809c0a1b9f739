"""Making, checking and revoking API tokens (``ApiToken``).

A token reads ``up_`` and 43 URL-safe characters; what is stored is its SHA-256, so the
check is one indexed lookup of the digest. Its last use is written at most once a minute:
a program calling every second does not turn every read into a write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from unionplan.api.models import ApiToken
from unionplan.errors import UserInputError

PREFIX = "up_"
MAX_ACTIVE = 20  # per person: enough for every program, few enough to review on one page
_TOUCH_EVERY = dt.timedelta(minutes=1)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def issue(user, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; the key is returned once and never stored."""
    name = (name or "").strip()
    if not name:
        raise UserInputError("请填写令牌的用途，例如“财务软件对接”")
    if len(name) > 100:
        raise UserInputError("令牌的用途不能超过100个字")
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_ACTIVE:
        raise UserInputError(f"每人最多{MAX_ACTIVE}个有效令牌，请先吊销不用的令牌")
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[: len(PREFIX) + 6], digest=digest(key)
    )
    return token, key


def user_for(key: str):
    """The active user whose token ``key`` is, or None."""
    if not key.startswith(PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke(user, pk: int) -> ApiToken:
    """Revoke ``user``'s token ``pk`` (kept, marked, so the list shows when it stopped)."""
    token = ApiToken.objects.filter(user=user, pk=pk).first()
    if token is None:
        raise UserInputError("没有这个令牌")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
