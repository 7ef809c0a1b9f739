"""Each step of the review also goes by mail, with a link to the page, once it is stored;
the notifications log what was mailed; a mail that fails leaves the step as it is."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from unionplan.plans.models import Plan
from unionplan.review import services
from unionplan.review.models import Notification, PlanStep


@pytest.fixture
def mailed(tree):
    """The school's chair, the district's chair and the city's chair have addresses; the
    district's staff member has none."""
    for user, address in [
        (tree.school_chair, "xiaoxue@example.org"),
        (tree.district_chair, "quzong@example.org"),
        (tree.city_chair, "shizong@example.org"),
    ]:
        user.email = address
        user.save()
    return tree


def plan_url(plan) -> str:
    return reverse("plans:detail", args=[plan.pk])


def test_a_submission_is_mailed_to_each_reviewer_with_an_address(
    mailed, school_plan, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL = "https://gh.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(school_plan, mailed.school_chair, "请审批")
    assert sorted(m.to[0] for m in mail.outbox) == ["quzong@example.org", "shizong@example.org"]
    message = mail.outbox[0]
    assert message.subject == "【计划待审批】实验小学工会提交了《2027年工会工作计划》，请审批。"
    assert f"https://gh.example.org{plan_url(school_plan)}" in message.body
    assert "您好" in message.body
    notes = Notification.objects.filter(step__state="submitted")
    assert notes.count() == 3  # the staff member without an address has it in the inbox
    staff = notes.get(user=mailed.district_staff)
    assert (staff.mail_to, staff.mailed_at) == ("", None)
    chair = notes.get(user=mailed.district_chair)
    assert chair.mail_to == "quzong@example.org" and chair.mailed_at is not None
    assert chair.mail_subject == message.subject and chair.link == plan_url(school_plan)


def test_nothing_is_mailed_before_the_step_is_stored(
    mailed, school_plan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit(school_plan, mailed.school_chair)
    assert mail.outbox == [] and len(callbacks) == 1


def test_return_and_approval_are_mailed_to_the_union(
    mailed, school_plan, django_capture_on_commit_callbacks
):
    services.submit(school_plan, mailed.school_chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.review(school_plan, mailed.district_chair, approve=False, comment="请补充经费")
    (returned,) = mail.outbox
    assert returned.to == ["xiaoxue@example.org"]
    assert returned.subject == "【计划被退回】《2027年工会工作计划》被退回：请补充经费"
    assert "请补充经费" in returned.body
    services.submit(school_plan, mailed.school_chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.review(school_plan, mailed.district_staff, approve=True)
    assert mail.outbox[-1].subject == "【计划已通过】《2027年工会工作计划》已通过"
    assert mail.outbox[-1].to == ["xiaoxue@example.org"]


def test_a_failed_mail_is_logged_and_the_step_stands(
    mailed, school_plan, django_capture_on_commit_callbacks
):
    services.submit(school_plan, mailed.school_chair)
    refused = smtplib.SMTPRecipientsRefused({"xiaoxue@example.org": (550, b"no such user")})
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=refused),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.review(school_plan, mailed.district_chair, approve=True)
    assert Plan.objects.get(pk=school_plan.pk).status == "approved"
    assert PlanStep.objects.filter(plan=school_plan, state="approved").exists()
    note = Notification.objects.get(step__state="approved", user=mailed.school_chair)
    assert note.mailed_at is None and "SMTPRecipientsRefused" in note.mail_error
    assert note.mail_to == "xiaoxue@example.org"


def test_a_page_links_to_the_address_it_was_reached_at(
    client, mailed, school_plan, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_URL = ""
    client.force_login(mailed.school_chair)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("review:submit", args=[school_plan.pk]), {"comment": ""})
    assert f"http://testserver{plan_url(school_plan)}" in mail.outbox[0].body


def test_the_command_line_mails_too(mailed, school_plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("plan_submit", str(school_plan.pk), "--user", mailed.school_chair.username)
    assert len(mail.outbox) == 2


def test_a_revision_is_mailed_to_the_reviewers(
    mailed, school_plan, django_capture_on_commit_callbacks
):
    services.submit(school_plan, mailed.school_chair)
    services.review(school_plan, mailed.district_chair, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.adjust(school_plan, mailed.school_chair, "增加一次职工运动会")
    subjects = {m.subject for m in mail.outbox}
    assert subjects == {
        "【计划申请调整】实验小学工会申请调整《2027年工会工作计划》：增加一次职工运动会"
    }
    assert reverse("review:revision", args=[school_plan.pk, 1]) in mail.outbox[0].body


def test_the_log_is_read_only_in_the_admin(admin_client, mailed, school_plan):
    services.submit(school_plan, mailed.school_chair)
    response = admin_client.get(reverse("admin:review_notification_changelist"))
    assert "实验小学工会提交了" in response.content.decode()
    note = Notification.objects.first()
    url = reverse("admin:review_notification_change", args=[note.pk])
    admin_client.post(url, {"text": "改过"})
    assert Notification.objects.get(pk=note.pk).text == note.text
