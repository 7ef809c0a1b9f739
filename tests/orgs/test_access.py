import pytest
from django.http import Http404

from tests.factories import FederationFactory, OrganizationFactory, RoleFactory
from unionplan.orgs.access import (
    can_edit,
    get_organization_or_404,
    role_in,
    visible_organizations,
)

pytestmark = pytest.mark.django_db


def test_federation_role_reaches_whole_subtree():
    city = FederationFactory()
    district = FederationFactory(parent=city)
    school = OrganizationFactory(parent=district)
    elsewhere = OrganizationFactory()
    user = RoleFactory(organization=district, role="staff").user
    assert set(visible_organizations(user)) == {district, school}
    assert role_in(user, school) == "staff"
    assert role_in(user, city) is None
    assert role_in(user, elsewhere) is None


def test_strongest_role_along_the_branch_wins():
    city = FederationFactory()
    school = OrganizationFactory(parent=city)
    user = RoleFactory(organization=city, role="viewer").user
    RoleFactory(user=user, organization=school, role="chair")
    assert role_in(user, school) == "chair"
    assert not can_edit(user, city)
    assert can_edit(user, school)


def test_organization_outside_reach_is_404():
    mine, theirs = OrganizationFactory(), OrganizationFactory()
    user = RoleFactory(organization=mine).user
    assert get_organization_or_404(user, mine.pk) == mine
    with pytest.raises(Http404):
        get_organization_or_404(user, theirs.pk)


def test_moving_an_organization_moves_its_subtree():
    a, b = FederationFactory(), FederationFactory()
    middle = FederationFactory(parent=a)
    leaf = OrganizationFactory(parent=middle)
    middle.parent = b
    middle.save()
    leaf.refresh_from_db()
    assert leaf.path.startswith(b.path)
    assert list(leaf.ancestors()) == [b, middle]


def test_organization_cannot_sit_under_itself():
    top = FederationFactory()
    child = OrganizationFactory(parent=top)
    top.parent = child
    with pytest.raises(ValueError):
        top.save()
