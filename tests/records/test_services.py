import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import MemberFactory, OrganizationFactory, PlanFactory, ScheduleItemFactory
from tests.records.conftest import (
    EXE,
    docx_upload,
    exe_as_jpg,
    jpeg,
    stored_files,
    xlsx_as_docx,
    zip_bomb_docx,
)
from tests.records.factories import ActivityRecordFactory
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.records import services
from unionplan.records.models import ActivityRecord, Attachment, ExpenseLine
from unionplan.records.services import ExpenseInput, RecordInput


def data(**kwargs) -> RecordInput:
    kwargs.setdefault("date", dt.date(2027, 3, 8))
    return RecordInput(**kwargs)


def nothing_stored(media) -> bool:
    return (
        not ActivityRecord.objects.exists()
        and not ExpenseLine.objects.exists()
        and not Attachment.objects.exists()
        and not stored_files(media)
    )


def test_a_record_with_attendees_expenses_and_files_is_saved_and_the_item_done(
    item, org, chair, media
):
    members = MemberFactory.create_batch(2, organization=org)
    record = services.save_record(
        item,
        org,
        data(
            place="会议室",
            others_count=3,
            attendee_ids=[m.pk for m in members],
            expenses=[ExpenseInput("gift", Decimal("300.00"), "花店")],
            files=[jpeg(), docx_upload()],
        ),
        chair,
    )
    assert set(record.attendees.values_list("pk", flat=True)) == {m.pk for m in members}
    assert record.expenses.get().amount == Decimal("300.00")
    names = sorted(a.original_name for a in record.attachments.all())
    assert names == ["合影.jpg", "签到表.docx"]
    files = stored_files(media)
    assert len(files) == 2 and not any("合影" in f.name for f in files)  # random names
    item.refresh_from_db()
    assert item.status == "done"


def test_a_record_in_another_year_than_the_plan_is_refused(item, org, media):
    with pytest.raises(UserInputError, match="不在计划年度2027年内"):
        services.save_record(item, org, data(date=dt.date(2026, 12, 30), files=[jpeg()]))
    assert nothing_stored(media)


def test_a_record_for_an_item_of_another_organization_is_refused(item, media):
    other = OrganizationFactory(name="隔壁工会")
    with pytest.raises(UserInputError, match="不属于隔壁工会"):
        services.save_record(item, other, data())
    assert nothing_stored(media)


def test_attendees_of_another_union_are_refused(item, org, media):
    stranger = MemberFactory(organization=OrganizationFactory())
    with pytest.raises(UserInputError, match="不属于本工会"):
        services.save_record(item, org, data(attendee_ids=[stranger.pk]))
    assert nothing_stored(media)


def test_a_negative_amount_is_refused(item, org, media):
    with pytest.raises(UserInputError, match="大于0"):
        services.save_record(item, org, data(expenses=[ExpenseInput("gift", Decimal("-1"))]))
    assert nothing_stored(media)


def test_an_executable_renamed_jpg_stores_nothing_not_even_the_good_file(item, org, media):
    with pytest.raises(UserInputError, match="不符"):
        services.save_record(item, org, data(files=[jpeg(), exe_as_jpg()]))
    assert nothing_stored(media)
    assert EXE.startswith(b"MZ")


def test_a_zip_bomb_docx_stores_nothing_not_even_the_good_file(item, org, media):
    bomb = SimpleUploadedFile("总结.docx", zip_bomb_docx())
    with pytest.raises(UserInputError, match="解压后过大"):
        services.save_record(item, org, data(files=[jpeg(), bomb]))
    assert nothing_stored(media)


def test_an_xlsx_renamed_docx_stores_nothing(item, org, media):
    with pytest.raises(UserInputError, match="实际是Excel 表格"):
        services.save_record(item, org, data(files=[docx_upload(), xlsx_as_docx()]))
    assert nothing_stored(media)


def test_a_500_mb_file_is_refused_before_it_is_read(item, org, media):
    class Huge:
        name, size = "huge.jpg", 500 * 1024 * 1024

        def read(self, *args):
            pytest.fail("a file that is too big must not be read")

        seek = read

    upload = Huge()
    with pytest.raises(UserInputError, match="过大"):
        services.save_record(item, org, data(files=[upload]))
    assert nothing_stored(media)


def test_too_many_files_are_refused(item, org, media):
    with pytest.raises(UserInputError, match="最多"):
        services.save_record(item, org, data(files=[jpeg()] * (uploads.MAX_FILES + 1)))
    assert nothing_stored(media)


