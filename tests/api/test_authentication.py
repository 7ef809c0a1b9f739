"""Tokens: a valid one authenticates, a revoked, unknown or malformed one does not."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from unionplan.api import tokens
from unionplan.api.models import ApiToken
from unionplan.errors import UserInputError

ORGS = "/api/v1/organizations/"


def test_a_token_is_stored_only_as_its_digest(tree):
    token, key = tokens.issue(tree.school_chair, "财务软件")
    assert key.startswith("up_") and len(key) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in {stored.digest, stored.prefix, stored.name}
    assert stored.digest == tokens.digest(key) and key.startswith(stored.prefix)


def test_a_valid_token_authenticates_and_records_its_use(tree):
    token, key = tokens.issue(tree.school_chair, "财务软件")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get(ORGS).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(ORGS).status_code == 200


def test_last_use_is_written_at_most_once_a_minute(tree, django_assert_num_queries):
    token, key = tokens.issue(tree.school_chair, "财务软件")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    with django_assert_num_queries(1):  # the lookup only, no write
        assert tokens.user_for(key) == tree.school_chair
    ApiToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - dt.timedelta(minutes=5)
    )
    with django_assert_num_queries(2):
        tokens.user_for(key)


def test_a_revoked_token_is_refused_in_chinese(tree):
    token, key = tokens.issue(tree.school_chair, "财务软件")
    tokens.revoke(tree.school_chair, token.pk)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    answer = client.get(ORGS)
    assert answer.status_code == 401
    assert answer.json()["detail"] == "令牌无效或已吊销"
    assert answer["WWW-Authenticate"].startswith("Bearer")


def test_unknown_malformed_and_missing_tokens(tree):
    client = APIClient()
    assert client.get(ORGS).status_code == 401
    for header in ["Bearer up_nothing", "Bearer", "Bearer a b", "Bearer not-ours"]:
        client.credentials(HTTP_AUTHORIZATION=header)
        answer = client.get(ORGS)
        assert answer.status_code == 401, header
        assert answer.json()["detail"] in {"令牌无效或已吊销", "Authorization 头应为“Bearer 令牌”"}


def test_a_deactivated_user_s_token_stops_working(tree):
    _token, key = tokens.issue(tree.school_chair, "财务软件")
    tree.school_chair.is_active = False
    tree.school_chair.save()
    assert tokens.user_for(key) is None


def test_a_person_revokes_only_their_own_tokens(tree):
    token, _key = tokens.issue(tree.school_chair, "财务软件")
    with pytest.raises(UserInputError, match="没有这个令牌"):
        tokens.revoke(tree.other_chair, token.pk)
    assert ApiToken.objects.get(pk=token.pk).active


def test_a_token_needs_a_purpose_and_active_tokens_are_capped(tree):
    with pytest.raises(UserInputError, match="用途"):
        tokens.issue(tree.school_chair, "  ")
    for number in range(tokens.MAX_ACTIVE):
        tokens.issue(tree.school_chair, f"程序{number}")
    with pytest.raises(UserInputError, match="最多"):
        tokens.issue(tree.school_chair, "再一个")
    assert ApiToken.objects.filter(user=tree.school_chair).count() == tokens.MAX_ACTIVE
