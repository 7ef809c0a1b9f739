import datetime as dt
import io

import pytest
from python_calamine import CalamineWorkbook

from tests.factories import MemberFactory, OrganizationFactory, tag_member
from tests.members.rosters import HEADER, csv_bytes, person, xlsx
from unionplan.members import bulk_write, importing, roster_export
from unionplan.members.models import Child, Member, MemberTag

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Member.objects.values_list("id_number", "name", "phone", "department")),
        sorted(MemberTag.objects.values_list("member_id", "tag__name")),
        sorted(Child.objects.values_list("member_id", "name")),
    )


def test_preview_stores_nothing(org):
    preview = importing.preview_bytes(org, xlsx([person(1), person(2)]), "名册.xlsx")
    assert (preview.error, len(preview.rows), preview.created) == (None, 2, 2)
    assert Member.objects.count() == 0


def test_import_creates_members_with_tags_and_children(org):
    rows = [person(1, 标签="劳模、困难职工", 子女="张小明 2015-05-01；张小红 2018.3.2"), person(2)]
    outcome = importing.import_bytes(org, xlsx(rows), "名册.xlsx")
    assert (outcome.created, outcome.updated, outcome.skipped) == (2, 0, 0)
    member = Member.objects.get(name="会员1")
    assert member.org_key == org.path.replace("/", "")
    assert member.birth_month == member.birth_date.month
    assert sorted(member.tags.values_list("name", flat=True)) == ["劳模", "困难职工"]
    assert list(member.children.values_list("name", flat=True)) == ["张小明", "张小红"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding(org, encoding):
    data = csv_bytes([person(1, 部门="后勤处")], encoding=encoding)
    assert importing.import_bytes(org, data, "名册.csv").created == 1
    assert Member.objects.get().department == "后勤处"


def test_reimport_updates_instead_of_duplicating(org):
    importing.import_bytes(org, xlsx([person(1, 标签="劳模"), person(2)]), "a.xlsx")
    first = Member.objects.get(name="会员1")
    changed = [person(1, 部门="数学组", 标签="工会干部"), person(2), person(3)]
    outcome = importing.import_bytes(org, xlsx(changed), "b.xlsx")
    assert (outcome.created, outcome.updated) == (1, 2)
    assert Member.objects.count() == 3
    again = Member.objects.get(pk=first.pk)
    assert again.department == "数学组"
    assert list(again.tags.values_list("name", flat=True)) == ["工会干部"]


def test_reimport_writes_only_what_changed(org):
    rows = [person(1), person(2), person(3, 子女="小明 2015-05-01")]
    importing.import_bytes(org, xlsx(rows), "a.xlsx")
    stamps = dict(Member.objects.values_list("name", "updated_at"))
    rows[1] = person(2, 手机="13999999999", 部门="数学组")
    rows[2] = person(3, 子女="小明 2015-05-01；小红 2018-01-02")
    outcome = importing.import_bytes(org, xlsx(rows), "b.xlsx")
    assert (outcome.created, outcome.updated) == (0, 3)
    after = {m.name: m for m in Member.objects.all()}
    assert (after["会员2"].phone, after["会员2"].department) == ("13999999999", "数学组")
    assert after["会员2"].updated_at > stamps["会员2"]
    assert after["会员1"].updated_at == stamps["会员1"] and after["会员1"].phone == "13800000001"
    assert after["会员3"].children.count() == 2  # children are replaced whatever the row


def test_reimport_keeps_columns_the_file_does_not_have(org):
    importing.import_bytes(org, xlsx([person(1, 标签="劳模")]), "a.xlsx")
    header = ["姓名", "身份证号", "部门"]
    importing.import_bytes(org, xlsx([person(1, 部门="后勤处")], header=header), "b.xlsx")
    member = Member.objects.get()
    assert member.department == "后勤处"
    assert member.phone == "13800000001"
    assert list(member.tags.values_list("name", flat=True)) == ["劳模"]


def test_row_without_id_number_is_reported(org):
    preview = importing.preview_bytes(org, xlsx([person(1, 身份证号="")]), "a.xlsx")
    assert preview.rows == []
    assert [(p.row, p.column) for p in preview.problems] == [(2, "身份证号")]
    assert "身份证号" in preview.problems[0].message


def test_id_number_registered_in_another_union_of_the_tree_is_reported():
    federation = OrganizationFactory(kind="federation")
    school, hospital = (OrganizationFactory(parent=federation) for _ in range(2))
    row = person(1)
    MemberFactory(organization=hospital, id_number=row["身份证号"])
    preview = importing.preview_bytes(school, xlsx([row]), "a.xlsx")
    assert preview.rows == [] and "另一个工会" in preview.problems[0].message


def test_the_same_person_may_be_in_two_unrelated_trees():
    row = person(1)
    for org in (OrganizationFactory(), OrganizationFactory()):
        assert importing.import_bytes(org, xlsx([row]), "a.xlsx").created == 1
    assert Member.objects.count() == 2


def test_bad_rows_are_reported_and_good_rows_imported(org):
    rows = [person(1), person(2, 出生日期="1975-02-30"), person(3, 身份证号="110105194912310021")]
    preview = importing.preview_bytes(org, xlsx(rows), "a.xlsx")
    assert [p.row for p in preview.problems] == [3, 4]
    assert preview.problems[0].column == "出生日期"
    assert len(preview.rows) == 1
    importing.apply(org, preview)
    assert list(Member.objects.values_list("name", flat=True)) == ["会员1"]


@pytest.mark.parametrize(
    ("data", "filename", "words"),
    [
        (b"%PDF-1.4 binary", "名册.xlsx", "电子表格"),
        (b"", "名册.csv", "空"),
        (xlsx([], header=["编号", "备注"]), "名册.xlsx", "姓名"),
        (xlsx([], header=[]), "名册.xlsx", "空"),
    ],
)
def test_files_that_are_not_rosters_get_a_clear_error(org, data, filename, words):
    MemberFactory(organization=org)
    before = snapshot()
    outcome = importing.import_bytes(org, data, filename)
    assert outcome.error and words in outcome.error
    assert snapshot() == before


def test_a_failed_import_writes_nothing_and_keeps_what_was_stored(org, monkeypatch):
    importing.import_bytes(org, xlsx([person(1, 标签="劳模"), person(2)]), "a.xlsx")
    before = snapshot()

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk_write, "replace_children", broken)
    rows = [person(1, 部门="数学组", 标签="工会干部"), person(3)]
    with pytest.raises(RuntimeError):
        importing.import_bytes(org, xlsx(rows), "b.xlsx")
    assert snapshot() == before


