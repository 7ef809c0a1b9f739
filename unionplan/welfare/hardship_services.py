"""Hardship files: saving, the two reviews, 公示, aid, the yearly re-check and 脱困.

Every step runs in one transaction with its audit entry (``hardship.*``), and every
reading of a file by a person is logged too (``log_view``): the files hold income, illness
and family details. The classification is never typed: it is computed from the household
(``unionplan.fundrules.hardship.classify``) each time the figures are saved or re-checked.
Aid is an entry of the welfare register (kind ``hardship``) checked against the
household's yearly caps, only after the 公示 period has ended.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from unionplan.audit.models import record as audit
from unionplan.core import spending
from unionplan.core.people import person_name
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import (
    AID_KINDS,
    CLASSES,
    RECOGNISED,
    Aid,
    AidDecision,
    Classification,
    Household,
    Person,
    check_aid,
    classify,
    recheck_outcome,
)
from unionplan.members.models import Member
from unionplan.orgs.models import Organization, Role
from unionplan.welfare.hardship_models import (
    DibaoStandard,
    HardshipAid,
    HardshipFile,
    HardshipReader,
    HouseholdPerson,
)
from unionplan.welfare.models import WelfareEntry
from unionplan.welfare.services import budget_spending

PACK_ID = "hardship"  # what a hardship entry of the register names as its rules
MIN_PUBLICITY_DAYS = 5  # 公示 lasts at least five working days in the published practice


@dataclass(frozen=True)
class Facts:
    """What the intake form says about the household, apart from its people."""

    city: str
    year: int
    disaster: bool = False
    situation: str = ""
    homes: int = 1
    business: bool = False
    private_school_fee: Decimal = Decimal(0)
    public_school_fee: Decimal = Decimal(0)
    study_abroad: bool = False


def dibao_for(city: str, year: int) -> Decimal:
    """The monthly 低保 of ``city`` in ``year`` from the operator's table."""
    found = DibaoStandard.objects.filter(city=city.strip(), year=year).first()
    if found is None:
        raise UserInputError(
            f"没有{city}{year}年的低保标准，请系统管理员先在后台“低保标准”中录入。"
        )
    return found.monthly


def household(facts: Facts, people: list[Person], dibao: Decimal) -> Household:
    return Household(
        tuple(people), dibao, disaster=facts.disaster, homes=facts.homes,
        business=facts.business, private_school_fee=facts.private_school_fee,
        public_school_fee=facts.public_school_fee, study_abroad=facts.study_abroad,
    )  # fmt: skip


def preview(facts: Facts, people: list[Person]) -> Classification:
    """The class the figures give, without saving anything."""
    return classify(household(facts, people, dibao_for(facts.city, facts.year)))


def save_file(
    org: Organization, member: Member, facts: Facts, people: list[Person], user,
    file: HardshipFile | None = None, notes: list[str] | None = None,
) -> HardshipFile:  # fmt: skip
    """Create or change a file with its household; the class is computed, not typed.

    ``notes`` say what each person's costs are (医疗, 残疾, 就学), in the order of ``people``.
    """
    if member.organization_id != org.pk:
        raise UserInputError(f"{member.name}不是{org.name}的会员，不能在本工会建档。")
    if file is not None and not file.editable:
        raise UserInputError(f"档案状态为“{file.get_state_display()}”，不能修改。")
    dibao = dibao_for(facts.city, facts.year)
    result = classify(household(facts, people, dibao))
    with transaction.atomic():
        _one_a_year(member, facts.year, file)
        file = file or HardshipFile(organization=org, created_by=_user(user))
        file.member = member
        _apply(file, facts, dibao, result)
        file.save()
        file.people.all().delete()
        HouseholdPerson.objects.bulk_create(
            HouseholdPerson(file=file, position=n, relation=p.relation, name=p.name,
                            income=p.income, costs=p.costs, costs_note=note)
            for n, (p, note) in enumerate(zip(people, notes or [""] * len(people), strict=True))
        )  # fmt: skip
        audit(org, user, "hardship.save", _describe(file), {"file": file.pk, "class": result.code})
    return file


