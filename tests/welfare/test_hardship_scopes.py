"""困难职工 in a 参加范围 read from the hardship files (``hardship_services.scope_member_ids``,
registered for the members' scope queries): the plan page's headcount, the welfare check of
the plan, and the participant list shown only to those who may see the files."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest
from django.urls import reverse

from tests.factories import (
    MemberFactory,
    PlanFactory,
    RoleFactory,
    ScheduleItemFactory,
    hardship_file,
    tag_member,
)
from tests.welfare.conftest import approved_hardship_school
from unionplan.members.participants import counts_for_items, resolve
from unionplan.welfare import hardship_services as hardship

pytestmark = pytest.mark.django_db
IN_2025 = dt.date(2025, 6, 1)


@pytest.fixture
def school():
    """The approved 深度困难 张三, 李四 with a draft file, 王五 without one but labelled 困难职工
    in the roster (a label is no file)."""
    school = approved_hardship_school()[0]
    tag_member(school.members.get(name="王五"), "困难职工")
    return school


def test_hardship_words_count_the_approved_files_of_the_year(school):
    assert [m.name for m in resolve(school, "困难职工", IN_2025).members] == ["张三"]
    assert resolve(school, "特困职工", IN_2025).count() == 1  # 深度困难
    assert resolve(school, "困难职工", dt.date(2026, 6, 1)).count() == 0  # no file of 2026
    assert resolve(school, "困难职工、劳动模范", IN_2025).complete


def test_an_exited_file_is_no_longer_counted(school):
    file = school.hardship_files.get(state="approved")
    hardship.exit_file(file, dt.date(2025, 9, 1), "再就业，收入超过标准", None)
    assert resolve(school, "困难职工", IN_2025).count() == 0


def test_a_relative_hardship_is_not_特困(db):
    worker = MemberFactory()
    file = hardship_file(worker, income="30000")
    file.state, file.classification = "approved", "relative"
    file.save()
    assert resolve(worker.organization, "困难职工", IN_2025).count() == 1
    assert resolve(worker.organization, "特困职工", IN_2025).count() == 0


def test_the_plan_page_counts_them_in_the_same_queries(school, django_assert_num_queries):
    plan = PlanFactory(organization=school, year=2025)
    scopes = ["困难职工", "全体会员", "特困职工", "退休困难职工"]
    items = [ScheduleItemFactory(plan=plan, month=m, scope=s) for m in (1, 7) for s in scopes]
    with django_assert_num_queries(2):  # is it a federation; its members, the files within
        counts = counts_for_items(plan, items)
    assert [counts[i.pk] for i in items] == [1, 3, 1, 0] * 2  # nobody retired


def test_the_welfare_check_of_the_plan_counts_them(run_command, school):
    plan = PlanFactory(organization=school, year=2025)
    ScheduleItemFactory(
        plan=plan, month=1, text="春节慰问困难职工", scope="困难职工", budget=D(2400)
    )
    code, out, err = run_command("welfare_plan", str(plan.pk), "--json")
    assert (code, err) == (0, "")
    (warning,) = json.loads(out)  # one person, 2,400 yuan: over the festival cap
    assert "2,400.00元" in warning["message"]


def _item(school):
    plan = PlanFactory(organization=school, year=2025)
    return ScheduleItemFactory(plan=plan, month=1, text="春节走访", scope="困难职工")


def test_the_list_is_shown_to_those_who_may_see_the_files(client, school):
    client.force_login(school.roles.get(role="chair").user)
    page = client.get(reverse("members:participants", args=[_item(school).pk])).content.decode()
    assert "张三" in page and "李四" not in page


def test_others_see_the_number_only_and_cannot_download_it(client, school):
    client.force_login(RoleFactory(organization=school, role="staff").user)
    item = _item(school)
    page = client.get(reverse("members:participants", args=[item.pk])).content.decode()
    assert "张三" not in page and "只向可查看困难职工档案的人员显示" in page
    assert "人数：1" in page
    response = client.post(reverse("members:participants_xlsx", args=[item.pk]))
    assert response.status_code == 403
