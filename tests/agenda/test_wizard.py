"""The draft-plan wizard: preview writes nothing, create writes the plan, roles are checked."""

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, PlanFactory
from unionplan.plans.models import Plan, ScheduleItem

pytestmark = pytest.mark.django_db


def url(org) -> str:
    return reverse("agenda:wizard", args=[org.pk])


def test_form_defaults_to_next_year_and_the_orgs_sector(chair_client, org, settings):
    from django.utils import timezone

    response = chair_client.get(url(org))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["year"] == timezone.localdate().year + 1
    assert form.initial["sector"] == org.sector == "school"


def test_preview_shows_the_draft_and_writes_nothing(chair_client, org):
    response = chair_client.post(
        url(org), {"year": "2027", "sector": "school", "action": "preview"}
    )
    assert response.status_code == 200
    text = response.text
    assert f"2027年{org.name}工作计划" in text
    assert "指导思想" in text and "保障措施" in text
    assert "9月10日（周五）" in text  # the dated month table
    assert '<span class="festival">教师节</span>' in text  # festivals marked on their day
    assert "2027年的法定节假日安排尚未发布/载入" in text
    assert response.context["targets"]
    assert not Plan.objects.exists()


def test_create_saves_the_plan_and_opens_it(chair_client, org):
    response = chair_client.post(
        url(org), {"year": "2027", "sector": "hospital", "title": "", "action": "create"}
    )
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.organization == org and plan.year == 2027
    assert plan.title == f"2027年{org.name}工作计划"
    assert ScheduleItem.objects.filter(plan=plan, date__isnull=True).count() == 0
    assert "护士节" in " ".join(ScheduleItem.objects.values_list("text", flat=True))


def test_create_with_own_title(chair_client, org):
    chair_client.post(
        url(org), {"year": "2028", "sector": "school", "title": "明年计划", "action": "create"}
    )
    assert Plan.objects.get().title == "明年计划"


def test_taken_title_is_explained_in_preview_and_refused_on_create(chair_client, org):
    PlanFactory(organization=org, year=2027, title=f"2027年{org.name}工作计划")
    data = {"year": "2027", "sector": "school", "action": "preview"}
    assert "请换一个标题" in chair_client.post(url(org), data).text
    response = chair_client.post(url(org), {**data, "action": "create"})
    assert response.status_code == 200
    assert "请换一个标题" in response.text
    assert Plan.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"year": "1949", "sector": "school"}, "1950到2100"),
        ({"year": "abc", "sector": "school"}, "年份应为"),
        ({"year": "2027", "sector": "bank"}, "bank"),
        ({"year": "2027", "sector": "school", "title": "   "}, None),
    ],
)
def test_bad_input_writes_nothing(chair_client, org, data, words):
    response = chair_client.post(url(org), {**data, "action": "create"})
    if words:
        assert response.status_code == 200
        assert words in response.text
        assert not Plan.objects.exists()
    else:  # a blank title means the default one
        assert Plan.objects.get().title.startswith("2027年")


def test_viewer_cannot_use_the_wizard(client, viewer, org):
    client.force_login(viewer)
    assert client.get(url(org)).status_code == 404
    response = client.post(url(org), {"year": "2027", "sector": "school", "action": "create"})
    assert response.status_code == 404
    assert not Plan.objects.exists()


def test_stranger_gets_404(client, stranger, org):
    client.force_login(stranger)
    assert client.get(url(org)).status_code == 404
    assert client.post(url(org), {"year": "2027", "sector": "school"}).status_code == 404


def test_anonymous_is_sent_to_login(client, org):
    response = client.get(url(org))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_federation_chair_may_generate_for_a_union_below(client, make_user):
    federation = OrganizationFactory(kind="federation", sector="federation")
    child = OrganizationFactory(parent=federation, sector="enterprise")
    client.force_login(make_user(federation))
    response = client.post(url(child), {"year": "2027", "sector": "enterprise", "action": "create"})
    assert response.status_code == 302
    assert Plan.objects.get().organization == child


def test_org_page_links_to_the_wizard(chair_client, org):
    response = chair_client.get(reverse("orgs:detail", args=[org.pk]))
    assert url(org) in response.text
    assert reverse("agenda:feed", args=[org.pk]) in response.text
