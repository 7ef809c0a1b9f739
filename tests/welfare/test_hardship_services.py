import datetime as dt
from decimal import Decimal as D

import pytest

from tests.factories import (
    DibaoStandardFactory,
    FederationFactory,
    MemberFactory,
    OrganizationFactory,
    RoleFactory,
    hardship_file,
)
from unionplan.audit.models import AuditEntry
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import Person
from unionplan.welfare import hardship_services as hardship
from unionplan.welfare.hardship_models import HardshipFile
from unionplan.welfare.models import WelfareEntry

TODAY = dt.date(2025, 9, 20)


@pytest.fixture
def school(db):
    return OrganizationFactory(name="合肥一中工会", parent=FederationFactory(name="瑶海区总工会"))


@pytest.fixture
def worker(school):
    return MemberFactory(organization=school, name="张三")


@pytest.fixture
def chair(school):
    return RoleFactory(organization=school, role="chair").user


@pytest.fixture
def approved(worker, chair):
    """A 深度困难 file through both reviews, published 9-01..9-07."""
    file = hardship_file(worker)
    reviewer = RoleFactory(organization=worker.organization.parent, role="staff").user
    hardship.union_review(file, chair, True, "")
    hardship.federation_review(file, reviewer, True, "同意")
    hardship.set_publicity(file, dt.date(2025, 9, 1), dt.date(2025, 9, 7), chair)
    return file


def test_saving_computes_the_class_and_keeps_the_household(worker):
    file = hardship_file(worker, income="20000", costs="2000")
    assert file.classification == "deep" and file.per_capita == D(500)
    assert file.dibao == D(800) and file.state == "draft"
    assert [p.relation for p in file.people.all()] == ["本人", "配偶", "子女"]
    assert AuditEntry.objects.filter(action="hardship.save").count() == 1


def test_no_dibao_for_the_city_and_year_is_a_chinese_error_and_nothing_saved(worker):
    with pytest.raises(UserInputError, match="没有南京市2025年的低保标准"):
        hardship.save_file(
            worker.organization, worker, hardship.Facts("南京市", 2025), [Person("本人")], None
        )
    assert not HardshipFile.objects.exists()


def test_a_member_of_another_union_is_refused(worker):
    DibaoStandardFactory()
    other = OrganizationFactory()
    with pytest.raises(UserInputError, match="不是"):
        hardship.save_file(other, worker, hardship.Facts("合肥市", 2025), [Person("本人")], None)


def test_two_reviews_union_then_federation(worker, chair):
    file = hardship_file(worker)
    hardship.union_review(file, chair, True, "")
    assert file.state == "union_approved" and file.union_reviewed_by == chair
    reviewer = RoleFactory(organization=worker.organization.parent, role="chair").user
    hardship.federation_review(file, reviewer, True, "")
    assert HardshipFile.objects.get().state == "approved"


def test_a_return_needs_a_comment_and_goes_back_to_the_union(worker, chair):
    file = hardship_file(worker)
    with pytest.raises(UserInputError, match="退回须填写审核意见"):
        hardship.union_review(file, chair, False, " ")
    hardship.union_review(file, chair, True, "")
    hardship.federation_review(file, None, False, "收入证明不全")
    file.refresh_from_db()
    assert file.state == "returned" and file.editable and file.review_comment == "收入证明不全"


def test_a_household_above_the_standard_cannot_be_approved(worker, chair):
    file = hardship_file(worker, income="200000")
    assert file.classification == "none"
    with pytest.raises(UserInputError, match="不能审核通过"):
        hardship.union_review(file, chair, True, "")


def test_a_top_level_union_approves_its_files_itself(db):
    top = OrganizationFactory(name="独立工会")
    file = hardship_file(MemberFactory(organization=top))
    hardship.union_review(file, None, True, "")
    assert file.state == "approved"


def test_publicity_lasts_five_days_at_least(approved, chair):
    file = HardshipFile.objects.get()
    file.publicity_start = None
    with pytest.raises(UserInputError, match="不少于5天"):
        hardship.set_publicity(file, dt.date(2025, 9, 1), dt.date(2025, 9, 4), chair)


def test_no_aid_before_the_publicity_period_ends(approved, chair):
    with pytest.raises(UserInputError, match="期满后才能发放"):
        hardship.pay(approved, "living", D(100), dt.date(2025, 9, 7), chair, today=TODAY)
    with pytest.raises(UserInputError, match="期满后才能发放"):
        hardship.pay(
            approved, "living", D(100), dt.date(2025, 9, 8), chair, today=dt.date(2025, 9, 7)
        )
    assert not WelfareEntry.objects.exists()