def _one_a_year(member: Member, year: int, file: HardshipFile | None) -> None:
    """A household has one file a year: a second is refused, naming the first."""
    others = HardshipFile.objects.filter(member=member, year=year)
    if file is not None and file.pk:
        others = others.exclude(pk=file.pk)
    if (other := others.first()) is not None:
        raise UserInputError(
            f"{member.name}{year}年已有困难职工档案（档案{other.pk}，{other.get_state_display()}），"
            "请在原档案上修改。"
        )


def _apply(file: HardshipFile, facts: Facts, dibao: Decimal, result: Classification) -> None:
    file.year, file.city, file.dibao = facts.year, facts.city.strip(), dibao
    file.disaster, file.situation = facts.disaster, facts.situation[:500]
    file.homes, file.business, file.study_abroad = facts.homes, facts.business, facts.study_abroad
    file.private_school_fee = facts.private_school_fee
    file.public_school_fee = facts.public_school_fee
    file.classification, file.per_capita = result.code, result.per_capita
    file.reason = result.reason[:600]


def _user(user):
    return user if user is not None and user.is_authenticated else None


def _describe(file: HardshipFile) -> str:
    return f"困难职工档案{file.pk}（{file.year}年）"


def facts_of(file: HardshipFile) -> Facts:
    return Facts(
        city=file.city, year=file.year, disaster=file.disaster, situation=file.situation,
        homes=file.homes, business=file.business, private_school_fee=file.private_school_fee,
        public_school_fee=file.public_school_fee, study_abroad=file.study_abroad,
    )  # fmt: skip


def people_of(file: HardshipFile) -> list[Person]:
    return [Person(p.relation, p.income, p.costs, p.name) for p in file.people.all()]


def classification_of(file: HardshipFile) -> Classification:
    """The file's class as stored, computed again from its figures (for the aid check)."""
    return classify(household(facts_of(file), people_of(file), file.dibao))


def union_review(file: HardshipFile, user, approve: bool, comment: str) -> None:
    """The first review, by the union's chair: on to the federation, or back."""
    if file.state not in {"draft", "returned"}:
        raise UserInputError(f"档案状态为“{file.get_state_display()}”，不在工会审核阶段。")
    if not approve and not comment.strip():
        raise UserInputError("退回须填写审核意见。")
    if approve and file.classification not in {"deep", "relative", "accident"}:
        raise UserInputError(f"认定结果为“{file.get_classification_display()}”，不能审核通过。")
    with transaction.atomic():
        file.union_reviewed_by, file.union_reviewed_at = _user(user), timezone.now()
        file.review_comment = comment.strip()[:500]
        # A union with nobody above it approves its files itself.
        top = file.organization.parent_id is None
        file.state = ("approved" if top else "union_approved") if approve else "returned"
        file.save()
        audit(file.organization, user, "hardship.union_review", _describe(file),
              {"file": file.pk, "approve": approve, "comment": file.review_comment})  # fmt: skip


def federation_review(file: HardshipFile, user, approve: bool, comment: str) -> None:
    """The second review, by the chair or staff of the federation above."""
    if file.state != "union_approved":
        raise UserInputError(f"档案状态为“{file.get_state_display()}”，不在上级审核阶段。")
    if not approve and not comment.strip():
        raise UserInputError("退回须填写审核意见。")
    with transaction.atomic():
        file.federation_reviewed_by = _user(user)
        file.federation_reviewed_at = timezone.now()
        file.review_comment = comment.strip()[:500]
        file.state = "approved" if approve else "returned"
        file.save()
        audit(file.organization, user, "hardship.federation_review", _describe(file),
              {"file": file.pk, "approve": approve, "comment": file.review_comment})  # fmt: skip


