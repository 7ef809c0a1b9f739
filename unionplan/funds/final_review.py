"""The 经费审查委员会's sign-off of a union's 决算, and what a signed year forbids.

Only a member of the union's 经费审查委员会 (role ``auditor``, on the union or a federation
above it) reviews: not the chair or committee who spent the money, not a superuser. A review
is kept as a history (``FinalReview``); the latest act of the year is its state.

A signed 决算 is fixed. Spending that would change the year's figures — a new or edited
expense, an approved reimbursement, a gift in the welfare register, a deleted record — is
refused with a Chinese message naming who signed and when (``refuse_if_signed``, called by
the spending gate), even for the chair. To correct the year the committee first withdraws
its signature with a reason; the corrected 决算 is then reviewed and signed again. A
federation's 决算 sums its subtree, so its signature fixes the year of every union below.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from unionplan.audit.models import record as audit
from unionplan.calendar.years import check_year
from unionplan.errors import UserInputError
from unionplan.funds.models import FinalReview
from unionplan.orgs.access import role_in
from unionplan.orgs.models import Organization

AUDITOR = "auditor"
SIGNED, RETURNED, WITHDRAWN = "signed", "returned", "withdrawn"
MAX_OPINION = 2000


def may_review(user, org: Organization) -> bool:
    """Whether ``user`` sits on the 经费审查委员会 that reviews ``org``'s accounts."""
    return user.is_authenticated and not user.is_superuser and role_in(user, org) == AUDITOR


def current(org: Organization, year: int) -> FinalReview | None:
    """The latest review act of ``org``'s year, or None if it was never reviewed."""
    return (
        FinalReview.objects.filter(organization=org, year=year)
        .select_related("reviewer")
        .order_by("-id")
        .first()
    )


def locking(org: Organization, year: int) -> FinalReview | None:
    """The signature that fixes ``org``'s year: its own, or a federation's above it (1 query)."""
    ids = [int(part) for part in org.path.split("/") if part] or [org.pk]
    latest: dict[int, FinalReview] = {}
    for review in (
        FinalReview.objects.filter(organization_id__in=ids, year=year)
        .select_related("organization")
        .order_by("-id")
    ):
        latest.setdefault(review.organization_id, review)
    signed = [review for review in latest.values() if review.state == SIGNED]
    return min(signed, key=lambda r: r.reviewed_on) if signed else None


def refuse_if_signed(org: Organization, year: int, *, income: bool = False) -> None:
    """UserInputError when the 决算 covering ``org``'s ``year`` is signed (``income``: it is
    income that is refused, not spending)."""
    review = locking(org, year)
    if review is None:
        return
    figures = {"year": year, "name": review.reviewer_name, "on": f"{review.reviewed_on:%Y-%m-%d}"}
    if review.organization_id == org.pk:
        text = (
            _(
                "%(year)s年决算已由经费审查委员会%(name)s于%(on)s审查签署，该年度的收入不能再登记"
                "或更改；确需更正，请经费审查委员会先撤回签署。"
            )
            if income
            else _(
                "%(year)s年决算已由经费审查委员会%(name)s于%(on)s审查签署，该年度的支出不能再登记或"
                "更改；确需更正，请经费审查委员会先撤回签署。"
            )
        )
    else:
        figures["union"] = review.organization.name
        text = (
            _(
                "%(year)s年决算（%(union)s汇总决算）已由经费审查委员会%(name)s于%(on)s审查签署，"
                "该年度的收入不能再登记或更改；确需更正，请经费审查委员会先撤回签署。"
            )
            if income
            else _(
                "%(year)s年决算（%(union)s汇总决算）已由经费审查委员会%(name)s于%(on)s审查签署，"
                "该年度的支出不能再登记或更改；确需更正，请经费审查委员会先撤回签署。"
            )
        )
    raise UserInputError(text % figures)


def footer(org: Organization, year: int) -> str:
    """The line the 决算 ends with: who reviewed it and when, or that nobody has."""
    review = current(org, year)
    if review is None or review.state == WITHDRAWN:
        return "经费审查委员会审查：未经审查"
    if review.state == RETURNED:
        return (
            f"经费审查委员会审查：未通过（{review.reviewer_name}，{review.reviewed_on:%Y-%m-%d}）"
        )
    return (
        f"经费审查委员会审查：已审查签署　审查人：{review.reviewer_name}"
        f"　审查日期：{review.reviewed_on:%Y-%m-%d}　审查意见：{review.opinion}"
    )


@transaction.atomic
def act(
    org: Organization, year: object, user, *, state: str, name: str, opinion: str,
    on: dt.date | None = None,
) -> FinalReview:  # fmt: skip
    """Sign (``signed``), return (``returned``) or withdraw (``withdrawn``) the year's 决算.

    Refused with a Chinese message, nothing stored: a reviewer outside the committee, an
    empty opinion or name, a date before the year has begun or in the future, signing a
    year already signed, withdrawing one that is not.
    """
    year = check_year(year)
    on = on or dt.date.today()
    _check(org, year, user, state=state, name=name, opinion=opinion, on=on)
    review = FinalReview.objects.create(
        organization=org, year=year, state=state, reviewer=user, reviewer_name=name.strip(),
        reviewed_on=on, opinion=opinion.strip(),
    )  # fmt: skip
    audit(
        org, user, f"funds.final_review.{state}",
        f"{year}年决算 {review.get_state_display()}",
        {"review": review.pk, "year": year, "state": state, "on": on.isoformat(),
         "opinion": review.opinion},
    )  # fmt: skip
    return review


def _check(
    org: Organization, year: int, user, *, state: str, name: str, opinion: str, on: dt.date
) -> None:
    if not may_review(user, org):
        raise UserInputError(_("只有本工会经费审查委员会的委员才能审查决算。"))
    if state not in (SIGNED, RETURNED, WITHDRAWN):
        raise UserInputError(_("请选择审查结果。"))
    if not name.strip():
        raise UserInputError(_("请填写审查人姓名。"))
    if not opinion.strip():
        raise UserInputError(_("请填写审查意见（撤回签署须写明理由）。"))
    if len(opinion) > MAX_OPINION:
        raise UserInputError(_("审查意见不能超过%(n)s字。") % {"n": MAX_OPINION})
    if on.year < year or on > dt.date.today():
        raise UserInputError(_("审查日期不能早于%(year)s年，也不能晚于今天。") % {"year": year})
    now = current(org, year)
    signed = now is not None and now.state == SIGNED
    if state == WITHDRAWN and not signed:
        raise UserInputError(_("%(year)s年决算尚未签署，无需撤回。") % {"year": year})
    if state != WITHDRAWN and signed:
        raise UserInputError(
            _("%(year)s年决算已审查签署；如需重新审查，请先撤回签署。") % {"year": year}
        )
