"""Build the demo: a city federation, unions of every sector under it, a plan for each.

Plans come from the same paths a user takes: the draft generator (this year and next) and
the import of ``seed.txt`` (three real plans from the web, as last year's plans). Each
grassroots union gets a roster (``people``) through the roster import's writer, and this
year's approved plans get their year so far (``activity``): targets measured, activities
recorded with attendees and spending, a few overdue, cancelled or postponed. This year's
plans go through the review first (``workflow``): submitted by each union's chair, approved
by the federation's with their budgets, one returned, one waiting. Everything
random is seeded, so a demo built on the same day is the same demo. Running it twice
changes nothing: the demo is built only when its federation does not exist yet.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from unionplan.demo import activity, finance, gifts, workflow
from unionplan.generator import generate_plan
from unionplan.imports.saving import import_plans
from unionplan.members import importing
from unionplan.orgs.models import Organization, Role
from unionplan.plans.convert import create_plan
from unionplan.plans.models import Plan
from unionplan.roster import RosterReport
from unionplan.roster import synthetic as people
from unionplan.text import parse_path

FEDERATION = "示例市总工会"
DEMO_USER, DEMO_PASSWORD = "demo", "demo-2026"
SCHOOL_USER = "xiaoxue"
# 实验小学工会's 经费审查委员会 member: signs off (or not) the school's 决算.
AUDITOR_USER = "jingshen"
# The chairs of the other unions, who submit their plans; they have no demo password.
CHAIRS = {
    "示例区教育工会": ("jiaoyu", "周主席"),
    "第一中学工会": ("yizhong", "孙主席"),
    "市第一人民医院工会": ("yiyuan", "吴主席"),
    "华兴机械有限公司工会": ("huaxing", "郑主席"),
    "市民政局机关工会": ("minzheng", "冯主席"),
    "东湖街道总工会": ("donghu", "陈主席"),
    "东湖街道明珠社区联合工会": ("mingzhu", "褚主席"),
}
SCHOOL_CLERK = ("xiaoxue-kuaiji", "张会计")  # enters the school's reimbursements
SEED = Path(__file__).with_name("seed.txt")
RANDOM_SEED = 2026
# A province with a rule pack (unionplan/fundrules/packs/): the register is checked against it.
PROVINCE = "安徽省"


@dataclass(frozen=True)
class DemoUnion:
    name: str
    kind: str
    sector: str
    parent: str | None
    members: int = 0  # the size of its roster (a federation's: its own office staff)
    profile: people.Profile | None = None


UNIONS = [
    # the federation's own office staff (机关): 总工会机关干部, 总工会委员
    DemoUnion(FEDERATION, "federation", "federation", None, 24, people.FEDERATION_OFFICE),
    DemoUnion("示例区教育工会", "federation", "school", FEDERATION),
    DemoUnion("实验小学工会", "grassroots", "school", "示例区教育工会", 86, people.PRIMARY),
    DemoUnion("第一中学工会", "grassroots", "school", "示例区教育工会", 142, people.MIDDLE),
    DemoUnion("市第一人民医院工会", "grassroots", "hospital", FEDERATION, 196, people.HOSPITAL),
    DemoUnion(
        "华兴机械有限公司工会", "grassroots", "enterprise", FEDERATION, 168, people.ENTERPRISE
    ),
    DemoUnion("市民政局机关工会", "grassroots", "agency", FEDERATION, 64, people.AGENCY),
    DemoUnion("东湖街道总工会", "federation", "community", FEDERATION),
    DemoUnion(
        "东湖街道明珠社区联合工会",
        "grassroots",
        "community",
        "东湖街道总工会",
        58,
        people.COMMUNITY,
    ),
]
ROSTER_COLUMNS = ("name", "gender", "birth_date", "id_number", "phone", "department", "post",
                  "status", "joined_on", "hired_on", "tags", "children")  # fmt: skip
# Which union each of seed.txt's three plans belongs to (篇一 street, 篇二 city, 篇三 school).
SEED_OWNERS = ["东湖街道总工会", "示例市总工会", "实验小学工会"]


def demo_exists() -> bool:
    return Organization.objects.filter(name=FEDERATION, parent__isnull=True).exists()


@transaction.atomic
def build(today: dt.date | None = None) -> dict[str, Organization]:
    today = today or timezone.localdate()
    orgs: dict[str, Organization] = {}
    for union in UNIONS:
        orgs[union.name] = Organization.objects.create(
            name=union.name,
            kind=union.kind,
            sector=union.sector,
            parent=orgs.get(union.parent) if union.parent else None,
            province=PROVINCE,
            # A grassroots union's workplace has a few people who have not joined (入会率).
            employees=union.members + union.members // 12 if union.kind == "grassroots" else None,
        )
    users = _users(orgs)
    chairs = {**_chairs(orgs), **users}
    _members(orgs, today)
    current = []
    for union in UNIONS:
        org = orgs[union.name]
        reach = activity.reach_target(union.sector, union.members)
        for year in (today.year, today.year + 1):
            data = generate_plan(union.sector, year, organization=union.name)
            data.status = "draft"
            activity.add_targets(data, reach)
            plan = create_plan(org, data, year=year)
            if year == today.year:
                current.append(plan)
    finance.set_finance_years(current, {orgs[u.name].pk: u.members for u in UNIONS})
    approved = workflow.review_year(current, chairs, users[None], today)
    last_year = _import_seed(orgs, year=today.year - 1)
    for plan in current:
        user = users.get(plan.organization_id, users[None])
        activity.measure_targets(plan, today, user)
    # The plans approved are carried out; the returned and the waiting one are not yet.
    activity.record_year(approved, today, RANDOM_SEED, users, gifts.gives_in_register)
    school = orgs[gifts.SCHOOL]
    chair = users[school.pk]
    workflow.reimburse(school, _clerk(school), chair, today)
    gifts.register(school, chair, today)
    gifts.warmth_campaign(school, chair, today)
    gifts.hardship_files(school, chair, users[None], today)
    # Last year's plans were carried out: approved, and recorded by the spring after.
    Plan.objects.filter(pk__in=[p.pk for p in last_year]).update(status="approved")
    activity.record_year(last_year, dt.date(today.year, 3, 1), RANDOM_SEED + 1, users)
    return orgs


def _members(orgs: dict[str, Organization], today: dt.date) -> None:
    """A roster for every grassroots union and the federation's office, written by the
    roster import."""
    drawer = people.People(RANDOM_SEED, today)
    columns = {name: name for name in ROSTER_COLUMNS}
    # grassroots unions first, so the federation's office (added later) left their rosters
    # as they were
    for union in sorted(UNIONS, key=lambda union: union.kind == "federation"):
        if not union.members:
            continue
        rows = drawer.roster(union.profile, union.members)
        report = RosterReport("演示名册.xlsx", "会员名册", 1, columns, rows=rows)
        importing.apply(orgs[union.name], importing.ImportPreview(report=report, rows=rows))


def _users(orgs: dict[str, Organization]) -> dict:
    """The demo accounts: {organization id: its chair, None: the federation's chair}."""
    User = get_user_model()
    demo = User.objects.create_user(DEMO_USER, password=DEMO_PASSWORD, first_name="演示用户")
    demo.is_staff = demo.is_superuser = False
    demo.save()
    Role.objects.create(user=demo, organization=orgs[FEDERATION], role="chair")
    school = orgs["实验小学工会"]
    # The same password: its hash (salt included) is copied, as hashing takes most of a second.
    teacher = User.objects.create_user(SCHOOL_USER, first_name="王老师")
    auditor = User.objects.create_user(AUDITOR_USER, first_name="赵老师")
    User.objects.filter(pk__in=[teacher.pk, auditor.pk]).update(password=demo.password)
    Role.objects.create(user=teacher, organization=school, role="chair")
    Role.objects.create(user=auditor, organization=school, role="auditor")
    return {None: demo, orgs[FEDERATION].pk: demo, school.pk: teacher}


def _chairs(orgs: dict[str, Organization]) -> dict:
    """{organization id: its chair} for the unions without a demo login (no password: the
    hash is what costs time, and nobody logs in as them)."""
    User = get_user_model()
    chairs = {}
    for name, (username, person) in CHAIRS.items():
        user = User.objects.create_user(username, first_name=person)
        Role.objects.create(user=user, organization=orgs[name], role="chair")
        chairs[orgs[name].pk] = user
    return chairs


def _clerk(org: Organization):
    username, person = SCHOOL_CLERK
    clerk = get_user_model().objects.create_user(username, first_name=person)
    Role.objects.create(user=clerk, organization=org, role="staff")
    return clerk


def _import_seed(orgs: dict[str, Organization], *, year: int) -> list[Plan]:
    result = parse_path(SEED, simplified=True)
    plans = []
    for index, owner in enumerate(SEED_OWNERS[: len(result.plans)]):
        plans += import_plans(orgs[owner], result, year=year, titles={index: ""})
    return plans
