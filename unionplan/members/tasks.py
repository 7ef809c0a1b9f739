"""Background jobs of the registry: a large roster's check, import and export, and a
federation's sign-in sheet.

Each runs in ``unionplan worker`` (see ``unionplan.jobs.lifecycle``); the views start
them and show their page. The import writes in one transaction (``importing.apply``):
a failure or a killed worker leaves the registry as it was.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from unionplan.errors import UserInputError
from unionplan.files.mime import XLSX
from unionplan.jobs.lifecycle import Finished, background
from unionplan.jobs.models import Job
from unionplan.jobs.progress import Progress
from unionplan.members import importing, privacy, roster_export
from unionplan.members.participants import resolve_item
from unionplan.members.signin import export_title, signin_filename, signin_rows, signin_xlsx
from unionplan.plans.models import ScheduleItem


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


@background(steps=1)
def check_roster(job: Job, progress: Progress) -> Finished:
    """Read and check a large upload against the registry (stores nothing); the preview
    page then shows what the check found, and the user confirms as for a small file."""
    progress.step(_("读取并核对名册"))
    preview = importing.preview_bytes(job.organization, bytes(job.payload), job.params["filename"])
    if preview.error:
        raise UserInputError(preview.error)
    checked = importing.CheckedRoster.of(preview)
    message = _("检查完成：可以导入 %(ok)s 行，有问题 %(bad)s 行。还没有保存任何数据。") % {
        "ok": checked.importable,
        "bad": checked.bad_rows,
    }
    return Finished(message, details={"checked": checked.to_json()})


@background(steps=2)
def signin_sheet(job: Job, progress: Progress) -> Finished:
    """Every participant of the activity ``job.params["item"]`` on one sign-in sheet."""
    item = ScheduleItem.objects.select_related("plan__organization").get(pk=job.params["item"])
    progress.step(_("查找参加人员"))
    found = resolve_item(item)
    rows = signin_rows(found)
    progress.step(_("生成签到表（%(n)s 人）") % {"n": len(rows)})
    content = signin_xlsx(item, rows, found.for_unions)
    privacy.log_export(job.user, item.plan.organization, export_title(item), len(rows), True)
    return Finished(
        _("签到表共 %(n)s 人。") % {"n": len(rows)}, content, signin_filename(item), XLSX
    )


def registry_title(org) -> str:
    return _("会员名册：%(org)s") % {"org": org.name}


def registry_filename(org) -> str:
    return f"{org.name}-会员名册.xlsx"


@background(steps=1)
def registry_export(job: Job, progress: Progress) -> Finished:
    """The union's registry as a roster file, masked as the starter's role requires."""
    org, masked = job.organization, job.params["masked"]
    progress.step(_("生成会员名册"))
    content, count = roster_export.registry_xlsx(org, masked)
    privacy.log_export(job.user, org, registry_title(org), count, masked)
    message = _("会员名册共 %(n)s 人。") % {"n": count}
    if masked:
        message += _("证件号和手机号已按您的权限隐去中间几位。")
    return Finished(message, content, registry_filename(org), XLSX)
