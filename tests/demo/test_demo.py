import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from unionplan.demo import build, gifts, workflow
from unionplan.funds import books, final_review
from unionplan.funds.models import BudgetApproval, FinalReview, Reimbursement
from unionplan.idcard import parse_id_number
from unionplan.members.models import Child, Member
from unionplan.members.participants import counts_for_items, resolve, resolve_item
from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, ScheduleItem
from unionplan.records.measuring import item_states, progress_for_plan
from unionplan.records.models import ActivityRecord, ExpenseLine
from unionplan.review.board import board
from unionplan.welfare import campaigns, hardship_access
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.hardship_models import DibaoStandard, HardshipFile
from unionplan.welfare.models import WelfareEntry

pytestmark = pytest.mark.django_db


def build_user(username: str):
    return get_user_model().objects.get(username=username)


# The demo is built relative to its day; a fixed day keeps this test the same all year.
TODAY = dt.date(2026, 11, 24)


FEDERATION_ROWS_WITHOUT_A_COUNT = {
    "困难职工家庭当年考入大学的子女",  # who entered university this year is not recorded
    "求职职工、农民工",  # job seekers are not in a union's roster
    "劳动模范、先进集体代表",  # a collective's representatives are not a member standing
    "辖区企业",  # enterprises, with or without a union: the registry has only unions
    "高温一线职工、户外劳动者",  # work in the heat and outdoors is not recorded
    "新任基层工会主席",  # when a chair took office is not recorded
}


def test_demo_holds_unions_members_plans_and_a_year_of_records(client):
    build.build(today=TODAY)
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

    # Rosters: every grassroots union has one, with ID numbers that agree with the row.
    for org in unions.filter(kind="grassroots"):
        assert 50 <= Member.objects.filter(organization=org).count() <= 200, org.name
    members = list(Member.objects.all())
    assert Member.objects.under(federation).count() == len(members)  # org_key right
    for member in members:
        info = parse_id_number(member.id_number, today=TODAY)
        assert (info.birth_date, info.gender) == (member.birth_date, member.gender)
        assert member.birth_month == member.birth_date.month
    assert {"retired", "active"} == {m.status for m in members}
    assert Child.objects.exists()

    # The school's visits find people: 重阳 (70+ retired teachers) and 六一 (children).
    school = Organization.objects.get(name="实验小学工会")
    autumn = dt.date(TODAY.year, 10, 15)
    assert resolve(school, "70周岁以上退休老教师", autumn).count() >= 3
    assert resolve(school, "14周岁以下教职工子女", autumn).count() >= 5
    assert resolve(school, "工会委员", autumn).count() >= 5

    # The federation's plan: a count for every 参加范围 the registry can answer; the rest
    # need records it does not have (who seeks a job, works in the heat …); 困难职工 come
    # from the hardship files.
    city_plan = Plan.objects.get(organization=federation, year=TODAY.year)
    counts = counts_for_items(city_plan, city_plan.items.all())
    unknown = {item.scope for item in city_plan.items.all() if counts[item.pk] is None}
    assert unknown == FEDERATION_ROWS_WITHOUT_A_COUNT
    assert all(counts[item.pk] for item in city_plan.items.all() if item.scope not in unknown)

    # This year's plan: most past activities recorded, some overdue, spending near budget.
    plan = Plan.objects.get(organization=school, year=TODAY.year)
    states = item_states(plan.items.all(), plan.year, on=TODAY)
    done = sum(state == "done" for state in states.values())
    overdue = sum(state == "overdue" for state in states.values())
    assert done >= 20 and 1 <= overdue < done
    visit = plan.items.get(text__contains="重阳")
    record = ActivityRecord.objects.get(item=visit)
    assert set(record.attendees.values_list("pk", flat=True)) == set(
        resolve_item(visit).members.values_list("pk", flat=True)
    )
    assert record.summary and record.place and record.expenses.exists()
    spent = sum(line.amount for line in ExpenseLine.objects.filter(record__item__plan=plan))
    spent += sum(e.amount for e in WelfareEntry.objects.filter(schedule_item__plan=plan))
    budget = sum(item.budget or 0 for item in plan.items.filter(records__isnull=False).distinct())
    assert budget * 3 / 4 < spent < budget * 11 / 10
    progress = progress_for_plan(plan, on=TODAY).values()
    assert any(p.source == "records" and p.current for p in progress)
    assert any(p.source == "manual" for p in progress)
    assert any(p.source == "attendance" and p.current for p in progress)

    # The pages the demo is for.
    client.force_login(federation.roles.get(role="chair").user)
    assert client.get(reverse("dashboard:org", args=[federation.pk])).status_code == 200
    client.force_login(school.roles.get(role="chair").user)
    assert client.get(reverse("dashboard:org", args=[school.pk])).status_code == 200
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    participants = reverse("members:participants", args=[visit.pk])
    assert record.attendees.first().name in client.get(participants).content.decode()


