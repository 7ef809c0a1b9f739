"""``Authorization: Bearer up_…`` (or ``Token up_…``) for the API, through ``api.tokens``."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from unionplan.api import tokens

_SCHEMES = {b"bearer", b"token"}


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in _SCHEMES:
            return None  # not ours: the session may still authenticate
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Authorization 头应为“Bearer 令牌”"))
        user = tokens.user_for(parts[1].decode("latin-1"))
        if user is None:
            raise exceptions.AuthenticationFailed(_("令牌无效或已吊销"))
        return user, None

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class TokenScheme(OpenApiAuthenticationExtension):
    """How the schema describes the token (drf-spectacular finds it by the class path)."""

    target_class = "unionplan.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "个人接口令牌（up_…）"}
