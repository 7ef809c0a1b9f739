"""A stored plan as a file: Word, Excel or iCal, through the writers of ``unionplan.documents``.

The web download and ``unionplan plan export`` both come here, so they write the same file.
The writers themselves are pure (PlanData in, bytes out); this module only reads the plan
with ``plan_to_data`` and names the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.utils.translation import gettext_lazy as _

from unionplan.errors import UserInputError
from unionplan.files.mime import DOCX, ICS, XLSX
from unionplan.plan.data import PlanData
from unionplan.plans.convert import plan_to_data
from unionplan.plans.models import Plan
from unionplan.plans.outline import build_outline


@dataclass(frozen=True)
class Format:
    code: str
    label: Any  # on the button (Word and Excel are names; 日历 is translated)
    extension: str
    content_type: str


FORMATS: dict[str, Format] = {
    f.code: f
    for f in [
        Format("docx", "Word", "docx", DOCX),
        Format("xlsx", "Excel", "xlsx", XLSX),
        Format("ics", _("日历(iCal)"), "ics", ICS),
    ]
}

# Characters Windows, macOS or a phone will not accept in a file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def filename(title: str, fmt: str) -> str:
    """``2027年工会工作计划.docx``: the title, made safe as a file name on any system."""
    stem = _UNSAFE.sub("_", title).strip(" ._") or "plan"
    return f"{stem[:100]}.{FORMATS[fmt].extension}"


def write(data: PlanData, fmt: str, out: BinaryIO, *, uids: dict[int, str] | None = None) -> None:
    """Write ``data`` as ``fmt`` to the binary stream ``out``.

    ``uids``: the iCal UID of each activity (by index in ``data.items``), so that a phone
    that imported last week's file updates its events instead of adding them twice.
    """
    # Imported here: the writers load python-docx and openpyxl, which only an export needs.
    from unionplan import documents

    if fmt == "docx":
        documents.write_docx(data, out)
    elif fmt == "xlsx":
        documents.write_xlsx(data, out)
    elif fmt == "ics":
        documents.write_ics(data, out, uids=uids)
    else:
        raise UserInputError(f"不支持的导出格式“{fmt}”，可用：{'、'.join(FORMATS)}。")


def export(plan: Plan, fmt: str) -> tuple[bytes, str, str]:
    """(file content, file name, content type) of ``plan`` as ``fmt``."""
    if fmt not in FORMATS:
        raise UserInputError(f"不支持的导出格式“{fmt}”，可用：{'、'.join(FORMATS)}。")
    outline = build_outline(plan)
    uids = {index: item_uid(item.pk) for index, item in enumerate(outline.items)}
    out = io.BytesIO()
    write(plan_to_data(plan, outline), fmt, out, uids=uids)
    return out.getvalue(), filename(plan.title, fmt), FORMATS[fmt].content_type


def item_uid(pk: int) -> str:
    """The iCal UID of a stored activity: stable across exports, edits and re-dating."""
    return f"item-{pk}@unionplan.local"
