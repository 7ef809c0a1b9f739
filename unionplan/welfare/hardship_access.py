"""Who may see and act on a union's hardship files: the most sensitive data of the system.

- the union's chair (a chair role on the union or on a federation above it, as everywhere);
- the people that chair has named (``HardshipReader``), for the union only;
- the chair or staff of a federation above, who take the second review.

Anyone else who may see the union at all (a committee member, a viewer) is refused with a
reason (``Refused``, a Chinese 403 page); a stranger gets 404 from the organization lookup
before this is asked. Only the union's chair names readers and takes the first review.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization, Role
from unionplan.welfare.hardship_models import HardshipReader

REVIEWERS_ABOVE = frozenset({"chair", "staff"})


class Refused(Exception):
    """The person may know the union but not its hardship files: say why (403)."""


def _held(user) -> list[Role]:
    cache = getattr(user, "_unionplan_hardship_roles", None)
    if cache is None:
        cache = list(Role.objects.filter(user=user).select_related("organization"))
        user._unionplan_hardship_roles = cache
    return cache


def is_chair(user, org: Organization) -> bool:
    """A chair role on ``org`` or above it: sees the files."""
    return role_in(user, org) == "chair"


def is_union_chair(user, org: Organization) -> bool:
    """A chair role on ``org`` itself: takes the first review and names the readers."""
    if user.is_authenticated and user.is_superuser:
        return True
    return any(r.organization_id == org.pk and r.role == "chair" for r in _held(user))


def reviews_above(user, org: Organization) -> bool:
    """A chair or staff role on a federation strictly above ``org``, none on ``org`` itself."""
    if not user.is_authenticated:
        return False
    roles = _held(user)
    if any(r.organization_id == org.pk for r in roles):
        return False
    return any(
        r.role in REVIEWERS_ABOVE
        and org.path.startswith(r.organization.path)
        and org.path != r.organization.path
        for r in roles
    )


def is_named(user, org: Organization) -> bool:
    if not user.is_authenticated:
        return False
    return HardshipReader.objects.filter(organization=org, user=user).exists()


def sees_drafts(user, org: Organization) -> bool:
    """The chair and the named readers see files still being recorded; reviewers do not."""
    return is_chair(user, org) or is_named(user, org)


def may_see(user, org: Organization) -> bool:
    return sees_drafts(user, org) or reviews_above(user, org)


def may_write(user, org: Organization) -> bool:
    """The chair and the named readers keep the files; the reviewers above only read them."""
    return sees_drafts(user, org)


def require_writer(user, org: Organization) -> None:
    if not may_write(user, org):
        raise Refused(_("困难职工档案只有本工会主席和主席指定的人员可以登记和修改。"))


def require_reader(user, org: Organization) -> None:
    if not may_see(user, org):
        raise Refused(_("困难职工档案只有本工会主席和主席指定的人员可以查看。"))


def require_file_reader(user, file) -> None:
    """``file`` readable by ``user``: a reviewer above sees it once the union passed it on."""
    org = file.organization
    if sees_drafts(user, org):
        return
    if reviews_above(user, org) and file.state != "draft":
        return
    if reviews_above(user, org):
        raise Refused(_("档案尚未经本工会审核，上级工会暂不能查看。"))
    raise Refused(_("困难职工档案只有本工会主席和主席指定的人员可以查看。"))


def require_union_chair(user, org: Organization) -> None:
    if not is_union_chair(user, org):
        raise Refused(_("只有本工会主席可以进行这项操作。"))


def require_reviewer_above(user, org: Organization) -> None:
    if not reviews_above(user, org):
        raise Refused(_("只有上级工会的主席或工作人员可以进行第二级审核。"))
