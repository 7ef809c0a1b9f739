"""Build the demo: a city federation, unions of every sector under it, a plan for each.

Plans come from the same paths a user takes: the draft generator (this year and next) and
the import of ``seed.txt`` (three real plans from the web, as last year's plans). Running it
twice changes nothing: the demo is built only when its federation does not exist yet.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from unionplan.generator import generate_plan
from unionplan.imports.saving import save_plans
from unionplan.orgs.models import Organization, Role
from unionplan.plans.convert import create_plan
from unionplan.text import parse_path

FEDERATION = "示例市总工会"
DEMO_USER, DEMO_PASSWORD = "demo", "demo-2026"
SCHOOL_USER = "xiaoxue"
SEED = Path(__file__).with_name("seed.txt")


@dataclass(frozen=True)
class DemoUnion:
    name: str
    kind: str
    sector: str
    parent: str | None


UNIONS = [
    DemoUnion(FEDERATION, "federation", "federation", None),
    DemoUnion("示例区教育工会", "federation", "school", FEDERATION),
    DemoUnion("实验小学工会", "grassroots", "school", "示例区教育工会"),
    DemoUnion("第一中学工会", "grassroots", "school", "示例区教育工会"),
    DemoUnion("市第一人民医院工会", "grassroots", "hospital", FEDERATION),
    DemoUnion("华兴机械有限公司工会", "grassroots", "enterprise", FEDERATION),
    DemoUnion("市民政局机关工会", "grassroots", "agency", FEDERATION),
    DemoUnion("东湖街道总工会", "federation", "community", FEDERATION),
]
# Which union each of seed.txt's three plans belongs to (篇一 street, 篇二 city, 篇三 school).
SEED_OWNERS = ["东湖街道总工会", "示例市总工会", "实验小学工会"]


def demo_exists() -> bool:
    return Organization.objects.filter(name=FEDERATION, parent__isnull=True).exists()


@transaction.atomic
def build(today: dt.date | None = None) -> dict[str, Organization]:
    today = today or dt.date.today()
    orgs: dict[str, Organization] = {}
    for union in UNIONS:
        orgs[union.name] = Organization.objects.create(
            name=union.name,
            kind=union.kind,
            sector=union.sector,
            parent=orgs.get(union.parent) if union.parent else None,
            province="江苏省",
        )
    _users(orgs)
    for union in UNIONS:
        for year, status in ((today.year, "approved"), (today.year + 1, "draft")):
            data = generate_plan(union.sector, year, organization=union.name)
            data.status = status
            create_plan(orgs[union.name], data, year=year)
    _import_seed(orgs, year=today.year - 1)
    return orgs


def _users(orgs: dict[str, Organization]) -> None:
    User = get_user_model()
    demo = User.objects.create_user(DEMO_USER, password=DEMO_PASSWORD, first_name="演示用户")
    demo.is_staff = demo.is_superuser = False
    demo.save()
    Role.objects.create(user=demo, organization=orgs[FEDERATION], role="chair")
    teacher = User.objects.create_user(SCHOOL_USER, password=DEMO_PASSWORD, first_name="王老师")
    Role.objects.create(user=teacher, organization=orgs["实验小学工会"], role="chair")


def _import_seed(orgs: dict[str, Organization], *, year: int) -> None:
    result = parse_path(SEED, simplified=True)
    for index, owner in enumerate(SEED_OWNERS[: len(result.plans)]):
        save_plans(orgs[owner], [result.plan_data(index)], year=year)
