"""Saving and deleting activity records: all or nothing, and the item's status kept in step.

Views, the command line and tests all come through here, so that the rules (a record lies
in its plan's year, belongs to the organization it is recorded for, names only that union's
members, and carries only accepted files) hold whatever the way in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from unionplan.core import spending
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.plan import states
from unionplan.plans.locking import EditConflict, save_if_unchanged
from unionplan.plans.models import ScheduleItem
from unionplan.records.models import ActivityRecord, Attachment, ExpenseLine


@dataclass
class ExpenseInput:
    category: str
    amount: Decimal
    payee: str = ""
    note: str = ""


@dataclass
class RecordInput:
    """What a person typed for one record, already cleaned by the form."""

    date: dt.date
    place: str = ""
    others_count: int = 0
    summary: str = ""
    attendee_ids: list[int] = field(default_factory=list)
    expenses: list[ExpenseInput] = field(default_factory=list)
    files: list[UploadedFile] = field(default_factory=list)
    # The chair's reason for spending without or past the budget (core.spending).
    override_reason: str = ""


def check_item_belongs(item: ScheduleItem, org: Organization) -> None:
    if item.plan.organization_id != org.pk:
        raise UserInputError(f"活动“{item.text}”不属于{org.name}，不能为它记录。")


def check_date(item: ScheduleItem, date: dt.date) -> None:
    year = item.plan.year
    if date.year != year:
        raise UserInputError(f"活动日期{date:%Y-%m-%d}不在计划年度{year}年内。")


def check_attendees(org: Organization, attendee_ids: list[int]) -> None:
    """Every ticked member must belong to ``org`` (or a union under it)."""
    if not attendee_ids:
        return

    found = Member.objects.under(org).filter(pk__in=attendee_ids).count()
    if found != len(set(attendee_ids)):
        raise UserInputError("所选参加人员中有不属于本工会的会员，请重新勾选。")


def check_files(files: list[UploadedFile]) -> list[uploads.FileKind]:
    """The kind of every file, or UserInputError for the first one refused."""
    if len(files) > uploads.MAX_FILES:
        raise UserInputError(f"一次最多上传{uploads.MAX_FILES}个附件。")
    kinds = []
    for upload in files:
        if upload.size > uploads.MAX_BYTES:  # refuse before reading a byte
            uploads.check_upload(upload.name, upload.size, b"")
        upload.seek(0)
        head = upload.read(uploads.SNIFF_BYTES)
        whole = None
        if upload.name.lower().endswith((".docx", ".xlsx", ".pptx")):
            upload.seek(0)
            whole = upload.read()
        kinds.append(uploads.check_upload(upload.name, upload.size, head, whole))
        upload.seek(0)
    return kinds


def check_input(item: ScheduleItem, org: Organization, data: RecordInput) -> list:
    """Every rule at once, before anything is written; returns the files' kinds."""
    check_item_belongs(item, org)
    check_date(item, data.date)
    check_attendees(org, data.attendee_ids)
    for expense in data.expenses:
        if expense.amount is None or expense.amount <= 0:
            raise UserInputError("支出金额须大于0。")
    return check_files(data.files)


def save_record(
    item: ScheduleItem,
    org: Organization,
    data: RecordInput,
    user=None,
    record: ActivityRecord | None = None,
    seen_version: int | None = None,
) -> ActivityRecord:
    """Create ``record`` (or replace its fields, expenses and attendees); all or nothing.

    Files are added to what the record already has. Raises UserInputError with a Chinese
    message and writes nothing when any rule is broken; files already written to disk are
    removed again if the database transaction fails. With ``seen_version`` (the version the
    editor was shown) an existing record is only replaced if nobody saved it since:
    otherwise ``EditConflict`` is raised and nothing is written.
    """
    kinds = check_input(item, org, data)
    stored: list[Attachment] = []
    try:
        with transaction.atomic():
            check_budget(item, data, user, record)
            record = _write(item, data, user, record, seen_version)
            for upload, kind in zip(data.files, kinds, strict=True):
                stored.append(attach(record, upload, kind, user))
            mark_done(item)
    except Exception:
        for attachment in stored:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return record


def check_budget(
    item: ScheduleItem, data: RecordInput, user, record: ActivityRecord | None
) -> None:
    """The expenses against the budget in force; an edit replaces the record's old lines."""
    replaced = list(record.expenses.all()) if record is not None else []
    spending.check(
        spending.Spending(
            organization=item.plan.organization,
            year=item.plan.year,
            date=data.date,
            expenses=[spending.Expense(item.category, e.category, e.amount) for e in data.expenses],
            replaced=[spending.Expense(item.category, e.category, e.amount) for e in replaced],
            user=user,
            reason=data.override_reason,
            description=f"活动“{item.text}”{data.date:%Y-%m-%d}",
        )
    )


def _check_removal(record: ActivityRecord) -> None:
    """Deleting a record takes its expenses off the books: the gate may refuse that too
    (a year whose 决算 is signed)."""
    old = [
        spending.Expense(record.item.category, e.category, e.amount) for e in record.expenses.all()
    ]
    if old:
        spending.check(
            spending.Spending(
                record.item.plan.organization, record.item.plan.year, record.date, [],
                replaced=old, description=f"删除活动记录 {record.date:%Y-%m-%d}",
            )
        )  # fmt: skip


RECORD_FIELDS = ["date", "place", "others_count", "summary", "updated_at"]


def _write(
    item: ScheduleItem,
    data: RecordInput,
    user,
    record: ActivityRecord | None,
    seen_version: int | None,
) -> ActivityRecord:
    is_new = record is None
    record = record or ActivityRecord(item=item, created_by=user)
    record.date, record.place = data.date, data.place
    record.others_count, record.summary = data.others_count, data.summary
    if is_new or seen_version is None:
        if not is_new:
            record.version += 1
        record.save()
    else:
        record.updated_at = timezone.now()
        save_if_unchanged(record, seen_version, RECORD_FIELDS)
    record.attendees.set(data.attendee_ids)
    record.expenses.all().delete()
    ExpenseLine.objects.bulk_create(
        ExpenseLine(record=record, category=e.category, amount=e.amount, payee=e.payee, note=e.note)
        for e in data.expenses
    )
    return record


def attach(
    record: ActivityRecord, upload: UploadedFile, kind: uploads.FileKind, user
) -> Attachment:
    """Store ``upload`` under a random name and link it to ``record``."""
    return Attachment.store(upload, kind, user, record=record)


def mark_done(item: ScheduleItem) -> None:
    """A record makes a planned (or postponed) activity done."""
    ScheduleItem.objects.filter(pk=item.pk, status__in=states.OPEN_STATUSES).update(
        status=states.DONE, version=F("version") + 1
    )


@transaction.atomic
def delete_record(record: ActivityRecord, seen_version: int | None = None) -> None:
    """Delete ``record`` and its files; the activity is planned again when none is left.

    With ``seen_version``, only if nobody saved the record since it was shown: else
    ``EditConflict`` (with the record as it is now, or None if it is already gone).
    """
    item = record.item
    names = [(a.file.name, a.file.storage) for a in record.attachments.all()]
    _check_removal(record)
    if seen_version is not None:
        current = ActivityRecord.objects.select_for_update().filter(pk=record.pk).first()
        if current is None or current.version != seen_version:
            raise EditConflict(current)
    record.delete()
    if not ActivityRecord.objects.filter(item=item).exists():
        ScheduleItem.objects.filter(pk=item.pk, status=states.DONE).update(
            status="planned", version=F("version") + 1
        )
    transaction.on_commit(lambda: [storage.delete(name) for name, storage in names])
