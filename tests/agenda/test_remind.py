"""``unionplan remind``: one digest per owner, the chair gets what no one else can own."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganizationFactory, PlanFactory, RoleFactory, UserFactory, dated_item
from unionplan.agenda.reminders import names_of, owners_of
from unionplan.jobs.models import Job

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def union():
    org = OrganizationFactory(name="实验中学工会")
    chair = UserFactory(
        username="chair", email="chair@example.org", last_name="王", first_name="芳"
    )
    women = UserFactory(username="liuli", email="liu@example.org", last_name="刘", first_name="丽")
    RoleFactory(user=chair, organization=org, role="chair")
    RoleFactory(user=women, organization=org, role="committee")
    return org, chair, women


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def mail_to(address: str):
    found = [m for m in mail.outbox if m.to == [address]]
    assert len(found) == 1, [m.to for m in mail.outbox]
    return found[0]


def test_each_owner_gets_one_digest_of_the_week(union):
    org = union[0]
    plan = PlanFactory(organization=org, title="2027年工作计划")
    dated_item(plan, MONDAY + dt.timedelta(days=6), text="三八节女教职工活动", owner="刘丽")
    dated_item(plan, MONDAY, text="女工委员例会", owner="liuli")
    dated_item(plan, MONDAY + dt.timedelta(days=2), text="主席办公会", owner="工会主席")
    dated_item(plan, MONDAY + dt.timedelta(days=7), text="下周的活动", owner="刘丽")
    out = remind("--date", "2027-03-01")
    assert "已发送2封提醒邮件" in out
    assert len(mail.outbox) == 2
    liu = mail_to("liu@example.org")
    assert "3月1日至3月7日的2项活动" in liu.subject
    assert "刘丽，您好" in liu.body
    assert liu.body.index("女工委员例会") < liu.body.index("三八节女教职工活动")
    assert "下周的活动" not in liu.body and "主席办公会" not in liu.body
    wang = mail_to("chair@example.org")
    assert "主席办公会" in wang.body and "未能对应" not in wang.body


def test_unmatched_owner_goes_to_the_chair(union):
    org = union[0]
    plan = PlanFactory(organization=org)
    dated_item(plan, MONDAY, text="文体活动", owner="文体委员")
    dated_item(plan, MONDAY, text="无人负责的活动", owner="")
    remind("--date", "2027-03-01")
    assert len(mail.outbox) == 1
    body = mail_to("chair@example.org").body
    assert "未能对应到系统中的用户" in body
    assert "负责人：文体委员" in body and "负责人：未填写" in body


def test_several_owners_in_one_cell(union):
    org = union[0]
    dated_item(PlanFactory(organization=org), MONDAY, text="联合活动", owner="工会主席、刘丽")
    remind("--date", "2027-03-01")
    assert {m.to[0] for m in mail.outbox} == {"chair@example.org", "liu@example.org"}


def test_days_option_and_what_is_left_out(union):
    org = union[0]
    plan = PlanFactory(organization=org)
    dated_item(plan, MONDAY + dt.timedelta(days=9), text="十天后", owner="刘丽")
    dated_item(plan, MONDAY, text="已完成的", owner="刘丽", status="done")
    dated_item(plan, MONDAY, text="已取消的", owner="刘丽", status="cancelled")
    archived = PlanFactory(organization=org, status="archived")
    dated_item(archived, MONDAY, text="归档计划的", owner="刘丽")
    assert "没有需要提醒的活动" in remind("--date", "2027-03-01")
    assert not mail.outbox
    remind("--date", "2027-03-01", "--days", "14")
    assert "十天后" in mail_to("liu@example.org").body


def test_roles_of_other_organizations_do_not_count(union):
    org = union[0]
    elsewhere = OrganizationFactory()
    stranger = UserFactory(username="zhaoyi", email="zhao@example.org")
    RoleFactory(user=stranger, organization=elsewhere)
    dated_item(PlanFactory(organization=org), MONDAY, text="活动", owner="zhaoyi")
    remind("--date", "2027-03-01")
    assert [m.to for m in mail.outbox] == [["chair@example.org"]]


def test_user_without_email_is_reported(union):
    org, _chair, women = union
    women.email = ""
    women.save()
    dated_item(PlanFactory(organization=org), MONDAY, text="活动", owner="刘丽")
    err = StringIO()
    call_command("remind", "--date", "2027-03-01", stdout=StringIO(), stderr=err)
    assert "liuli没有填写邮箱" in err.getvalue()
    assert not mail.outbox


def test_query_count_does_not_grow_with_items(union, django_assert_max_num_queries):
    org = union[0]
    plan = PlanFactory(organization=org)
    for n in range(30):
        dated_item(plan, MONDAY + dt.timedelta(days=n % 7), owner=["刘丽", "工会主席", "x"][n % 3])
    # the command base's "is the database migrated" look (tables, applied migrations); items,
    # roles, the sent-log; then one insert into the sent-log per mail (2 mails)
    with django_assert_max_num_queries(2 + 3 + 2):
        call_command("remind", "--date", "2027-03-01", stdout=StringIO(), stderr=StringIO())
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "2027-02-30"], "不是有效日期"),
        (["--days", "0"], "1到62"),
        (["--days", "x"], "整数"),
    ],
)
def test_bad_input(args, words):
    with pytest.raises(CommandError, match=words) as raised:
        call_command("remind", *args)
    assert raised.value.returncode == 2


def test_names_of_a_user():
    user = UserFactory.build(username="zs", first_name="三", last_name="张")
    assert names_of(user) >= {"zs", "张三", "三张", "三 张"}


def test_owner_matching_rules(union):
    org, chair, women = union
    roles = list(org.roles.select_related("user"))
    assert owners_of("工会主席", roles) == [chair]
    assert owners_of("工会委员", roles) == [women]
    assert owners_of("王芳 / 刘丽", roles) == [chair, women]
    assert owners_of("生活委员", roles) == []


def _mails_per_item_and_person() -> dict[tuple[str, str], int]:
    """How many mails named each activity, per recipient."""
    counts: dict[tuple[str, str], int] = {}
    for message in mail.outbox:
        for line in message.body.splitlines():
            if line.startswith("· "):
                key = (message.to[0], line.split("　", 1)[1])
                counts[key] = counts.get(key, 0) + 1
    return counts


def test_a_second_run_sends_nothing_twice(union):
    org = union[0]
    plan = PlanFactory(organization=org)
    dated_item(plan, MONDAY, text="女工委员例会", owner="刘丽")
    dated_item(plan, MONDAY + dt.timedelta(days=1), text="主席办公会", owner="工会主席")
    dated_item(plan, MONDAY + dt.timedelta(days=2), text="无人认领的活动", owner="张三")
    first = remind("--date", "2027-03-01")
    assert "已发送2封提醒邮件" in first and len(mail.outbox) == 2
    second = remind("--date", "2027-03-01")
    assert "已发送0封提醒邮件" in second and "3项此前已提醒过" in second
    assert len(mail.outbox) == 2
    counts = _mails_per_item_and_person()
    assert counts == {
        ("liu@example.org", "女工委员例会"): 1,
        ("chair@example.org", "主席办公会"): 1,
        ("chair@example.org", "无人认领的活动"): 1,
    }


def test_a_later_run_mails_only_what_is_new(union):
    org = union[0]
    plan = PlanFactory(organization=org)
    dated_item(plan, MONDAY, text="女工委员例会", owner="刘丽")
    remind("--date", "2027-03-01")
    dated_item(plan, MONDAY + dt.timedelta(days=3), text="新加的读书会", owner="刘丽")
    remind("--date", "2027-03-01")
    assert len(mail.outbox) == 2
    assert "新加的读书会" in mail.outbox[1].body
    assert "女工委员例会" not in mail.outbox[1].body
    assert all(n == 1 for n in _mails_per_item_and_person().values())


def test_a_round_that_stops_halfway_sends_the_rest_next_time(union, settings):
    """A mail server that fails after the first mail: the sent one is logged, the other
    goes out with the next round, and nobody gets a mail twice."""
    org = union[0]
    plan = PlanFactory(organization=org)
    dated_item(plan, MONDAY, text="女工委员例会", owner="刘丽")
    dated_item(plan, MONDAY + dt.timedelta(days=1), text="主席办公会", owner="工会主席")
    settings.EMAIL_BACKEND = "tests.agenda.failing_mail.FailsAfterOneBackend"
    with pytest.raises(ConnectionError):
        remind("--date", "2027-03-01")
    assert len(mail.outbox) == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind("--date", "2027-03-01")
    assert len(mail.outbox) == 2
    assert all(n == 1 for n in _mails_per_item_and_person().values())


def test_the_unions_page_sends_the_weeks_reminders_as_a_job_once(client, union):
    org, chair, _women = union
    plan = PlanFactory(organization=org)
    today = timezone.localdate()
    dated_item(plan, today + dt.timedelta(days=1), text="读书会", owner="刘丽")
    other = PlanFactory(organization=OrganizationFactory(name="别的工会"))
    dated_item(other, today, text="别的工会的活动", owner="工会主席")
    client.force_login(chair)
    assert "发送活动提醒" in client.get(reverse("orgs:detail", args=[org.pk])).text

    url = reverse("agenda:remind", args=[org.pk])
    page = client.post(url, follow=True)
    job = Job.objects.get()
    assert page.redirect_chain == [(reverse("jobs:detail", args=[job.pk]), 302)]
    assert "已发送1封提醒邮件" in page.text
    assert [m.to for m in mail.outbox] == [["liu@example.org"]]
    again = client.post(url, follow=True)
    assert "已发送0封提醒邮件" in again.text and "1项此前已提醒过" in again.text
    assert len(mail.outbox) == 1


def test_only_editors_may_send_reminders_and_only_by_post(client, union):
    org = union[0]
    viewer = RoleFactory(organization=org, role="viewer").user
    client.force_login(viewer)
    url = reverse("agenda:remind", args=[org.pk])
    assert client.post(url).status_code == 404
    assert "发送活动提醒" not in client.get(reverse("orgs:detail", args=[org.pk])).text
    client.force_login(union[1])
    assert client.get(url).status_code == 405
    assert not mail.outbox