def set_publicity(file: HardshipFile, start: dt.date, end: dt.date, user) -> None:
    """The 公示 period of an approved file: at least five days, before any aid is paid."""
    if file.state != "approved":
        raise UserInputError("档案经两级审核通过后才能公示。")
    if end < start:
        raise UserInputError("公示结束日期不能早于开始日期。")
    if (end - start).days + 1 < MIN_PUBLICITY_DAYS:
        raise UserInputError(f"公示期不少于{MIN_PUBLICITY_DAYS}天。")
    if file.aids.exists():
        raise UserInputError("档案已有帮扶发放，公示期不能再改。")
    with transaction.atomic():
        file.publicity_start, file.publicity_end = start, end
        file.save(update_fields=["publicity_start", "publicity_end"])
        audit(file.organization, user, "hardship.publicity", _describe(file),
              {"file": file.pk, "start": start.isoformat(), "end": end.isoformat()})  # fmt: skip


def scope_member_ids(hardship: str, year: int) -> QuerySet:
    """The members 困难职工 (``hardship`` "any") or 特困职工 ("deep") of a 参加范围 name: those
    with an approved, not exited file of ``year`` of a recognised class (or of that class)."""
    classes = sorted(RECOGNISED) if hardship == "any" else [hardship]
    files = HardshipFile.objects.filter(
        year=year, state="approved", classification__in=classes
    )  # an exited file is in state "exited"
    return files.values("member_id")


def approved_file(member: Member, year: int) -> HardshipFile:
    """The member's approved file of ``year``: hardship aid goes to a file, never to a name."""
    file = HardshipFile.objects.filter(member=member, year=year, state="approved").first()
    if file is None:
        raise UserInputError(
            f"{member.name}没有{year}年已审核的困难职工档案：困难帮扶须先建档，"
            "经两级审核并公示期满后发放。"
        )
    return file


def history(file: HardshipFile) -> list[Aid]:
    """Every aid the household had from its file (what the caps count)."""
    return [
        Aid(a.kind, a.entry.date, a.entry.amount, a.school_level)
        for a in file.aids.select_related("entry")
    ]


def decide_aid(
    file: HardshipFile, kind: str, amount: Decimal, day: dt.date, school_level: str = "",
    today: dt.date | None = None,
) -> AidDecision:  # fmt: skip
    """Whether aid may be paid now: the file approved, its 公示 over, within the caps."""
    today = today or timezone.localdate()
    if file.state != "approved":
        raise UserInputError(f"档案状态为“{file.get_state_display()}”，不能发放帮扶。")
    if file.publicity_end is None:
        raise UserInputError("档案尚未公示，公示期满后才能发放帮扶。")
    if day <= file.publicity_end or today <= file.publicity_end:
        raise UserInputError(
            f"公示期至 {file.publicity_end.isoformat()} 结束，期满后才能发放帮扶。"
        )
    if day > today:
        raise UserInputError("发放日期不能晚于今天。")
    return check_aid(classification_of(file), kind, amount, day, history(file), school_level)


def pay(
    file: HardshipFile, kind: str, amount: Decimal, day: dt.date, user, *,
    school_level: str = "", received_by: str = "", signed: bool = False,
    today: dt.date | None = None, budget_reason: str = "", campaign=None,
) -> tuple[WelfareEntry, AidDecision]:  # fmt: skip
    """Pay aid: an entry of the register (kind hardship), refused over the caps.

    Aid is spending like a gift: the budget gate may refuse it (``spending.OverBudget``)
    unless the chair gives ``budget_reason``. ``campaign``: the campaign (金秋助学…) it is
    paid in, kept on the entry.
    """
    with transaction.atomic():
        file = HardshipFile.objects.select_for_update().get(pk=file.pk)
        decision = decide_aid(file, kind, amount, day, school_level, today)
        if not decision.allowed:
            raise UserInputError(decision.reason)
        org = file.organization
        spending.check(
            budget_spending(
                org, day, amount, None, user, budget_reason, kind="hardship", campaign=campaign
            )
        )
        entry = WelfareEntry.objects.create(
            organization=org, member=file.member, kind="hardship", date=day, amount=amount,
            form="慰问金", occasion=AID_KINDS[kind][:20],
            reason=f"困难职工档案{file.pk}：{CLASSES[file.classification]}"[:300],
            approved_by=_name(user), received_by=received_by[:50], signed=signed,
            within_rules=True, pack=PACK_ID, decision=decision.reason[:600],
            created_by=_user(user), campaign=campaign,
        )  # fmt: skip
        HardshipAid.objects.create(file=file, entry=entry, kind=kind, school_level=school_level)
        audit(org, user, "hardship.pay", f"{_describe(file)} {AID_KINDS[kind]} {entry.amount}元",
              {"file": file.pk, "entry": entry.pk, "kind": kind, "amount": str(entry.amount),
               "date": day.isoformat(), "reason": decision.reason})  # fmt: skip
    return entry, decision


