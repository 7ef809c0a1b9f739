"""The sign-in sheet (签到表) of an activity: its rows, and the .xlsx made of them.

Shared by the participant page (the first rows, on screen) and the export (every row, in
the request for a union's list or as a background job for a federation's).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.members.exporting import signin_sheet_xlsx
from unionplan.members.participants import Participants, item_date
from unionplan.plans.models import ScheduleItem


def signin_rows(participants: Participants, limit: int | None = None) -> list[tuple[str, str]]:
    """(name, department) of each participant, by department and name."""
    if participants.for_children:
        children = participants.children.select_related("member")
        children = children.order_by("member__department", "member__name", "birth_date")
        return [
            (f"{c.name}（{c.member.name}之子女）", c.member.department) for c in children[:limit]
        ]
    members = participants.members.order_by("department", "name", "pk")
    return list(members.values_list("name", "department")[:limit])


def signin_xlsx(item: ScheduleItem, rows: list[tuple[str, str]]) -> bytes:
    subtitle = _("日期：%(date)s　参加范围：%(scope)s") % {
        "date": item.date or item_date(item).strftime("%Y年%m月"),
        "scope": item.scope,
    }
    return signin_sheet_xlsx(f"{item.text} 签到表", subtitle, rows)


def signin_filename(item: ScheduleItem) -> str:
    return f"{item.text[:40]}-签到表.xlsx"


def export_title(item: ScheduleItem) -> str:
    """How the export is named in the export log."""
    return _("签到表：%(item)s") % {"item": item.text}
