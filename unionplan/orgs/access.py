"""Who may see and change which organization.

A person holds roles on some organizations; a role on a federation reaches every union
below it. Views never query organizations directly: they go through these functions, so
that an organization outside a person's reach answers 404 everywhere.
"""

from django.db.models import Q
from django.http import Http404

from unionplan.orgs.models import Organization, Role
from unionplan.vocab import EDITOR_ROLES

# The strength of each role, for when a person holds several along one branch of the tree.
_RANK = {"viewer": 0, "auditor": 1, "staff": 2, "committee": 3, "chair": 4}


def _roles(user) -> list[Role]:
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_unionplan_roles", None)
    if cache is None:
        cache = list(Role.objects.filter(user=user).select_related("organization"))
        user._unionplan_roles = cache
    return cache


def visible_organizations(user):
    """Every organization ``user`` may see: those they hold a role on and all below them."""
    if user.is_authenticated and user.is_superuser:
        return Organization.objects.all()
    paths = [role.organization.path for role in _roles(user)]
    if not paths:
        return Organization.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Organization.objects.filter(condition)


def role_in(user, org: Organization) -> str | None:
    """The strongest role ``user`` holds on ``org`` or any organization above it."""
    if user.is_authenticated and user.is_superuser:
        return "chair"
    best = None
    for role in _roles(user):
        if org.path.startswith(role.organization.path) and (
            best is None or _RANK[role.role] > _RANK[best]
        ):
            best = role.role
    return best


def can_edit(user, org: Organization) -> bool:
    return role_in(user, org) in EDITOR_ROLES


def get_organization_or_404(user, pk) -> Organization:
    """The organization ``pk`` if ``user`` may see it; 404 otherwise, never 403."""
    try:
        return visible_organizations(user).get(pk=pk)
    except (Organization.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require_editor(user, org: Organization) -> None:
    """404 unless ``user`` may change ``org``: a viewer learns nothing more than a stranger."""
    if not can_edit(user, org):
        raise Http404


def get_visible_or_404(queryset, user, pk, *, via: str):
    """The row ``pk`` of ``queryset`` if ``user`` may see the organization it belongs to.

    ``via`` is the path from the row to its organization (``"plan__organization"``); the
    organization is fetched in the same query. Anything out of reach answers 404, so a URL
    never tells a stranger whether the row exists.
    """
    found = (
        queryset.select_related(via)
        .filter(pk=pk, **{f"{via}__in": visible_organizations(user)})
        .first()
    )
    if found is None:
        raise Http404
    return found