def test_many_bad_rows_are_summarised_and_truncated(org):
    rows = [person(n, 出生日期="1975-02-30") for n in range(1, 1201)]
    preview = importing.preview_bytes(org, xlsx(rows), "a.xlsx")
    assert preview.bad_rows == 1200
    assert len(preview.shown_problems) == importing.PROBLEMS_SHOWN
    [(column, _message, count)] = preview.problem_summary()
    assert (column, count) == ("出生日期", 1200)


def test_dry_run_stores_nothing(org):
    outcome = importing.import_bytes(org, xlsx([person(1)]), "a.xlsx", dry_run=True)
    assert outcome.created == 1
    assert Member.objects.count() == 0


def test_export_reads_back_as_the_same_roster(org):
    member = MemberFactory(organization=org, birth_date=dt.date(1980, 5, 6), phone="13912345678")
    tag_member(member, "劳模")
    content, count = roster_export.members_xlsx(Member.objects.all(), masked=False)
    assert count == 1
    assert importing.preview_bytes(org, content, "export.xlsx").updated == 1
    masked, _ = roster_export.members_xlsx(Member.objects.all(), masked=True)
    cells = cells_of(masked)
    assert member.masked_id_number in cells and member.id_number not in cells
    assert "139****5678" in cells and member.id_number in cells_of(content)


