import pytest
from django.core.management import call_command

from unionplan.core.demo import build
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_builds_unions_of_several_sectors_each_with_a_complete_plan(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert build.DEMO_PASSWORD in out
    federation = Organization.objects.get(name=build.FEDERATION)
    unions = Organization.objects.subtree_of(federation)
    assert {"school", "hospital", "enterprise", "agency", "community"} <= set(
        unions.values_list("sector", flat=True)
    )
    for org in unions:
        plan = Plan.objects.filter(organization=org).order_by("-year").first()
        assert plan.sections.exists() and plan.items.exists(), org.name
    # seed.txt's three plans, imported through the parser, as last year's plans
    assert Plan.objects.filter(title__contains="篇三", organization__sector="school").exists()
    assert Plan.objects.filter(title__contains="篇").count() == 3


def test_second_run_keeps_existing_data(capsys):
    call_command("demo")
    plan = Plan.objects.filter(organization__sector="school").first()
    plan.title = "我改过的标题"
    plan.save()
    count = Plan.objects.count()
    call_command("demo")
    assert Plan.objects.count() == count
    assert Plan.objects.filter(title="我改过的标题").exists()
    assert "保持不变" in capsys.readouterr().out