def test_a_database_failure_removes_files_already_written(item, org, media, monkeypatch):
    def fail(item):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "mark_done", fail)
    with pytest.raises(RuntimeError):
        services.save_record(item, org, data(files=[jpeg()]))
    assert nothing_stored(media)


def test_editing_replaces_expenses_and_keeps_files(item, org, media):
    record = services.save_record(
        item, org, data(expenses=[ExpenseInput("gift", Decimal("1"))], files=[jpeg()])
    )
    services.save_record(
        item, org, data(expenses=[ExpenseInput("meals", Decimal("2"))]), record=record
    )
    assert list(record.expenses.values_list("category", flat=True)) == ["meals"]
    assert record.attachments.count() == 1


def test_deleting_the_last_record_makes_the_item_planned_again(
    item, org, media, django_capture_on_commit_callbacks
):
    first = services.save_record(item, org, data(files=[jpeg()]))
    second = ActivityRecordFactory(item=item)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_record(first)
    item.refresh_from_db()
    assert item.status == "done"
    assert not stored_files(media)
    services.delete_record(second)
    item.refresh_from_db()
    assert item.status == "planned"


def test_a_cancelled_item_stays_cancelled_when_recorded(org, media):
    item = ScheduleItemFactory(plan=PlanFactory(organization=org), status="cancelled")
    services.save_record(item, org, data())
    item.refresh_from_db()
    assert item.status == "cancelled"


# --- the budget in force (core.spending, the funds app's guard) ---------------------------


@pytest.fixture
def budget(plan, item, chair):
    """The plan's budget approved with 1,000 on the item's line (职工活动支出/其他)."""
    from tests.funds.conftest import approved_now

    item.budget = Decimal("1000")
    item.save()
    return approved_now(plan, chair)


def _spend(item, org, user, amount, reason="", record=None):
    expenses = [ExpenseInput("prize", Decimal(amount))]
    return services.save_record(
        item, org, data(expenses=expenses, override_reason=reason), user, record
    )


def test_spending_within_the_budget_is_saved(item, org, chair, budget):
    _spend(item, org, chair, "600")
    _spend(item, org, chair, "400")
    assert sum(e.amount for e in ExpenseLine.objects.all()) == Decimal("1000")


def test_spending_past_the_budget_is_refused_with_line_budget_and_spent(
    item, org, chair, budget, media
):
    from unionplan.core.spending import OverBudget

    _spend(item, org, chair, "600")
    with pytest.raises(OverBudget, match=r"职工活动支出—其他”预算1,000\.00元，已支出600\.00元"):
        _spend(item, org, chair, "500")
    assert ActivityRecord.objects.count() == 1 and ExpenseLine.objects.count() == 1


def test_an_override_without_reason_or_by_a_committee_member_is_refused(item, org, budget):
    from tests.factories import RoleFactory
    from unionplan.funds.models import SpendingOverride

    committee = RoleFactory(organization=org, role="committee").user
    with pytest.raises(UserInputError, match="须由工会主席说明理由"):
        _spend(item, org, committee, "1500", reason="急需")
    chair = RoleFactory(organization=org, role="chair").user
    with pytest.raises(UserInputError, match="须填写理由"):
        _spend(item, org, chair, "1500", reason="   ")
    assert not ExpenseLine.objects.exists() and not SpendingOverride.objects.exists()


def test_the_chairs_override_is_saved_kept_and_audited(item, org, chair, budget):
    from unionplan.audit.models import AuditEntry
    from unionplan.funds.models import SpendingOverride

    record = _spend(item, org, chair, "1500", reason="参赛人数翻倍")
    override = SpendingOverride.objects.get()
    assert (override.line, override.amount, override.budget) == (
        "职工活动支出/其他", Decimal("1500"), Decimal("1000"),
    )  # fmt: skip
    assert override.reason == "参赛人数翻倍" and override.approved_by == chair
    entry = AuditEntry.objects.get(action="funds.override")
    assert entry.organization == org and "超预算支出1,500.00元" in entry.object_description
    _spend(item, org, chair, "1500", record=record)  # saved unchanged: nothing asked again
    assert SpendingOverride.objects.count() == 1 and ExpenseLine.objects.count() == 1


def test_nothing_is_checked_before_the_plan_is_approved(item, org, chair):
    _spend(item, org, chair, "5000")
    assert ExpenseLine.objects.get().amount == Decimal("5000")
