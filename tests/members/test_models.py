import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ChildFactory, MemberFactory, OrganizationFactory
from unionplan.members.models import Child, Member, next_key, org_key_of

pytestmark = pytest.mark.django_db


def test_derived_columns_are_filled_on_save(org):
    member = MemberFactory(organization=org, birth_date=dt.date(1975, 3, 8))
    assert member.org_key == org.path.replace("/", "")
    assert member.tree_root == org.pk
    assert member.birth_month == 3


def test_an_id_number_is_unique_within_a_tree():
    federation = OrganizationFactory(kind="federation")
    school, hospital = (OrganizationFactory(parent=federation) for _ in range(2))
    member = MemberFactory(organization=school)
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(organization=hospital, id_number=member.id_number)
    MemberFactory(organization=OrganizationFactory(), id_number=member.id_number)  # other tree
    assert Member.objects.filter(id_number=member.id_number).count() == 2


def test_under_is_the_subtree():
    federation = OrganizationFactory(kind="federation")
    district = OrganizationFactory(parent=federation, kind="federation")
    school = OrganizationFactory(parent=district)
    inside = [MemberFactory(organization=o) for o in (federation, district, school)]
    MemberFactory(organization=OrganizationFactory())
    assert set(Member.objects.under(federation)) == set(inside)
    assert set(Member.objects.under(district)) == set(inside[1:])


def test_next_key_bounds_every_key_below():
    assert next_key("0000000100000009") == "0000000100000010"
    assert next_key("0000000100000009") > "00000001000000090000000042"


def test_moving_a_union_moves_its_members_keys():
    old_tree, new_tree = (
        OrganizationFactory(kind="federation"),
        OrganizationFactory(kind="federation"),
    )
    school = OrganizationFactory(parent=old_tree)
    member = MemberFactory(organization=school)
    school.parent = new_tree
    school.save()
    member.refresh_from_db()
    school.refresh_from_db()
    assert member.org_key == org_key_of(school)
    assert member.tree_root == new_tree.pk
    assert list(Member.objects.under(new_tree)) == [member]
    assert not Member.objects.under(old_tree).exists()


def test_a_move_that_would_duplicate_an_id_number_is_refused():
    old_tree, new_tree = (
        OrganizationFactory(kind="federation"),
        OrganizationFactory(kind="federation"),
    )
    school = OrganizationFactory(parent=old_tree)
    member = MemberFactory(organization=school)
    MemberFactory(organization=new_tree, id_number=member.id_number)
    school.parent = new_tree
    with pytest.raises(IntegrityError):
        school.save()


def test_masked_numbers(org):
    member = MemberFactory(organization=org, id_number="11010519491231002X", phone="13812345678")
    assert member.masked_id_number == "110105********002X"
    assert member.masked_phone == "138****5678"
    assert MemberFactory.build(phone="").masked_phone == ""


def test_children_carry_their_parents_org_key_through_moves():
    """Children scopes over a federation read the child's own org_key: it must follow."""
    old_tree, new_tree = OrganizationFactory(kind="federation"), OrganizationFactory()
    school, hospital = OrganizationFactory(parent=old_tree), OrganizationFactory(parent=old_tree)
    child = ChildFactory(member=MemberFactory(organization=school))
    assert child.org_key == org_key_of(school)
    member = child.member
    member.organization = hospital
    member.save()
    child.refresh_from_db()
    assert child.org_key == org_key_of(hospital)
    hospital.parent = new_tree
    hospital.save()
    hospital.refresh_from_db()
    child.refresh_from_db()
    assert child.org_key == org_key_of(hospital)
    assert list(Child.objects.under(new_tree)) == [child]
    assert not Child.objects.under(old_tree).exists()