def test_demo_command_prints_the_accounts_and_a_second_run_keeps_existing_data(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert build.DEMO_PASSWORD in out and build.AUDITOR_USER in out
    plan = Plan.objects.filter(organization__sector="school").first()
    plan.title = "我改过的标题"
    plan.save()
    counts = Plan.objects.count(), Member.objects.count(), ActivityRecord.objects.count()
    call_command("demo")
    assert (Plan.objects.count(), Member.objects.count(), ActivityRecord.objects.count()) == counts
    assert Plan.objects.filter(title="我改过的标题").exists()
    assert "保持不变" in capsys.readouterr().out


def test_demo_plans_went_through_the_review_with_their_budgets_and_claims(client):
    build.build(today=TODAY)
    federation = Organization.objects.get(name=build.FEDERATION)
    demo = federation.roles.get(role="chair").user
    this_year = Plan.objects.filter(year=TODAY.year)
    states = {plan.organization.name: plan.status for plan in this_year}
    assert states.pop(workflow.RETURNED_UNION) == "returned"
    assert states.pop(workflow.WAITING_UNION) == "submitted"
    assert set(states.values()) == {"approved"}
    assert set(Plan.objects.filter(year=TODAY.year + 1).values_list("status", flat=True)) == {
        "draft"
    }
    # Each step by whom the rules want: the union's chair submits, the federation's approves.
    for plan in this_year.select_related("organization"):
        submitted = plan.steps.get(state="submitted")
        assert submitted.user.union_roles.get().organization == plan.organization
        decided = plan.steps.exclude(state="submitted")
        assert all(step.user == demo for step in decided)
    returned = this_year.get(status="returned")
    assert returned.steps.get(state="returned").comment == workflow.RETURN_COMMENT
    top = this_year.get(organization=federation).steps.get(state="approved")
    assert top.meeting_date == dt.date(TODAY.year, 1, 16)
    # Every union keeps its finance settings: each budget balances, 会费 from its roster.
    for plan in this_year:
        budget = books.plan_budget(plan)
        assert budget.balance.ok, (plan.organization.name, budget.balance.message)
    school_plan = this_year.get(organization__name=gifts.SCHOOL)
    dues = books.plan_budget(school_plan).income[0]
    members = Member.objects.filter(organization=school_plan.organization).count()
    assert (dues.line.name, dues.amount) == ("会费收入", members * 110000 * Decimal("0.005"))
    # Budgets approved with the plans, by the federation's chair; none for the others.
    approvals = BudgetApproval.objects.filter(year=TODAY.year)
    assert {a.plan_id for a in approvals} == set(
        this_year.filter(status="approved").values_list("pk", flat=True)
    )
    assert all(a.approved_by == demo and a.amounts for a in approvals)
    # Only approved plans are carried out.
    assert not ActivityRecord.objects.filter(item__plan__status__in=["returned", "submitted"])
    # The school's claims: one paid (approved by the chair, not by who entered it), one waiting.
    school = Organization.objects.get(name="实验小学工会")
    claims = {c.state: c for c in Reimbursement.objects.filter(organization=school)}
    assert set(claims) == {"paid", "submitted"}
    assert claims["paid"].approver == school.roles.get(role="chair").user
    assert claims["paid"].created_by != claims["paid"].approver
    # The 决算 is left for the school's 经费审查委员 to sign.
    auditor = school.roles.get(role="auditor").user
    assert auditor.username == build.AUDITOR_USER and auditor.check_password(build.DEMO_PASSWORD)
    assert not FinalReview.objects.exists()
    assert final_review.may_review(auditor, school)
    client.force_login(auditor)
    final = client.get(reverse("funds:final_review", args=[school.pk, TODAY.year]))
    assert final.status_code == 200 and "未经审查" in final.content.decode()

    counts = board(federation, TODAY.year, TODAY).counts
    assert counts["approved"] == 6 and counts["returned"] == counts["submitted"] == 1
    client.force_login(demo)
    page = client.get(reverse("review:board", args=[federation.pk, TODAY.year]))
    assert workflow.RETURNED_UNION in page.content.decode()


def test_demo_welfare_register_campaign_and_hardship_files_of_the_school(client):
    build.build(today=TODAY)
    school = Organization.objects.get(name=gifts.SCHOOL)
    chair = school.roles.get(role="chair").user
    entries = WelfareEntry.objects.filter(organization=school)
    kinds = Counter(entries.values_list("kind", flat=True))
    active = Member.objects.filter(organization=school, status="active")
    # 中秋 to every active member, on the plan's 中秋 activity, whose record spends nothing
    assert kinds["festival"] == active.count()
    mid_autumn = ScheduleItem.objects.get(plan__organization=school, plan__year=TODAY.year,
                                          text__contains=gifts.GIFT_WORDS[0])  # fmt: skip
    assert entries.filter(kind="festival", schedule_item=mid_autumn).count() == active.count()
    assert ActivityRecord.objects.filter(item=mid_autumn).exists()
    assert not ExpenseLine.objects.filter(record__item=mid_autumn).exists()
    assert kinds["birthday"] == active.filter(birth_month=TODAY.month).count() > 0
    # Two visits recorded; the third (same illness, past the year's cap) was refused, not kept.
    assert kinds["hospital"] == 2
    assert not entries.filter(kind="hospital", amount=Decimal(gifts.VISITS[2].amount)).exists()
    assert all(e.within_rules and not e.override_reason for e in entries)
    assert {e.pack for e in entries.exclude(kind="hardship")} == {"anhui-2025"}
    assert all(e.created_by == chair for e in entries)

    # 送温暖 for next 春节, its list from the roster, nobody paid yet.
    campaign = Campaign.objects.get(organization=school, kind="warmth")
    assert (campaign.kind, campaign.year, campaign.occasion) == ("warmth", TODAY.year + 1, "春节")
    assert campaigns.recipients(campaign).count() == active.count()
    assert campaigns.totals(campaign).people == 0

    # Hardship files: one in 公示, one aided (生活救助 and 助学), one 脱困; reviewed twice.
    files = {f.state if f.state != "approved" or f.aids.exists() else "publicity": f
             for f in HardshipFile.objects.filter(organization=school)}  # fmt: skip
    assert set(files) == {"publicity", "approved", "exited"}
    assert files["publicity"].publicity_end > TODAY
    assert set(files["approved"].aids.values_list("kind", flat=True)) == {"living", "schooling"}
    # 金秋助学 of this year from the hardship files: the aided household paid, the other waits.
    schooling = Campaign.objects.get(organization=school, kind="schooling", year=TODAY.year)
    assert set(campaigns.recipients(schooling)) == {files["approved"].member,
                                                     files["publicity"].member}  # fmt: skip
    paid = WelfareEntry.objects.get(campaign=schooling)
    assert (paid.member, paid.kind) == (files["approved"].member, "hardship")
    assert files["exited"].exit_reason and files["exited"].exit_date < TODAY
    assert all(f.federation_reviewed_by == build_user(build.DEMO_USER) for f in files.values())
    assert DibaoStandard.objects.filter(city=gifts.CITY, year=TODAY.year).exists()
    assert hardship_access.may_see(chair, school)

    client.force_login(chair)
    for url in (
        reverse("welfare:register", args=[school.pk]),
        reverse("welfare:campaign", args=[campaign.pk]),
        reverse("welfare:hardship_file", args=[files["approved"].pk]),
    ):
        assert client.get(url).status_code == 200, url
