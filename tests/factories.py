"""factory_boy factories: each test builds just the rows it needs."""

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from unionplan.orgs.models import Organization, Role
from unionplan.plans.models import Plan, ScheduleItem, Section, Target

PASSWORD = "unionplan-test-pw"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"第{n}基层工会")
    kind = "grassroots"
    sector = "school"


class FederationFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"第{n}区总工会")
    kind = "federation"
    sector = "federation"


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "chair"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    organization = factory.SubFactory(OrganizationFactory)
    year = 2027
    title = factory.Sequence(lambda n: f"2027年工会工作计划（{n}）")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"第{n}部分")
    body = "围绕中心，服务大局。"
    order = factory.Sequence(int)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    text = "全年不少于4次集中培训"
    comparator = ">="
    value = Decimal(4)
    unit = "次"


class ScheduleItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScheduleItem

    plan = factory.SubFactory(PlanFactory)
    month = 3
    text = factory.Sequence(lambda n: f"活动{n}")
    scope = "全体教职工"
    owner = "工会主席"
    budget = Decimal("500.00")
    order = factory.Sequence(int)


def dated_item(plan, day: dt.date, **kwargs) -> ScheduleItem:
    return ScheduleItemFactory(plan=plan, month=day.month, date=day, **kwargs)


# --- members (issue 5) ---------------------------------------------------------------------

from unionplan.idcard import generate_id_number  # noqa: E402
from unionplan.members.models import Child, ExportLog, Member, MemberTag, Tag  # noqa: E402


class MemberFactory(factory.django.DjangoModelFactory):
    """A member with a valid ID number that agrees with the birth date and gender."""

    class Meta:
        model = Member

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"会员{n}")
    gender = "female"
    birth_date = dt.date(1975, 3, 8)
    id_number = factory.LazyAttributeSequence(
        lambda m, n: generate_id_number(
            m.birth_date or dt.date(1980, 1, 1),
            m.gender or "male",
            region=str(110101 + n // 500),
            sequence=n % 500,
        )
    )
    phone = "13812345678"
    department = "语文组"
    post = "教师"
    status = "active"


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["name"]

    name = "劳模"


def tag_member(member: Member, *names: str) -> None:
    for name in names:
        MemberTag.objects.get_or_create(member=member, tag=TagFactory(name=name))


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"子女{n}")
    birth_date = dt.date(2015, 6, 1)


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    username = "user"
    what = "会员名册"
    rows = 1
    masked = True


# --- agenda (issue 4) ------------------------------------------------------------------

from unionplan.agenda.models import CalendarFeed  # noqa: E402


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    organization = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory)


# --- hardship files (issue 14) ----------------------------------------------------------

from unionplan.welfare.hardship_models import DibaoStandard  # noqa: E402


class DibaoStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DibaoStandard
        django_get_or_create = ("city", "year")

    city = "合肥市"
    year = 2025
    monthly = Decimal(800)
    document = "合民〔2025〕1号"


def hardship_file(member, *, income="20000", costs="0", size=3, year=2025, **facts):
    """A saved file of ``member``'s household: the worker with all the figures, and others."""
    from unionplan.fundrules.hardship import Person
    from unionplan.welfare import hardship_services

    DibaoStandardFactory(year=year)
    people = [Person("本人", Decimal(income), Decimal(costs), member.name)]
    people += [Person("配偶" if n == 0 else "子女") for n in range(size - 1)]
    return hardship_services.save_file(
        member.organization, member, hardship_services.Facts("合肥市", year, **facts), people, None
    )
