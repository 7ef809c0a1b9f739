"""Login protection: ten wrong passwords for a user or from an address, then a cool-down."""

import datetime as dt
import logging

import pytest
from axes.models import AccessAttempt

from tests.factories import PASSWORD, UserFactory

LOGIN = "/accounts/login/"
pytestmark = pytest.mark.django_db


def attempt(client, username, password, address="198.51.100.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_nine_wrong_passwords_then_the_right_one_logs_in(client):
    user = UserFactory()
    for _ in range(9):
        assert attempt(client, user.username, "wrong").status_code == 200
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_ten_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, caplog):
    user = UserFactory()
    with caplog.at_level(logging.WARNING, logger="unionplan.security"):
        for n in range(10):
            attempt(client, user.username, "wrong", address=f"198.51.100.{n + 1}")
        response = attempt(client, user.username, PASSWORD, address="198.51.100.99")
    assert response.status_code == 429
    text = response.content.decode()
    assert "登录已暂停" in text
    assert "15 分钟后再试" in text
    assert "_auth_user_id" not in client.session
    lockouts = [r for r in caplog.records if "locked out" in r.getMessage()]
    assert lockouts and user.username in lockouts[0].getMessage()


def test_ten_wrong_passwords_from_one_address_lock_that_address(client):
    victim = UserFactory()
    for n in range(10):
        attempt(client, f"guess{n}", "wrong", address="203.0.113.9")
    assert attempt(client, victim.username, PASSWORD, address="203.0.113.9").status_code == 429
    # The same person from another address is not locked: the user name had no failures.
    assert attempt(client, victim.username, PASSWORD, address="203.0.113.10").status_code == 302


def test_after_the_cool_down_the_right_password_works_again(client):
    user = UserFactory()
    for _ in range(10):
        attempt(client, user.username, "wrong")
    assert attempt(client, user.username, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert attempt(client, user.username, PASSWORD).status_code == 302


def test_the_cool_down_page_is_english_for_english_readers(client):
    user = UserFactory()
    client.cookies["django_language"] = "en"
    for _ in range(10):
        attempt(client, user.username, "wrong")
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "登录已暂停" not in response.content.decode()
