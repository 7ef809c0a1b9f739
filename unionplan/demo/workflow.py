"""The demo's plans through the review, their budgets, and a union's reimbursements.

Every step goes through the services the pages call (``review.services``,
``funds.reimbursements``), so the demo passes the same checks a user's clicks do: each
union's chair submits this year's plan and the federation's chair approves it (its budget
is approved with it, ``funds.budgeting``); the federation's own plan is approved by its
committee, with the meeting's date. One union's plan is returned with a comment and one
is still waiting, so the review board shows every state. Next year's plans stay drafts.
The year's 决算 is left unsigned: the demo's 经费审查委员 finds it waiting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from unionplan.demo.activity import OVER_BUDGET_REASON
from unionplan.funds import reimbursements
from unionplan.funds.reimbursements import ClaimInput, ItemInput
from unionplan.plans.models import Plan
from unionplan.review import services as review

RETURNED_UNION = "市民政局机关工会"
RETURN_COMMENT = (
    "计划表中“职工疗休养”未写明参加范围和经费预算，请补充后重新提交；"
    "工资集体协商的工作目标请与市总工会下达的指标对应。"
)
WAITING_UNION = "东湖街道明珠社区联合工会"
COMMITTEE_MEETING = (1, 16)
# the federation's committee approved its plan on 1月16日


def review_year(plans: list[Plan], chairs: dict, reviewer, today: dt.date) -> list[Plan]:
    """Submit each of ``plans`` (this year's) by its union's chair (``chairs[org id]``) and
    have ``reviewer`` (the federation's chair) decide it; the plans approved, in order."""
    approved = []
    for plan in plans:
        org = plan.organization
        if org.parent_id is None:  # the federation's own: its committee decided
            review.submit(plan, reviewer)
            meeting = min(dt.date(plan.year, *COMMITTEE_MEETING), timezone.localdate())
            review.review(plan, reviewer, approve=True, meeting_date=meeting)
        else:
            review.submit(plan, chairs[org.pk], _submit_note(org.name))
            if org.name == WAITING_UNION:
                continue
            if org.name == RETURNED_UNION:
                review.review(plan, reviewer, approve=False, comment=RETURN_COMMENT)
                continue
            review.review(plan, reviewer, approve=True, comment="同意。请按计划组织实施。")
        approved.append(plan)
    return approved


def _submit_note(name: str) -> str:
    return f"{name}年度工作计划已经工会委员会讨论通过，请审批。"


# --- reimbursements -------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    title: str
    applicant: str
    month: int
    items: tuple[tuple[str, str, str], ...]  # (description, amount, line)
    paid: bool  # approved and paid, else left submitted for the chair


CLAIMS = (
    Claim(
        "教职工气排球比赛用球及饮用水", "体育组 刘老师", 4,
        (("气排球10只", "650.00", "职工活动支出/文体活动"),
         ("饮用水", "120.00", "职工活动支出/文体活动")),
        paid=True,
    ),
    Claim(
        "工会干部业务培训资料费", "工会委员 陈老师", 11,
        (("《工会工作实务》20册", "760.00", "职工活动支出/职工教育"),),
        paid=False,
    ),
)  # fmt: skip


def reimburse(org, clerk, chair, today: dt.date) -> None:
    """``org``'s claims entered by ``clerk``: one approved by ``chair`` and paid, one
    submitted and waiting for the chair (a claim is never approved by who entered it)."""
    for claim in CLAIMS:
        day = dt.date(today.year, claim.month, 10)
        if day >= today:
            continue
        items = [ItemInput(text, Decimal(amount), line) for text, amount, line in claim.items]
        data = ClaimInput(claim.applicant, claim.title, day, items)
        saved = reimbursements.submit(reimbursements.save(org, data, clerk), clerk)
        if claim.paid:
            reimbursements.decide(saved, chair, approve=True, reason=OVER_BUDGET_REASON)
            reimbursements.pay(saved, clerk)