def _name(user) -> str:
    if user is None or not user.is_authenticated:
        return ""
    return person_name(user)[:50]


def recheck(file: HardshipFile, year: int, day: dt.date, user) -> str:
    """The yearly re-check: the same household against ``year``'s 低保; out if no longer poor.

    A household still in hardship stays approved for ``year`` (its class may change); one
    that no longer is leaves the files (脱困) on ``day`` with the computed reason.
    """
    if file.state != "approved":
        raise UserInputError("只有已审核的档案需要年度复核。")
    if year <= file.year:
        raise UserInputError(f"档案已是{file.year}年的，复核应针对以后的年度。")
    dibao = dibao_for(file.city, year)
    current = classify(household(facts_of(file), people_of(file), dibao))
    still, outcome = recheck_outcome(file.classification, current)
    with transaction.atomic():
        if still:
            _one_a_year(file.member, year, file)
        file.rechecked_on = day
        if still:
            file.year, file.dibao = year, dibao
            file.classification, file.per_capita = current.code, current.per_capita
            file.reason = current.reason[:600]
        else:
            _exit(file, day, outcome)
        file.save()
        audit(file.organization, user, "hardship.recheck", _describe(file),
              {"file": file.pk, "year": year, "still": still, "outcome": outcome})  # fmt: skip
    return outcome


def exit_file(file: HardshipFile, day: dt.date, reason: str, user) -> None:
    """脱困 by the chair's decision, with the date and the reason."""
    if file.state == "exited":
        raise UserInputError("档案已脱困。")
    if not reason.strip():
        raise UserInputError("脱困须填写原因。")
    with transaction.atomic():
        _exit(file, day, reason.strip())
        file.save()
        audit(file.organization, user, "hardship.exit", _describe(file),
              {"file": file.pk, "date": day.isoformat(), "reason": file.exit_reason})  # fmt: skip


def _exit(file: HardshipFile, day: dt.date, reason: str) -> None:
    file.state, file.exit_date, file.exit_reason = "exited", day, reason[:600]


def add_reader(org: Organization, user_id: int, by) -> None:
    """Name a person of the union to see its files (idempotent), in the audit log."""
    if not Role.objects.filter(organization=org, user_id=user_id).exists():
        raise UserInputError("只能指定本工会的人员。")
    with transaction.atomic():
        HardshipReader.objects.get_or_create(
            organization=org, user_id=user_id, defaults={"added_by": _user(by)}
        )
        audit(
            org, by, "hardship.reader_add", f"困难职工档案查看人 用户{user_id}", {"user": user_id}
        )


def remove_reader(org: Organization, user_id: int, by) -> None:
    with transaction.atomic():
        HardshipReader.objects.filter(organization=org, user_id=user_id).delete()
        audit(
            org,
            by,
            "hardship.reader_remove",
            f"困难职工档案查看人 用户{user_id}",
            {"user": user_id},
        )


def log_view(file: HardshipFile, user) -> None:
    """Every reading of a file, by whom: the audit log's ``hardship.view``."""
    audit(file.organization, user, "hardship.view", _describe(file), {"file": file.pk})


def log_list(org: Organization, user, year: int, rows: int) -> None:
    audit(org, user, "hardship.list", f"困难职工档案列表（{year}年）", {"year": year, "rows": rows})
