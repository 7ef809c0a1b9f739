"""The operator keeps the 低保 table in the admin; a bad row is a Chinese message, not stored."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.factories import DibaoStandardFactory
from unionplan.welfare.hardship_models import DibaoStandard


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("op", "op@example.org", "pw"))
    return client


def add(client, **data):
    row = {"city": "合肥市", "year": "2026", "monthly": "850", "document": "", **data}
    return client.post(reverse("admin:welfare_dibaostandard_add"), row)


def test_the_operator_adds_a_standard(admin_client):
    assert add(admin_client).status_code == 302
    assert DibaoStandard.objects.get().monthly == D(850)


def test_a_standard_of_zero_is_refused_in_chinese(admin_client):
    response = add(admin_client, monthly="0")
    assert response.status_code == 200 and "低保标准须大于0元" in response.text
    assert not DibaoStandard.objects.exists()


def test_a_second_standard_for_the_same_city_and_year_is_refused(admin_client):
    DibaoStandardFactory(city="合肥市", year=2026)
    response = add(admin_client)
    assert response.status_code == 200 and "该城市该年度的低保标准已经录入" in response.text
    assert DibaoStandard.objects.count() == 1
