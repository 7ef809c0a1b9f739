"""One plan of a title per organization and year: every way to make or rename a plan says
the same thing (plans/titles.py), and nothing is saved."""

import pytest
from django.urls import reverse

from tests.factories import PlanFactory
from unionplan.agenda import drafts
from unionplan.errors import UserInputError
from unionplan.imports.saving import import_plans
from unionplan.plan.data import PlanData
from unionplan.plans.convert import create_plan
from unionplan.plans.forms import PlanCreateForm, PlanHeaderForm
from unionplan.plans.models import Plan
from unionplan.text import parse_bytes

pytestmark = pytest.mark.django_db

TITLE = "2027年工会工作计划"
MESSAGE = f"本工会2027年已有标题为“{TITLE}”的计划，请换一个标题。"


@pytest.fixture
def taken(org):
    return PlanFactory(organization=org, year=2027, title=TITLE)


def test_create_plan_refuses_a_taken_title(org, taken):
    with pytest.raises(UserInputError) as raised:
        create_plan(org, PlanData(title=TITLE, year=2027), year=2027)
    assert raised.value.message == MESSAGE
    assert Plan.objects.count() == 1


def test_the_forms_say_it_on_the_title(org, taken):
    other = PlanFactory(organization=org, year=2027, title="另一份")
    header = PlanHeaderForm(
        data={"title": TITLE, "year": 2027, "status": "draft", "version": other.version},
        plan=other,
    )
    assert not header.is_valid() and header.errors["title"] == [MESSAGE]
    own = PlanHeaderForm(data={"title": TITLE, "year": 2027, "status": "draft"}, plan=taken)
    assert own.is_valid(), own.errors  # a plan keeps its own title
    create = PlanCreateForm(data={"title": TITLE, "year": 2027}, organization=org)
    assert not create.is_valid() and create.errors["title"] == [MESSAGE]


def test_copying_into_a_taken_title_says_it(chair_client, org, taken):
    source = PlanFactory(organization=org, year=2026, title="2026年工会工作计划")
    response = chair_client.post(
        reverse("plans:create", args=[org.pk]), {"title": "", "year": 2027, "copy_from": source.pk}
    )
    assert MESSAGE in response.text
    assert Plan.objects.count() == 2


def test_the_wizard_and_the_import_say_it(org, taken):
    draft = drafts.build(org, 2027, title=TITLE)
    with pytest.raises(UserInputError) as raised:
        drafts.save(org, draft)
    assert raised.value.message == MESSAGE
    result = parse_bytes(f"{TITLE}\n一、指导思想\n团结职工。\n".encode(), "计划.txt")
    with pytest.raises(UserInputError) as raised:
        import_plans(org, result, year=2027)
    assert raised.value.message == MESSAGE
    assert Plan.objects.count() == 1