def cells_of(content: bytes) -> set[str]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return {str(v) for row in book.get_sheet_by_index(0).to_python() for v in row}


def test_hire_date_is_imported_kept_and_exported(org):
    rows = [person(1, 入职日期="2026年9月1日", 入会时间="2010-07-01"), person(2)]
    importing.import_bytes(org, xlsx(rows, [*HEADER, "入会时间", "入职日期"]), "名册.xlsx")
    first, second = Member.objects.order_by("name")
    assert (first.hired_on, first.joined_at, second.hired_on) == (
        dt.date(2026, 9, 1), dt.date(2010, 7, 1), None,
    )  # fmt: skip
    assert (first.new_hire_date, second.new_hire_date) == (dt.date(2026, 9, 1), None)
    # A roster without the column leaves the stored hire dates alone.
    importing.import_bytes(org, xlsx([person(1, 部门="数学组")]), "名册.xlsx")
    assert Member.objects.get(pk=first.pk).hired_on == dt.date(2026, 9, 1)
    # One with 入职时间 but not 入会时间: a cleared hire date falls back to the stored joining
    # date for 新入职 scopes, and a new one is taken.
    rows = [person(1), person(2, 入职时间="2026-10-08")]
    importing.import_bytes(org, xlsx(rows, [*HEADER, "入职时间"]), "名册.xlsx")
    first, second = Member.objects.order_by("name")
    assert (first.hired_on, first.new_hire_date) == (None, dt.date(2010, 7, 1))
    assert second.new_hire_date == dt.date(2026, 10, 8)
    rows = [person(1, 入职时间="2026-09-01"), person(2)]
    importing.import_bytes(org, xlsx(rows, [*HEADER, "入职时间"]), "名册.xlsx")
    # The export has the column and reads back as the same dates, field by field.
    content, _ = roster_export.members_xlsx(Member.objects.order_by("name"), masked=False)
    preview = importing.preview_bytes(org, content, "export.xlsx")
    assert preview.report.columns["hired_on"] == "入职时间"
    assert [(r.name, r.hired_on, r.joined_on) for r in preview.rows] == [
        ("会员1", dt.date(2026, 9, 1), dt.date(2010, 7, 1)), ("会员2", None, None),
    ]  # fmt: skip
    before = list(Member.objects.values_list("pk", "updated_at"))
    importing.import_bytes(org, content, "export.xlsx")
    assert list(Member.objects.values_list("pk", "updated_at")) == before  # nothing changed


def test_a_narrow_file_stores_the_same_members_as_a_full_row_insert(org):
    """A file of four columns is inserted with only those (and what derives from them); the
    database's defaults give the others exactly what writing every column would have."""
    header = ["姓名", "身份证号", "手机", "入职时间"]
    rows = [person(1, 入职时间="2020-03-01"), person(2, 入职时间="")]
    preview = importing.preview_bytes(org, xlsx(rows, header=header), "窄.xlsx")
    importing.apply(org, preview)
    narrow = list(Member.objects.order_by("id_number").values())
    Member.objects.all().delete()
    with bulk_write.bulk_write():
        bulk_write.insert_new(org, preview.rows, need_ids=False, fields=None)  # every column
    full = list(Member.objects.order_by("id_number").values())
    ignore = {"id", "created_at", "updated_at"}
    assert [{k: v for k, v in m.items() if k not in ignore} for m in narrow] == [
        {k: v for k, v in m.items() if k not in ignore} for m in full
    ]
    assert narrow[0]["status"] == "active" and narrow[0]["note"] == ""
    assert {m["new_hire_date"] for m in narrow} == {dt.date(2020, 3, 1), None}


def test_every_column_an_insert_may_leave_out_has_a_database_default():
    """insert_new writes only the file's columns: the others must be filled by the database."""
    from django.db.models import NOT_PROVIDED

    always = set(bulk_write.insert_columns(["name", "gender", "birth_date"]))
    for name in set(bulk_write.insert_columns(None)) - always:
        field = Member._meta.get_field(name)
        assert field.null or field.db_default is not NOT_PROVIDED, name
