"""Who may open a federation's board, its deadline, reminders and statistics.

One rule for the pages and the API: the chair or staff of the federation (or of one above
it). Someone of a union below it, or a committee member or viewer of it, knows it exists
and is told why not (``Refused``, a 403 with the reason); anyone else gets 404.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization
from unionplan.review import rules, services


class Refused(Exception):
    """The person may know the organization but may not open this page: say why (403)."""


def federation_for_board(user, pk: int, year: int) -> Organization:
    """The federation ``pk`` for the board of ``year``; 404 for a year out of range."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    org = Organization.objects.filter(pk=pk, kind="federation").first()
    if org is None:
        raise Http404
    if role_in(user, org) in rules.REVIEWERS:
        return org
    paths = [held.organization_path for held in services.actor(user).roles]
    if any(org.path.startswith(p) or p.startswith(org.path) for p in paths):
        raise Refused(_("只有本工会联合会（总工会）的主席或工作人员可以查看审批看板。"))
    raise Http404
