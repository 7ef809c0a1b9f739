"""The sign-in sheet (签到表) of an activity: its rows, and the .xlsx made of them.

Shared by the participant page (the first rows, on screen) and the export (every row, in
the request for a union's list or as a background job for a federation's).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.documents.signin_xlsx import SIGNIN_HEADER, UNIONS_SIGNIN_HEADER, signin_sheet_xlsx
from unionplan.members.participants import Participants, item_date
from unionplan.plans.models import ScheduleItem


def signin_rows(participants: Participants, limit: int | None = None) -> list[tuple[str, str]]:
    """(name, department) of each participant, by department and name; for a scope of unions
    (各基层工会) (union, the union above it), in the tree's order."""
    if participants.for_unions:
        unions = participants.unions.select_related("parent").order_by("path")
        return [(u.name, u.parent.name if u.parent else "") for u in unions[:limit]]
    if participants.for_children:
        children = participants.children.select_related("member")
        children = children.order_by("member__department", "member__name", "birth_date")
        return [
            (f"{c.name}（{c.member.name}之子女）", c.member.department) for c in children[:limit]
        ]
    members = participants.members.order_by("department", "name", "pk")
    return list(members.values_list("name", "department")[:limit])


def signin_xlsx(item: ScheduleItem, rows: list[tuple[str, str]], of_unions: bool = False) -> bytes:
    """The sheet of ``rows``; ``of_unions``: the rows are unions (工会 | 上级工会)."""
    subtitle = _("日期：%(date)s　参加范围：%(scope)s") % {
        "date": item.date or item_date(item).strftime("%Y年%m月"),
        "scope": item.scope,
    }
    header = UNIONS_SIGNIN_HEADER if of_unions else SIGNIN_HEADER
    return signin_sheet_xlsx(f"{item.text} 签到表", subtitle, rows, header)


def signin_filename(item: ScheduleItem) -> str:
    return f"{item.text[:40]}-签到表.xlsx"


def export_title(item: ScheduleItem) -> str:
    """How the export is named in the export log."""
    return _("签到表：%(item)s") % {"item": item.text}
