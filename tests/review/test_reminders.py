"""Submission reminders: the federation's date, who is reminded (in the inbox and by mail),
the sent-log that makes a second round send nothing, the command and the board's form."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.cli import in_process_runner
from tests.factories import OrganizationFactory, PlanFactory, RoleFactory
from unionplan.review import reminders, services
from unionplan.review.models import Notification, SubmissionDeadline, SubmissionReminder

DUE = dt.date(2027, 1, 31)
SOON = dt.date(2027, 1, 26)
LATE = dt.date(2027, 2, 3)


@pytest.fixture
def unions(tree, school_plan):
    """Below the district: the school (a draft; its chair has mail), a union that has
    submitted, one without a plan (its chair has no mail) and one with nobody to remind."""
    tree.school_chair.email = "xiaoxue@example.org"
    tree.school_chair.save()
    sent_up = OrganizationFactory(name="已报工会", parent=tree.district)
    plan = PlanFactory(organization=sent_up, year=2027, status="submitted")
    no_plan = OrganizationFactory(name="无计划工会", parent=tree.district)
    no_plan_chair = RoleFactory(organization=no_plan, role="chair").user
    RoleFactory(organization=sent_up, role="chair")
    OrganizationFactory(name="无主席工会", parent=tree.district)
    deadline = SubmissionDeadline.objects.create(
        organization=tree.district, year=2027, due_date=DUE, set_by=tree.district_chair
    )
    tree.deadline, tree.no_plan, tree.no_plan_chair, tree.sent_up_plan = (
        deadline, no_plan, no_plan_chair, plan
    )  # fmt: skip
    return tree


def send(today):
    round_ = reminders.collect(today)
    return round_, reminders.send(round_)


def test_a_week_before_the_date_each_union_without_a_submitted_plan_is_reminded(unions):
    assert send(dt.date(2027, 1, 20))[1] == (0, 0)  # more than a week ahead
    round_, (notified, mailed) = send(SOON)
    assert (notified, mailed) == (2, 1)
    assert round_.problems == ["无主席工会没有工会主席账号，无人可提醒提交计划。"]
    school_note = Notification.objects.get(user=unions.school_chair)
    assert school_note.step is None
    assert school_note.link == reverse("plans:detail", args=[unions.school.plans.get().pk])
    assert "区总工会要求于2027年01月31日前提交2027年度工作计划" in school_note.text
    other = Notification.objects.get(user=unions.no_plan_chair)
    assert other.link == reverse("orgs:detail", args=[unions.no_plan.pk])
    assert [m.to for m in mail.outbox] == [["xiaoxue@example.org"]]
    assert "报送即将截止" in mail.outbox[0].subject and "草稿" in mail.outbox[0].body
    assert SubmissionReminder.objects.filter(stage="soon").count() == 2


def test_a_second_round_sends_nothing_twice_and_the_overdue_stage_once(unions):
    send(SOON)
    round_, sent = send(SOON)
    assert sent == (0, 0) and round_.already_sent == 2
    assert Notification.objects.count() == 2 and len(mail.outbox) == 1
    assert send(LATE)[1] == (2, 1)
    assert "报送已逾期" in mail.outbox[-1].subject
    assert send(LATE)[1] == (0, 0)
    assert SubmissionReminder.objects.count() == 4


def test_submitting_stops_the_reminders_and_a_new_date_reminds_again(unions, school_plan):
    send(SOON)
    services.submit(school_plan, unions.school_chair)
    unions.deadline.due_date = dt.date(2027, 2, 28)
    unions.deadline.save()
    round_, sent = send(dt.date(2027, 2, 25))
    assert sent == (1, 0)
    assert [r.union.name for r in round_.reminders] == ["无计划工会"]


def test_a_claim_already_in_the_log_is_left_out(unions):
    """Two rounds at once: the second one's claim fails on the sent-log, nothing is sent."""
    first, second = reminders.collect(SOON), reminders.collect(SOON)
    reminders.send(first)
    assert reminders.send(second) == (0, 0) and second.already_sent == 2
    assert Notification.objects.count() == 2


def test_the_command_reminds_and_refuses_bad_input(unions, capsys, monkeypatch):
    run = in_process_runner("unionplan.review", capsys, monkeypatch)
    code, out, err = run("plan_remind", "--date", SOON.isoformat())
    assert code == 0 and "已提醒2人（其中1封邮件）" in out
    assert "无主席工会没有工会主席账号" in err
    code, out, _err = run("plan_remind", "--date", SOON.isoformat())
    assert "已提醒0人" in out and "2人此前已提醒过" in out
    code, _out, err = run("plan_remind", "--date", "2027-02-30")
    assert code == 2 and "不是有效日期" in err
    code, _out, err = run("plan_remind", "--federation", str(unions.school.pk))
    assert code == 2 and "没有编号为" in err


def test_the_board_sets_the_date_and_saving_it_unchanged_changes_nothing(client, unions):
    client.force_login(unions.district_staff)
    board = reverse("review:board", args=[unions.district.pk, 2027])
    page = client.get(board).content.decode()
    assert 'name="due_date"' in page and 'value="2027-01-31"' in page
    assert "报送截止日期：2027-01-31" in page
    before = SubmissionDeadline.objects.get()
    url = reverse("review:deadline", args=[unions.district.pk, 2027])
    response = client.post(url, {"due_date": "2027-01-31"}, follow=True)
    assert "报送截止日期没有变化" in response.content.decode()
    after = SubmissionDeadline.objects.get()
    assert (after.due_date, after.updated_at, after.set_by) == (
        before.due_date, before.updated_at, before.set_by
    )  # fmt: skip
    client.post(url, {"due_date": "2027-02-15"})
    assert SubmissionDeadline.objects.get().due_date == dt.date(2027, 2, 15)
    response = client.post(url, {"due_date": "2030-01-01"}, follow=True)
    assert "2027年度计划的报送截止日期应在2026年或2027年内" in response.content.decode()
    assert SubmissionDeadline.objects.get().due_date == dt.date(2027, 2, 15)
    client.post(url, {"due_date": ""})
    assert not SubmissionDeadline.objects.exists()


def test_only_the_federations_chair_or_staff_sets_the_date_or_reminds(client, unions):
    url = reverse("review:deadline", args=[unions.district.pk, 2027])
    client.force_login(unions.school_chair)
    response = client.post(url, {"due_date": "2027-03-01"})
    assert response.status_code == 403 and "只有本工会联合会" in response.content.decode()
    assert SubmissionDeadline.objects.get().due_date == DUE
    remind = reverse("review:remind", args=[unions.district.pk, 2027])
    assert client.post(remind).status_code == 403
    assert client.get(url).status_code == 405
    assert not Notification.objects.exists()


def test_the_boards_button_reminds_and_the_inbox_links_to_the_page(client, unions, monkeypatch):
    monkeypatch.setattr("unionplan.review.views.timezone.localdate", lambda: SOON)
    client.force_login(unions.district_chair)
    remind = reverse("review:remind", args=[unions.district.pk, 2027])
    response = client.post(remind, follow=True)
    assert "已提醒2人（其中1封邮件）" in response.content.decode()
    client.force_login(unions.no_plan_chair)
    inbox = client.get(reverse("review:inbox")).content.decode()
    assert reverse("orgs:detail", args=[unions.no_plan.pk]) in inbox and "尚未提交" in inbox