def test_no_aid_for_a_file_still_under_review(worker, chair):
    file = hardship_file(worker)
    with pytest.raises(UserInputError, match="不能发放帮扶"):
        hardship.pay(file, "living", D(100), TODAY, chair, today=TODAY)


def test_aid_goes_into_the_register_as_hardship_within_the_cap(approved, chair):
    entry, decision = hardship.pay(
        approved, "living", D(9000), dt.date(2025, 9, 8), chair, today=TODAY
    )
    assert entry.kind == "hardship" and entry.amount == D(9000) and entry.within_rules
    assert entry.hardship_aid.file == approved and entry.hardship_aid.kind == "living"
    assert decision.cap == D(9600)
    with pytest.raises(UserInputError, match=r"还可发600\.00元"):
        hardship.pay(approved, "living", D(601), TODAY, chair, today=TODAY)
    assert WelfareEntry.objects.count() == 1
    assert AuditEntry.objects.filter(action="hardship.pay").count() == 1


def test_schooling_aid_by_school_level(approved, chair):
    hardship.pay(approved, "schooling", D(3000), TODAY, chair, school_level="compulsory",
                 today=TODAY)  # fmt: skip
    with pytest.raises(UserInputError, match="超出"):
        hardship.pay(approved, "schooling", D(1), TODAY, chair, school_level="compulsory",
                     today=TODAY)  # fmt: skip
    hardship.pay(approved, "schooling", D(10000), TODAY, chair, school_level="university",
                 today=TODAY)  # fmt: skip
    assert WelfareEntry.objects.count() == 2


def test_publicity_cannot_change_once_aid_is_paid(approved, chair):
    hardship.pay(approved, "living", D(100), TODAY, chair, today=TODAY)
    with pytest.raises(UserInputError, match="不能再改"):
        hardship.set_publicity(approved, dt.date(2025, 10, 1), dt.date(2025, 10, 9), chair)


def test_recheck_keeps_a_household_still_in_hardship_for_the_next_year(approved, chair):
    DibaoStandardFactory(year=2026, monthly=D(850))
    outcome = hardship.recheck(approved, 2026, dt.date(2026, 1, 10), chair)
    approved.refresh_from_db()
    assert "仍为深度困难" in outcome and approved.year == 2026 and approved.dibao == D(850)
    assert approved.state == "approved" and approved.rechecked_on == dt.date(2026, 1, 10)


def test_recheck_exits_a_household_no_longer_in_hardship(worker, chair):
    file = hardship_file(worker, income="40000")
    file.state = "approved"
    file.save()
    DibaoStandardFactory(year=2026, monthly=D(300))  # 1,111 a month each: above 2 × 300
    outcome = hardship.recheck(file, 2026, dt.date(2026, 1, 10), chair)
    file.refresh_from_db()
    assert file.state == "exited" and "脱困" in outcome
    assert file.exit_date == dt.date(2026, 1, 10) and "不再符合" in file.exit_reason


def test_recheck_needs_the_next_years_standard(approved, chair):
    with pytest.raises(UserInputError, match="2026年的低保标准"):
        hardship.recheck(approved, 2026, dt.date(2026, 1, 10), chair)
    approved.refresh_from_db()
    assert approved.year == 2025 and approved.rechecked_on is None


def test_exit_with_date_and_reason(approved, chair):
    with pytest.raises(UserInputError, match="须填写原因"):
        hardship.exit_file(approved, TODAY, "", chair)
    hardship.exit_file(approved, TODAY, "子女就业，家庭收入提高", chair)
    approved.refresh_from_db()
    assert approved.state == "exited" and approved.exit_reason == "子女就业，家庭收入提高"
    with pytest.raises(UserInputError, match="不能发放帮扶"):
        hardship.pay(approved, "living", D(100), TODAY, chair, today=TODAY)


def test_recheck_into_a_year_that_already_has_a_file_is_refused(approved, worker, chair):
    DibaoStandardFactory(year=2026)
    hardship_file(worker, year=2026)
    with pytest.raises(UserInputError, match="2026年已有困难职工档案"):
        hardship.recheck(approved, 2026, dt.date(2026, 1, 10), chair)
    approved.refresh_from_db()
    assert approved.year == 2025 and approved.rechecked_on is None
