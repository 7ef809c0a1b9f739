import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    DibaoStandardFactory,
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
    hardship_file,
)
from tests.formhtml import as_post, posted_values
from unionplan.audit.models import AuditEntry
from unionplan.members.models import ExportLog
from unionplan.welfare import hardship_services as hardship
from unionplan.welfare.hardship_models import HardshipFile, HardshipReader, HouseholdPerson
from unionplan.welfare.models import WelfareEntry


@pytest.fixture
def school(db):
    return OrganizationFactory(name="合肥一中工会", parent=FederationFactory(name="瑶海区总工会"))


@pytest.fixture
def worker(school):
    return MemberFactory(organization=school, name="张三丰", department="后勤处")


@pytest.fixture
def chair(school):
    return RoleFactory(organization=school, role="chair").user


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


def published(file) -> None:
    """``file`` approved and its 公示 over (9-01..9-07), as if both reviews had been taken."""
    file.state, file.publicity_start, file.publicity_end = (
        "approved", dt.date(2025, 9, 1), dt.date(2025, 9, 7),
    )  # fmt: skip
    file.save()


def intake_data(worker, **extra):
    data = {
        "id_number": worker.id_number, "year": "2025", "city": "合肥市", "homes": "1",
        "situation": "配偶重病", "people-TOTAL_FORMS": "3", "people-INITIAL_FORMS": "0",
        "people-0-relation": "本人", "people-0-name": worker.name, "people-0-income": "30,000",
        "people-0-costs": "", "people-1-relation": "配偶", "people-1-income": "0",
        "people-1-costs": "6000", "people-1-costs_note": "透析", "action": "save",
    }  # fmt: skip
    return {**data, **extra}


def test_intake_saves_the_household_and_shows_the_class(chair_client, school, worker):
    DibaoStandardFactory()
    response = chair_client.post(reverse("welfare:hardship_new", args=[school.pk]),
                                 intake_data(worker))  # fmt: skip
    file = HardshipFile.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "welfare:hardship_file", args=[file.pk]
    )
    # (30,000 − 6,000) ÷ 12 ÷ 2 = 1,000: above the 低保 of 800, within twice it.
    assert file.classification == "relative" and file.per_capita == D(1000)
    assert [(p.relation, p.costs_note) for p in file.people.all()] == [
        ("本人", ""),
        ("配偶", "透析"),
    ]
    text = chair_client.get(response.url).text
    assert "相对困难" in text and "月人均1,000.00元" in text and "透析" in text


def test_preview_shows_the_class_and_saves_nothing(chair_client, school, worker):
    DibaoStandardFactory()
    url = reverse("welfare:hardship_new", args=[school.pk])
    response = chair_client.post(url, intake_data(worker, action="preview"))
    assert "认定结果" in response.text and "月人均1,000.00元" in response.text
    assert not HardshipFile.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("people-0-income", "很多", "年收入应为数字"),
        ("people-0-income", "-100", "年收入不能为负数"),
        ("people-1-costs", "abc", "刚性支出应为数字"),
        ("homes", "-1", "不能为负数"),
        ("private_school_fee", "贵", "私立学校学费应为数字"),
    ],
)
def test_bad_figures_are_chinese_errors_and_nothing_is_stored(
    chair_client, school, worker, field, value, message
):
    DibaoStandardFactory()
    url = reverse("welfare:hardship_new", args=[school.pk])
    response = chair_client.post(url, intake_data(worker, **{field: value}))
    assert response.status_code == 200 and message in response.text
    assert "尚未保存" in response.text
    assert not HardshipFile.objects.exists() and not HouseholdPerson.objects.exists()


def test_a_household_row_without_relation_is_refused(chair_client, school, worker):
    DibaoStandardFactory()
    url = reverse("welfare:hardship_new", args=[school.pk])
    response = chair_client.post(url, intake_data(worker, **{"people-1-relation": ""}))
    assert "请选择与职工的关系" in response.text and not HardshipFile.objects.exists()


def test_edit_saved_unchanged_changes_nothing(chair_client, school, worker):
    DibaoStandardFactory()
    chair_client.post(reverse("welfare:hardship_new", args=[school.pk]), intake_data(worker))
    file = HardshipFile.objects.get()
    before = (
        list(HardshipFile.objects.values()),
        list(HouseholdPerson.objects.values_list("relation", "name", "income", "costs",
                                                  "costs_note")),
    )  # fmt: skip
    url = reverse("welfare:hardship_edit", args=[file.pk])
    values = as_post(posted_values(chair_client.get(url).text, "form.hardship-form"))
    values["action"] = "save"
    assert chair_client.post(url, values).status_code == 302
    after = (
        list(HardshipFile.objects.values()),
        list(HouseholdPerson.objects.values_list("relation", "name", "income", "costs",
                                                  "costs_note")),
    )  # fmt: skip
    assert after == before


def test_an_approved_file_cannot_be_edited(chair_client, worker, chair):
    file = hardship_file(worker)
    hardship.union_review(file, chair, True, "")
    response = chair_client.get(reverse("welfare:hardship_edit", args=[file.pk]))
    assert response.status_code == 302


