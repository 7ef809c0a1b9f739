"""A federation's statistics: what each branch counts, 入会率 only over the unions that
record their employees, the page, the .xlsx read back by calamine, and who may see them."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.factories import (
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
)
from tests.records.factories import held
from unionplan.orgs.models import Organization
from unionplan.review.statistics import statistics
from unionplan.welfare.models import WelfareEntry


def gift(member, amount, day=dt.date(2027, 9, 10)):
    return WelfareEntry.objects.create(
        organization=member.organization, member=member, kind="festival", date=day,
        amount=Decimal(amount), pack="test", decision="符合规定",
    )  # fmt: skip


def activity(union, year=2027, others=3, members=()):
    plan = PlanFactory(organization=union, year=year)
    record = held(ScheduleItemFactory(plan=plan, month=5), others_count=others)[0]
    record.attendees.add(*members)


@pytest.fixture
def city(db):
    """A city with a district (two schools, one recording its 50 employees) and a factory
    (100 employees), and its own office; welfare, activities and members in each."""
    city = FederationFactory(name="市总工会")
    district = FederationFactory(name="区总工会", parent=city)
    school = OrganizationFactory(name="一小工会", parent=district, employees=50)
    OrganizationFactory(name="二小工会", parent=district)
    factory = OrganizationFactory(
        name="机械厂工会", parent=city, employees=100, sector="enterprise"
    )
    teachers = [MemberFactory(organization=school) for _ in range(4)]
    MemberFactory(organization=school, status="retired", standing="retained")
    MemberFactory(organization=school, standing="withdrawn")  # no longer a member
    workers = [MemberFactory(organization=factory) for _ in range(3)]
    MemberFactory(organization=OrganizationFactory(name="二小工会2", parent=district))
    office = MemberFactory(organization=city)
    activity(school, others=5, members=teachers[:2])
    activity(factory, others=10)
    activity(factory, year=2026, others=99)  # another year
    gift(teachers[0], "300.00")
    gift(workers[0], "200.50")
    gift(workers[1], "100.00", day=dt.date(2026, 12, 31))  # another year
    gift(office, "50.00")
    return city


def by_name(lines):
    return {line.name: line for line in lines}


def test_each_branch_adds_up_its_subtree(city):
    lines, total = statistics(city, 2027)
    rows = by_name(lines)
    assert list(rows) == ["本级（市总工会）", "区总工会", "机械厂工会"]
    district, factory, own = rows["区总工会"], rows["机械厂工会"], rows["本级（市总工会）"]
    assert (district.organizations, district.grassroots) == (4, 3)
    assert (district.members, district.reporting, district.employees) == (6, 1, 50)
    assert district.members_at_work == 4 and district.rate == pytest.approx(0.08)
    assert (district.activities, district.participants) == (1, 7)
    assert (district.welfare_count, district.welfare_amount) == (1, Decimal("300.00"))
    assert (factory.members, factory.members_at_work, factory.employees) == (3, 3, 100)
    assert (factory.activities, factory.participants, factory.welfare_amount) == (1, 10, 200.5)
    assert (own.organizations, own.members, own.welfare_amount) == (0, 1, Decimal("50.00"))
    assert own.rate is None
    assert (total.organizations, total.grassroots, total.members) == (5, 4, 10)
    assert (total.employees, total.members_at_work) == (150, 7)
    assert total.rate == pytest.approx(7 / 150)
    assert (total.activities, total.participants) == (2, 17)
    assert (total.welfare_count, total.welfare_amount) == (3, Decimal("550.50"))


def test_queries_do_not_grow_with_unions(db):
    def queries(federation):
        with CaptureQueriesContext(connection) as captured:
            statistics(federation, 2027)
        return len(captured)

    small, large = FederationFactory(), FederationFactory()
    for federation, count in ((small, 2), (large, 9)):
        for _ in range(count):
            union = OrganizationFactory(parent=federation, employees=10)
            activity(union, members=[MemberFactory(organization=union)])
    assert queries(small) == queries(large) == 6


def xlsx_rows(response):
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    return book.get_sheet_by_index(0).to_python()


def test_the_page_and_the_xlsx_give_the_same_figures(client, city):
    client.force_login(RoleFactory(organization=city, role="staff").user)
    page = client.get(reverse("review:statistics", args=[city.pk, 2027])).content.decode()
    assert "工作统计" in page and "机械厂工会" in page
    assert '<span class="big" id="stat-members">10</span>' in page
    assert '<span class="big" id="stat-rate">4.7%</span>' in page
    assert '<span class="big" id="stat-welfare">550.50</span>' in page
    response = client.get(reverse("review:statistics_xlsx", args=[city.pk, 2027]))
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    rows = xlsx_rows(response)
    assert rows[0][0] == "市总工会2027年度工会工作统计表"
    assert rows[2][:4] == ["工会", "工会组织数", "其中基层工会", "会员人数"]
    by_label = {row[0]: row for row in rows[3:]}
    lines, total = statistics(city, 2027)
    for line in [*lines, total]:
        row = by_label[line.name]
        assert row[1:7] == [line.organizations, line.grassroots, line.members, line.reporting,
                            line.employees, line.members_at_work]  # fmt: skip
        assert (row[7] or None) == (pytest.approx(line.rate) if line.rate else None)
        assert row[8:11] == [line.activities, line.participants, line.welfare_count]
        assert Decimal(str(row[11])) == line.welfare_amount
    assert by_label["合计"][11] == 550.5 and f"{by_label['合计'][7]:.3f}" == "0.047"


def test_the_statistics_are_for_the_federations_chair_and_staff(client, city):
    school_chair = RoleFactory(organization=city.children.get(name="区总工会").children.first())
    client.force_login(school_chair.user)
    for name in ("review:statistics", "review:statistics_xlsx"):
        response = client.get(reverse(name, args=[city.pk, 2027]))
        assert response.status_code == 403
        assert "只有本工会联合会" in response.content.decode()
    client.force_login(RoleFactory(organization=OrganizationFactory()).user)
    assert client.get(reverse("review:statistics", args=[city.pk, 2027])).status_code == 404
    client.force_login(RoleFactory(organization=city, role="chair").user)
    detail = client.get(reverse("orgs:detail", args=[city.pk])).content.decode()
    assert reverse("review:statistics", args=[city.pk, dt.date.today().year]) in detail


def test_campaigns_report_people_households_and_money(client, city):
    """Campaign payments count in the welfare figures and, of them, as campaign people
    (entries), households (members) and money, per branch, on the page and in the .xlsx."""
    from unionplan.welfare.campaign_models import Campaign

    school = Organization.objects.get(name="一小工会")
    teacher = school.members.filter(status="active").first()
    campaign = Campaign.objects.create(
        organization=school, kind="warmth", year=2027, title="2027年送温暖",
        starts_on=dt.date(2027, 1, 10), ends_on=dt.date(2027, 12, 31), scope="全体会员",
        amount=Decimal(400), gift_kind="festival",
    )  # fmt: skip
    for amount in ("400.00", "150.25"):  # the same household twice
        entry = gift(teacher, amount)
        entry.campaign = campaign
        entry.save()
    lines, total = statistics(city, 2027)
    district = by_name(lines)["区总工会"]
    assert (district.campaign_people, district.campaign_households) == (2, 1)
    assert district.campaign_amount == Decimal("550.25")
    assert (total.campaign_people, total.campaign_households) == (2, 1)
    assert by_name(lines)["机械厂工会"].campaign_people == 0
    client.force_login(RoleFactory(organization=city, role="staff").user)
    page = client.get(reverse("review:statistics", args=[city.pk, 2027])).content.decode()
    assert '<span class="big" id="stat-campaigns">550.25</span>' in page
    rows = xlsx_rows(client.get(reverse("review:statistics_xlsx", args=[city.pk, 2027])))
    assert rows[2][12:15] == ["专项慰问人数", "专项慰问户数", "专项慰问金额（元）"]
    assert rows[-1][12:15] == [2, 1, 550.25]
