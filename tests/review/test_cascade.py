"""目标分解: the district federation splits a target of its plan among its two unions; the
shares land in their plans, linked; a sum that is off, or a decided plan, changes nothing;
the federation's progress is the sum of its unions'."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    MemberFactory,
    OrganizationFactory,
    PlanFactory,
    RoleFactory,
    TargetFactory,
)
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.plans.models import Plan, Target
from unionplan.records.measuring import progress_for_plan
from unionplan.records.models import TargetValue
from unionplan.review import cascade, services
from unionplan.review.models import Notification, TargetCascade


@pytest.fixture
def split_tree(tree, school_plan):
    """The district's plan with a target of 10 trainings; below it the school (a draft
    plan, 3 members) and a hospital union (no plan yet, 1 member)."""
    tree.hospital = OrganizationFactory(name="人民医院工会", parent=tree.district)
    tree.hospital_chair = RoleFactory(organization=tree.hospital, role="chair").user
    for _ in range(3):
        MemberFactory(organization=tree.school)
    MemberFactory(organization=tree.hospital)
    tree.district_plan = PlanFactory(organization=tree.district, year=2027, title="区总计划")
    tree.target = TargetFactory(
        plan=tree.district_plan, text="举办职工技能培训", comparator=">=", value=10, unit="次"
    )
    tree.school_plan = school_plan
    return tree


def shares(target):
    return {
        t.plan.organization.name: t.value
        for t in Target.objects.filter(handed_down_from=target).select_related("plan__organization")
    }


def stored(target):
    return (
        sorted(Target.objects.values_list("id", "plan_id", "value", "version")),
        Plan.objects.count(),
        TargetCascade.objects.count(),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


def test_an_equal_split_lands_in_each_union_plan_linked(split_tree):
    t = split_tree
    assert cascade.split(t.target, t.district_chair, "equal") == 2
    assert shares(t.target) == {"实验小学工会": Decimal(5), "人民医院工会": Decimal(5)}
    school_share = Target.objects.get(handed_down_from=t.target, plan=t.school_plan)
    assert (school_share.text, school_share.comparator, school_share.unit) == (
        "举办职工技能培训", ">=", "次"
    )  # fmt: skip
    new_plan = Plan.objects.get(organization=t.hospital, year=2027)
    assert new_plan.status == "draft"
    assert AuditEntry.objects.filter(action="target.cascade", organization=t.district).exists()
    note = Notification.objects.get(user=t.hospital_chair)
    assert "区总工会下达目标“举办职工技能培训”，本工会份额：5次" in note.text
    assert note.link == reverse("plans:detail", args=[new_plan.pk])
    assert TargetCascade.objects.get(target=t.target).method == "equal"


def test_by_members_and_typed(split_tree):
    t = split_tree
    cascade.split(t.target, t.district_chair, "members")
    assert shares(t.target) == {"实验小学工会": Decimal(8), "人民医院工会": Decimal(2)}  # 7.5, 2.5
    typed = {t.school.pk: Decimal(6), t.hospital.pk: Decimal(4)}
    assert cascade.split(t.target, t.district_chair, "typed", typed) == 2
    assert shares(t.target) == {"实验小学工会": Decimal(6), "人民医院工会": Decimal(4)}
    assert cascade.split(t.target, t.district_chair, "typed", typed) == 0  # nothing changes


def test_shares_that_do_not_add_up_store_nothing(split_tree):
    t = split_tree
    cascade.split(t.target, t.district_chair, "equal")
    before = stored(t.target)
    typed = {t.school.pk: Decimal(6), t.hospital.pk: Decimal(3)}
    with pytest.raises(UserInputError, match="合计9次，与目标10次不符"):
        cascade.split(t.target, t.district_chair, "typed", typed)
    assert stored(t.target) == before


def test_only_the_federation_chair_or_staff_splits(split_tree):
    t = split_tree
    for user in (t.school_chair, RoleFactory(organization=t.district, role="committee").user):
        with pytest.raises(UserInputError, match="主席或工作人员"):
            cascade.split(t.target, user, "equal")
    school_target = TargetFactory(plan=t.school_plan, value=4)
    with pytest.raises(UserInputError, match="只有工会联合会"):
        cascade.split(school_target, t.school_chair, "equal")
    assert not Target.objects.filter(handed_down_from__isnull=False).exists()


def test_an_approved_plan_share_changes_only_through_its_adjustment(split_tree):
    t = split_tree
    cascade.split(t.target, t.district_chair, "equal")
    services.submit(t.school_plan, t.school_chair)
    services.review(t.school_plan, t.city_chair, approve=True)
    before = stored(t.target)
    typed = {t.school.pk: Decimal(7), t.hospital.pk: Decimal(3)}
    with pytest.raises(UserInputError, match=r"实验小学工会（已通过）.*申请调整"):
        cascade.split(t.target, t.district_chair, "typed", typed)
    assert stored(t.target) == before
    typed_same_school = {t.school.pk: Decimal(5), t.hospital.pk: Decimal(5)}
    assert cascade.split(t.target, t.district_chair, "typed", typed_same_school) == 0
    services.adjust(t.school_plan, t.school_chair, "区总调整培训份额")
    assert cascade.split(t.target, t.district_chair, "typed", typed) == 2
    assert shares(t.target)["实验小学工会"] == Decimal(7)


def test_the_federation_stands_at_the_sum_of_its_unions(split_tree):
    t = split_tree
    cascade.split(t.target, t.district_chair, "equal")
    for share, value in zip(Target.objects.filter(handed_down_from=t.target), (3, 4), strict=True):
        TargetValue.objects.create(target=share, value=value, date=dt.date(2027, 6, 1))
    progress = progress_for_plan(t.district_plan, dt.date(2027, 7, 1))[t.target.pk]
    assert progress.current == Decimal(7) and progress.source == "shares"
    assert progress.label == "7/10次"


# --- the page ---------------------------------------------------------------------------


def url(target):
    return reverse("review:cascade", args=[target.pk])


def test_the_page_splits_and_keeps_what_was_typed_when_refused(client, split_tree):
    t = split_tree
    client.force_login(t.district_chair)
    text = client.get(url(t.target)).content.decode()
    assert "实验小学工会" in text and "人民医院工会" in text and "尚无计划" in text
    data = {"method": "typed", f"share-{t.school.pk}": "6", f"share-{t.hospital.pk}": "abc"}
    text = client.post(url(t.target), data).content.decode()
    assert "人民医院工会的份额“abc”不是数字" in text and 'value="abc"' in text
    data[f"share-{t.hospital.pk}"] = "3"
    text = client.post(url(t.target), data).content.decode()
    assert (
        "与目标10次不符" in text and not Target.objects.filter(handed_down_from=t.target).exists()
    )
    data[f"share-{t.hospital.pk}"] = "4"
    response = client.post(url(t.target), data, follow=True)
    assert "2个工会的份额有变化" in response.content.decode()
    assert shares(t.target) == {"实验小学工会": Decimal(6), "人民医院工会": Decimal(4)}


def test_the_page_queries_do_not_grow_with_unions(
    client, split_tree, django_assert_max_num_queries
):
    t = split_tree
    client.force_login(t.district_chair)
    cascade.split(t.target, t.district_chair, "equal")
    with CaptureQueriesContext(connection) as few:
        client.get(url(t.target))
    for n in range(5):
        union = OrganizationFactory(name=f"新工会{n}", parent=t.district)
        PlanFactory(organization=union, year=2027)
        MemberFactory(organization=union)
    cascade.split(t.target, t.district_chair, "equal")
    with django_assert_max_num_queries(len(few)):
        client.get(url(t.target))


def test_who_may_open_the_page(client, split_tree):
    t = split_tree
    committee = RoleFactory(organization=t.district, role="committee").user
    client.force_login(committee)  # sees the district's plan, may not split it
    response = client.get(url(t.target))
    assert response.status_code == 403 and "主席或工作人员" in response.content.decode()
    for stranger in (t.school_chair, RoleFactory(role="chair").user):
        client.force_login(stranger)
        assert client.get(url(t.target)).status_code == 404


def test_the_union_sees_the_share_as_handed_down_and_cannot_edit_it(client, split_tree):
    t = split_tree
    cascade.split(t.target, t.district_chair, "equal")
    share = Target.objects.get(handed_down_from=t.target, plan=t.school_plan)
    client.force_login(t.school_chair)
    text = client.get(reverse("plans:detail", args=[t.school_plan.pk])).content.decode()
    assert "上级下达" in text and "举办职工技能培训" in text
    for name in ("plans:targets_edit", "plans:targets_delete"):
        response = client.post(reverse(name, args=[t.school_plan.pk, share.pk]), {"text": "改"})
        assert response.status_code == 403 and "上级工会分解下达" in response.content.decode()
    assert Target.objects.get(pk=share.pk).text == "举办职工技能培训"
    client.force_login(t.district_chair)
    text = client.get(reverse("plans:detail", args=[t.district_plan.pk])).content.decode()
    assert url(t.target) in text


def test_each_union_whose_share_changed_is_mailed(split_tree, django_capture_on_commit_callbacks):
    t = split_tree
    t.hospital_chair.email = "yiyuan@example.org"
    t.hospital_chair.save()
    with django_capture_on_commit_callbacks(execute=True):
        cascade.split(t.target, t.district_chair, "equal")
    (message,) = mail.outbox
    assert message.to == ["yiyuan@example.org"]
    assert message.subject.startswith("【上级下达目标】区总工会下达目标“举办职工技能培训”")
    plan = Plan.objects.get(organization=t.hospital, year=2027)
    assert reverse("plans:detail", args=[plan.pk]) in message.body
    with django_capture_on_commit_callbacks(execute=True):
        cascade.split(t.target, t.district_chair, "equal")  # nothing changed: nobody told
    assert len(mail.outbox) == 1
