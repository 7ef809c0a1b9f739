import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MemberFactory, OrganizationFactory, tag_member

pytestmark = pytest.mark.django_db


def test_list_shows_members_masked_for_a_viewer(client, viewer, org):
    member = MemberFactory(organization=org, name="张三", phone="13812345678")
    tag_member(member, "劳模")
    client.force_login(viewer)
    response = client.get(reverse("members:list", args=[org.pk]))
    assert response.status_code == 200
    assert "张三" in response.text and "劳模" in response.text
    assert member.id_number not in response.text
    assert member.masked_id_number in response.text
    assert "138****5678" in response.text and "13812345678" not in response.text


def test_list_shows_full_numbers_to_the_chair(chair_client, org):
    member = MemberFactory(organization=org, phone="13812345678")
    response = chair_client.get(reverse("members:list", args=[org.pk]))
    assert member.id_number in response.text and "13812345678" in response.text


@pytest.mark.parametrize("role", ["committee", "staff", "viewer"])
def test_only_the_chair_sees_full_numbers(client, make_user, org, role):
    member = MemberFactory(organization=org)
    client.force_login(make_user(org, role))
    assert member.id_number not in client.get(reverse("members:list", args=[org.pk])).text


def test_chair_of_a_federation_sees_full_numbers_below(client, make_user):
    federation = OrganizationFactory(kind="federation")
    school = OrganizationFactory(parent=federation)
    member = MemberFactory(organization=school)
    client.force_login(make_user(federation, "chair"))
    assert member.id_number in client.get(reverse("members:list", args=[school.pk])).text


def test_search_by_name_and_department(chair_client, org):
    MemberFactory(organization=org, name="张三", department="语文组")
    MemberFactory(organization=org, name="李四", department="数学组")
    url = reverse("members:list", args=[org.pk])
    assert "李四" not in chair_client.get(url, {"q": "语文"}).text
    assert "张三" not in chair_client.get(url, {"q": "李"}).text


def test_numbers_are_not_searched_through_the_url(chair_client, org):
    member = MemberFactory(organization=org, name="张三")
    response = chair_client.get(reverse("members:list", args=[org.pk]), {"q": member.id_number})
    assert "按号码查找" in response.text
    assert response.text.count("张三") == 1  # listed, unfiltered; the warning says why


def test_lookup_by_id_number_or_phone_is_a_post(chair_client, org):
    member = MemberFactory(organization=org, name="张三", phone="13900001111")
    MemberFactory(organization=org, name="李四")
    url = reverse("members:list", args=[org.pk])
    by_id = chair_client.post(url, {"number": member.id_number.lower()}).text
    assert "张三" in by_id and "李四" not in by_id
    by_phone = chair_client.post(url, {"number": "139-0000-1111"}).text
    assert "张三" in by_phone and "李四" not in by_phone
    assert "李四" not in chair_client.post(url, {"number": "123"}).text


def test_list_is_paginated(chair_client, org):
    for _ in range(51):
        MemberFactory(organization=org)
    response = chair_client.get(reverse("members:list", args=[org.pk]))
    assert "1 / 2" in response.text


def test_list_query_count_does_not_grow_with_rows(chair_client, org):
    def queries_for_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            chair_client.get(reverse("members:list", args=[org.pk]))
        return len(captured)

    tag_member(MemberFactory(organization=org), "劳模")
    few = queries_for_page()
    for _ in range(30):
        tag_member(MemberFactory(organization=org), "劳模", "工会干部")
    assert queries_for_page() == few
    assert few <= 10


def test_list_of_another_union_is_404(client, stranger, org):
    client.force_login(stranger)
    assert client.get(reverse("members:list", args=[org.pk])).status_code == 404