def test_every_view_of_a_file_is_logged(chair_client, worker, chair):
    file = hardship_file(worker)
    chair_client.get(reverse("welfare:hardship_file", args=[file.pk]))
    chair_client.get(reverse("welfare:hardship_file", args=[file.pk]))
    views = AuditEntry.objects.filter(action="hardship.view")
    assert views.count() == 2 and views.first().user == chair


def test_a_committee_member_gets_a_chinese_403(client, school, worker):
    file = hardship_file(worker)
    client.force_login(RoleFactory(organization=school, role="committee").user)
    for url in (
        reverse("welfare:hardship_file", args=[file.pk]),
        reverse("welfare:hardship_list", args=[school.pk]),
        reverse("welfare:hardship_publicity_list", args=[school.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403 and "只有本工会主席和主席指定的人员" in response.text
    assert not AuditEntry.objects.filter(action="hardship.view").exists()


def test_a_stranger_gets_404(client, worker):
    file = hardship_file(worker)
    client.force_login(RoleFactory(organization=OrganizationFactory(), role="chair").user)
    assert client.get(reverse("welfare:hardship_file", args=[file.pk])).status_code == 404


def test_the_chair_names_a_reader_who_then_sees_the_files(chair_client, school, worker):
    client = Client()
    file = hardship_file(worker)
    committee = RoleFactory(organization=school, role="committee").user
    url = reverse("welfare:hardship_readers", args=[school.pk])
    assert chair_client.post(url, {"user": committee.pk}).status_code == 302
    assert HardshipReader.objects.filter(organization=school, user=committee).exists()
    client.force_login(committee)
    assert client.get(reverse("welfare:hardship_file", args=[file.pk])).status_code == 200
    chair_client.post(url, {"remove": committee.pk})
    assert client.get(reverse("welfare:hardship_file", args=[file.pk])).status_code == 403


def test_only_people_of_the_union_can_be_named(chair_client, school):
    stranger = RoleFactory(organization=OrganizationFactory(), role="viewer").user
    url = reverse("welfare:hardship_readers", args=[school.pk])
    response = chair_client.post(url, {"user": stranger.pk})
    assert response.status_code == 200 and not HardshipReader.objects.exists()


def test_a_reader_cannot_name_readers(client, school):
    reader = RoleFactory(organization=school, role="committee").user
    HardshipReader.objects.create(organization=school, user=reader)
    client.force_login(reader)
    assert client.get(reverse("welfare:hardship_readers", args=[school.pk])).status_code == 403


def test_the_two_reviews_through_the_pages(chair_client, school, worker):
    client = Client()
    file = hardship_file(worker)
    review = reverse("welfare:hardship_review", args=[file.pk])
    chair_client.post(review, {"decision": "approve"})
    assert HardshipFile.objects.get().state == "union_approved"
    # The union's chair cannot take the second review.
    assert chair_client.post(review, {"decision": "approve"}).status_code == 403
    client.force_login(RoleFactory(organization=school.parent, role="staff").user)
    assert "上级工会审核" in client.get(reverse("welfare:hardship_file", args=[file.pk])).text
    client.post(review, {"decision": "approve", "comment": "同意"})
    assert HardshipFile.objects.get().state == "approved"


def test_the_federation_sees_the_files_below_it(client, school, worker):
    file = hardship_file(worker)
    hardship.union_review(file, None, True, "")
    client.force_login(RoleFactory(organization=school.parent, role="staff").user)
    text = client.get(reverse("welfare:hardship_list", args=[school.parent.pk]) + "?year=2025").text
    assert f"file-{file.pk}" in text and "合肥一中工会" in text


def test_payment_page_checks_then_pays(chair_client, worker, chair):
    file = hardship_file(worker)
    published(file)
    url = reverse("welfare:hardship_pay", args=[file.pk])
    data = {"kind": "living", "amount": "10000", "date": "2025-09-10", "action": "check"}
    response = chair_client.post(url, data)
    assert "超出规定" in response.text and "9,600.00" in response.text
    response = chair_client.post(url, {**data, "action": "pay"})
    assert response.status_code == 200 and not WelfareEntry.objects.exists()
    response = chair_client.post(url, {**data, "amount": "3000", "action": "pay"})
    assert response.status_code == 302
    entry = WelfareEntry.objects.get()
    assert entry.kind == "hardship" and entry.amount == D(3000)


def test_payment_amount_not_money_is_a_chinese_error(chair_client, worker):
    file = hardship_file(worker)
    url = reverse("welfare:hardship_pay", args=[file.pk])
    response = chair_client.post(url, {"kind": "living", "amount": "一些", "date": "2025-09-10",
                                       "action": "pay"})  # fmt: skip
    assert "金额应为数字" in response.text and not WelfareEntry.objects.exists()


def test_the_publicity_list_masks_names_and_is_logged_as_an_export(chair_client, school, worker):
    file = hardship_file(worker)
    published(file)
    url = reverse("welfare:hardship_publicity_list", args=[school.pk]) + "?year=2025"
    text = chair_client.get(url).text
    assert "张**" in text and "张三丰" not in text and worker.id_number not in text
    assert "深度困难" in text and "2025-09-07" in text
    log = ExportLog.objects.get()
    assert log.masked and log.rows == 1 and "公示" in log.what


def test_list_query_count_does_not_grow_with_files(chair_client, school):
    url = reverse("welfare:hardship_list", args=[school.pk]) + "?year=2025"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert chair_client.get(url).status_code == 200
        return len(captured)

    hardship_file(MemberFactory(organization=school))
    first = queries()
    for _ in range(5):
        hardship_file(MemberFactory(organization=school))
    assert queries() == first


def test_file_page_query_count_does_not_grow_with_aids(chair_client, worker, chair):
    file = hardship_file(worker)
    published(file)
    url = reverse("welfare:hardship_file", args=[file.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert chair_client.get(url).status_code == 200
        return len(captured)

    hardship.pay(file, "training", D(100), dt.date(2025, 9, 10), chair)
    first = queries()
    for _ in range(4):
        hardship.pay(file, "training", D(100), dt.date(2025, 9, 10), chair)
    assert queries() == first


def test_a_reviewer_above_sees_a_file_only_once_the_union_passed_it_on(client, school, worker):
    file = hardship_file(worker)
    client.force_login(RoleFactory(organization=school.parent, role="staff").user)
    response = client.get(reverse("welfare:hardship_file", args=[file.pk]))
    assert response.status_code == 403 and "尚未经本工会审核" in response.text
    listed = reverse("welfare:hardship_list", args=[school.parent.pk]) + "?year=2025"
    assert f"file-{file.pk}" not in client.get(listed).text
    hardship.union_review(file, None, True, "")
    assert client.get(reverse("welfare:hardship_file", args=[file.pk])).status_code == 200
    assert f"file-{file.pk}" in client.get(listed).text


def test_the_staff_of_the_union_itself_is_refused_the_list(client, school):
    client.force_login(RoleFactory(organization=school, role="staff").user)
    assert client.get(reverse("welfare:hardship_list", args=[school.pk])).status_code == 403


def test_a_second_file_for_the_same_year_is_refused(chair_client, school, worker):
    DibaoStandardFactory()
    url = reverse("welfare:hardship_new", args=[school.pk])
    chair_client.post(url, intake_data(worker))
    response = chair_client.post(url, intake_data(worker))
    assert response.status_code == 200 and "2025年已有困难职工档案" in response.text
    assert HardshipFile.objects.count() == 1


def test_aid_past_the_budget_asks_the_chair_for_a_reason(chair_client, school, worker, chair):
    """The budget gate refuses aid as it refuses a gift; with the chair's reason it is paid."""
    from tests.factories import PlanFactory, ScheduleItemFactory
    from tests.funds.conftest import approved_now
    from unionplan.funds.models import SpendingOverride

    plan = PlanFactory(organization=school, year=2025)
    ScheduleItemFactory(plan=plan, month=9, category="festival", budget=D(500))
    approved_now(plan, chair)
    file = hardship_file(worker)
    published(file)
    url = reverse("welfare:hardship_pay", args=[file.pk])
    assert 'name="budget_reason"' not in chair_client.get(url).text
    data = {"kind": "living", "amount": "800", "date": "2025-09-10", "action": "pay"}
    refused = chair_client.post(url, data)
    assert refused.status_code == 200 and "超出预算" in refused.text
    assert 'name="budget_reason"' in refused.text and not WelfareEntry.objects.exists()
    paid = chair_client.post(url, {**data, "budget_reason": "困难帮扶不可延误"})
    assert paid.status_code == 302 and WelfareEntry.objects.get().kind == "hardship"
    assert SpendingOverride.objects.get().reason == "困难帮扶不可延误"


def test_intake_without_any_standard_says_what_is_missing(chair_client, school):
    text = chair_client.get(reverse("welfare:hardship_new", args=[school.pk])).text
    assert "尚未录入任何城市的低保标准" in text


def test_the_gift_form_sends_hardship_aid_to_the_files(chair_client, school, worker):
    school.province = "安徽省"
    school.save()
    data = {"id_number": worker.id_number, "kind": "hardship", "date": "2025-09-17",
            "amount": "800", "action": "record"}  # fmt: skip
    response = chair_client.post(reverse("welfare:give", args=[school.pk]), data)
    assert response.status_code == 200 and "困难帮扶按困难职工档案发放" in response.text
    assert not WelfareEntry.objects.exists()


def test_the_file_page_in_english(chair_client, worker):
    from django.conf import settings

    file = hardship_file(worker)
    chair_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = chair_client.get(reverse("welfare:hardship_file", args=[file.pk])).text
    for words in ("Household members", "Deep hardship", "Being recorded", "Union review"):
        assert words in text, words
    for words in ("家庭成员", "深度困难</h2>", "工会审核</h3>"):
        assert words not in text, words
