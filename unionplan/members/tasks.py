"""Background jobs of the registry: a large roster import, a federation's sign-in sheet.

Each runs in ``unionplan worker`` (see ``unionplan.jobs.lifecycle``); the views start
them and show their page. The import writes in one transaction (``importing.apply``):
a failure or a killed worker leaves the registry as it was.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.errors import UserInputError
from unionplan.jobs.lifecycle import Finished, background
from unionplan.jobs.models import Job
from unionplan.jobs.progress import Progress
from unionplan.members import importing, privacy
from unionplan.members.participants import resolve_item
from unionplan.members.signin import export_title, signin_filename, signin_rows, signin_xlsx
from unionplan.plans.models import ScheduleItem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def imported_message(outcome: importing.ImportOutcome) -> str:
    return _(
        "导入完成：新增 %(created)s 人，更新 %(updated)s 人，跳过有问题的 %(skipped)s 行。"
    ) % {
        "created": outcome.created,
        "updated": outcome.updated,
        "skipped": outcome.skipped,
    }


@background(steps=2)
def import_roster(job: Job, progress: Progress) -> Finished:
    """The roster uploaded into ``job.payload``, into ``job.organization``'s registry."""
    progress.step(_("读取并核对名册"))
    preview = importing.preview_bytes(job.organization, bytes(job.payload), job.params["filename"])
    if preview.error:
        raise UserInputError(preview.error)
    progress.step(_("写入数据库（%(n)s 人）") % {"n": len(preview.rows)})
    importing.apply(job.organization, preview)
    outcome = importing.ImportOutcome(
        created=preview.created, updated=preview.updated, skipped=preview.bad_rows
    )
    return Finished(imported_message(outcome))


@background(steps=2)
def signin_sheet(job: Job, progress: Progress) -> Finished:
    """Every participant of the activity ``job.params["item"]`` on one sign-in sheet."""
    item = ScheduleItem.objects.select_related("plan__organization").get(pk=job.params["item"])
    progress.step(_("查找参加人员"))
    rows = signin_rows(resolve_item(item))
    progress.step(_("生成签到表（%(n)s 人）") % {"n": len(rows)})
    content = signin_xlsx(item, rows)
    privacy.log_export(job.user, item.plan.organization, export_title(item), len(rows), True)
    return Finished(
        _("签到表共 %(n)s 人。") % {"n": len(rows)}, content, signin_filename(item), XLSX
    )
