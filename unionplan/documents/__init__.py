"""Document writers: a plan (``unionplan.plan.data.PlanData``) as Word, Excel and iCal.

Pure Python (no Django): each writer takes PlanData and a path or binary file object.

``write_docx(plan, out, *, signed_on=None)``
    The plan as an official document (GB/T 9704): A4 with the 公文 margins, title in
    方正小标宋简体 (stand-in 宋体) 二号, headings 一、 黑体 / （一） 楷体 / 1. and （1） 仿宋,
    body 仿宋 三号 at a fixed 28.95 pt pitch, page numbers ``— 1 —``, the month table
    月份 | 活动内容 | 参加范围 | 负责人 | 经费（元） with a 合计 row (placed in the section
    titled …活动安排 / 计划表, else in a section of its own at the end), and the 落款.
    ``plan_document(plan)`` returns the python-docx Document instead of saving it.
``write_xlsx(plan, out)``
    Sheet 计划表 (frozen, filtered header; A4 landscape one page wide; =SUM total) and,
    when there are targets, sheet 工作目标. ``plan_workbook(plan)`` returns the Workbook.
``write_ics(plan, out, *, uid_domain="unionplan.local", calendar_name=None, uids=None,
stamp=None)`` / ``ics_bytes(plan, ...)``
    One all-day VEVENT per dated activity. ``uids`` maps an index of ``plan.items`` to a
    UID the caller keeps (database ids); otherwise UIDs are derived from the plan and the
    activity's text, so they survive re-exports, reordering and re-dating.
``ics_for_items(name, items_with_uids, *, organization="", stamp=None)``,
``plan_events(plan, ...)`` + ``calendar_bytes(events, *, name)``
    For a subscription feed across several plans of an organization.

``cells`` is the one way any .xlsx of the app is written: typed text beginning with
``= + - @`` (or a tab/CR) stays text, and formulas carry their computed value.
``official`` holds the reusable 公文 layout (page, fonts with fallbacks, headings, page
numbers, tables) for other Word documents such as the year-end summary. The wording all
of them share (month cells 3月 / 7—8月 / 3月8日, money, targets) is the plan library's
(``unionplan.plan.wording``, ``unionplan.plan.money``).
"""

from unionplan.documents.plan_docx import plan_document, write_docx
from unionplan.documents.plan_ics import (
    calendar_bytes,
    derived_uids,
    ics_bytes,
    ics_for_items,
    item_event,
    plan_events,
    write_ics,
)
from unionplan.documents.plan_xlsx import plan_workbook, write_xlsx

__all__ = [
    "calendar_bytes",
    "derived_uids",
    "ics_bytes",
    "ics_for_items",
    "item_event",
    "plan_document",
    "plan_events",
    "plan_workbook",
    "write_docx",
    "write_ics",
    "write_xlsx",
]
