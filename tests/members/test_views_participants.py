import datetime as dt
import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.factories import (
    ChildFactory,
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    ScheduleItemFactory,
)
from unionplan.jobs.models import Job
from unionplan.members.models import ExportLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(org):
    plan = PlanFactory(organization=org, year=2027)
    MemberFactory(organization=org, name="赵老师", department="语文组", status="retired",
                  birth_date=dt.date(1950, 1, 1), phone="13812345678")  # fmt: skip
    MemberFactory(organization=org, name="钱老师", birth_date=dt.date(1990, 1, 1))
    return ScheduleItemFactory(
        plan=plan, month=10, text="重阳节老教师慰问", scope="70周岁以上退休老教师"
    )


def test_sign_in_sheet_lists_the_participants(chair_client, item):
    response = chair_client.get(reverse("members:participants", args=[item.pk]))
    assert response.status_code == 200
    text = response.text
    assert "重阳节老教师慰问" in text and "签到表" in text
    assert "赵老师" in text and "钱老师" not in text
    for column in ("序号", "姓名", "部门", "签名"):
        assert f">{column}<" in text
    assert "13812345678" not in text and "138****5678" not in text  # no numbers on the sheet


def test_unresolved_words_are_shown(chair_client, org):
    MemberFactory(organization=org)
    item = ScheduleItemFactory(plan=PlanFactory(organization=org), scope="部分职工")
    text = chair_client.get(reverse("members:participants", args=[item.pk])).text
    assert "无法识别" in text and "部分" in text


def test_children_scope_lists_children(chair_client, org):
    parent = MemberFactory(organization=org, name="孙会员")
    ChildFactory(member=parent, name="孙小妹", birth_date=dt.date(2020, 1, 1))
    item = ScheduleItemFactory(plan=PlanFactory(organization=org, year=2027), month=6,
                               scope="14岁以下职工子女")  # fmt: skip
    text = chair_client.get(reverse("members:participants", args=[item.pk])).text
    assert "孙小妹" in text and "孙会员" in text


def test_xlsx_download_is_a_logged_sign_in_sheet(chair_client, chair, item):
    response = chair_client.post(reverse("members:participants_xlsx", args=[item.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[2] == ["序号", "姓名", "部门", "签名"]
    assert rows[3][1:] == ["赵老师", "语文组", ""]
    log = ExportLog.objects.get()
    assert (log.user, log.rows, log.organization_id) == (chair, 1, item.plan.organization_id)
    assert "重阳节老教师慰问" in log.what


def test_xlsx_download_needs_post(chair_client, item):
    assert chair_client.get(reverse("members:participants_xlsx", args=[item.pk])).status_code == 405
    assert not ExportLog.objects.exists()


def test_participants_query_count_does_not_grow(chair_client, item, django_assert_max_num_queries):
    for n in range(40):
        MemberFactory(organization=item.plan.organization, status="retired",
                      birth_date=dt.date(1940, 1, 1 + n % 28))  # fmt: skip
    with django_assert_max_num_queries(10):
        chair_client.get(reverse("members:participants", args=[item.pk]))


def test_a_scope_of_unions_lists_the_unions_below(chair_client, org):
    org.kind = "federation"
    org.save()
    school = OrganizationFactory(parent=org, name="实验小学工会")
    MemberFactory(organization=school, name="李会员")
    item = ScheduleItemFactory(plan=PlanFactory(organization=org), scope="各基层工会")
    text = chair_client.get(reverse("members:participants", args=[item.pk])).text
    assert "实验小学工会" in text and "李会员" not in text
    assert ">工会<" in text and ">上级工会<" in text and "工会数：1" in text
    response = chair_client.post(reverse("members:participants_xlsx", args=[item.pk]))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    rows = rows.to_python()
    assert rows[2] == ["序号", "工会", "上级工会", "签名"]
    assert rows[3][1:3] == ["实验小学工会", org.name]


def test_welfare_words_say_where_the_list_will_come_from(chair_client, org):
    MemberFactory(organization=org)
    item = ScheduleItemFactory(plan=PlanFactory(organization=org), scope="生病住院职工")
    text = chair_client.get(reverse("members:participants", args=[item.pk])).text
    assert "生病住院" in text and "福利慰问台账" in text


def test_a_long_sign_in_sheet_is_made_by_a_job_and_logged(chair_client, chair, item, settings):
    settings.BACKGROUND_ROWS = 0
    response = chair_client.post(reverse("members:participants_xlsx", args=[item.pk]), follow=True)
    job = Job.objects.get()
    assert response.redirect_chain == [(reverse("jobs:detail", args=[job.pk]), 302)]
    assert "签到表共 1 人。" in response.text
    download = chair_client.get(reverse("jobs:download", args=[job.pk]))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(download.content)).get_sheet_by_index(0)
    assert rows.to_python()[3][1:] == ["赵老师", "语文组", ""]
    log = ExportLog.objects.get()
    assert (log.user, log.rows, log.organization_id) == (chair, 1, item.plan.organization_id)
