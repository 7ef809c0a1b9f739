"""Who may take which step of a plan's review: pure rules, no Django.

A plan goes 草稿/已退回 → 已提交 → 已通过 or 已退回; an approved plan is changed by a 调整,
which takes it back to 草稿 (its approved content kept) to be submitted again. The rules:

- only the union's chair submits (a chair role on the union or on a federation above it,
  since a role on a federation reaches its whole subtree);
- a chair or staff role on a federation strictly above the union reviews;
- nobody reviews their own union's plan (a role on the union itself), nor a plan they
  submitted themselves;
- only the union's chair opens a 调整, of an approved plan, with a reason;
- at year end an approved plan of a past year is archived (已归档, read only for good) by
  the union's chair, or by the operator on the command line;
- a top-level organization has nobody above it: its plan is approved by its own committee
  decision, recorded by its chair or staff with the date of the meeting.

Organizations are given by their materialised path (``"00000001/00000007/"``, see
``unionplan.orgs.models.Organization``): ``a`` is above ``b`` when ``b``'s path starts
with ``a``'s and is longer. Each rule answers ``None`` (allowed) or the reason, in Chinese.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SUBMITTABLE = frozenset({"draft", "returned"})
ADJUSTABLE = frozenset({"approved"})
ARCHIVABLE = frozenset({"approved"})
REVIEWABLE = frozenset({"submitted"})
SUBMITTERS = frozenset({"chair"})
REVIEWERS = frozenset({"chair", "staff"})
MAX_COMMENT_LENGTH = 2000

STATUS_NAMES = {
    "draft": "草稿",
    "submitted": "已提交",
    "returned": "已退回",
    "approved": "已通过",
    "archived": "已归档",
}


@dataclass(frozen=True)
class RoleHeld:
    organization_path: str
    role: str  # chair, committee, staff, viewer (unionplan.vocab.ROLES)


@dataclass(frozen=True)
class Actor:
    user_id: int
    roles: tuple[RoleHeld, ...] = ()


@dataclass(frozen=True)
class PlanFacts:
    organization_path: str
    top_level: bool  # the organization has no parent
    status: str
    item_count: int = 0
    submitted_by: int | None = None  # the user of the submission under review


def _status(code: str) -> str:
    return STATUS_NAMES.get(code, code)


def _on(role: RoleHeld, path: str) -> bool:
    return role.organization_path == path


def _above(role: RoleHeld, path: str) -> bool:
    return path.startswith(role.organization_path) and len(path) > len(role.organization_path)


def _chair_of(actor: Actor, path: str) -> bool:
    """A chair role on the union or on a federation above it (its reach is the subtree)."""
    return any(
        role.role in SUBMITTERS and (_on(role, path) or _above(role, path)) for role in actor.roles
    )


def may_submit(actor: Actor, plan: PlanFacts) -> str | None:
    """Why ``actor`` may not submit ``plan`` now, or None."""
    if not _chair_of(actor, plan.organization_path):
        return "只有本工会的工会主席可以提交计划。"
    if plan.status not in SUBMITTABLE:
        return f"计划状态为“{_status(plan.status)}”，不能提交。"
    if plan.item_count <= 0:
        return "计划还没有任何活动安排，不能提交。"
    return None


def may_adjust(actor: Actor, plan: PlanFacts) -> str | None:
    """Why ``actor`` may not open a 调整 of ``plan`` now, or None."""
    if not _chair_of(actor, plan.organization_path):
        return "只有本工会的工会主席可以申请调整计划。"
    if plan.status not in ADJUSTABLE:
        return f"计划状态为“{_status(plan.status)}”，只有已通过的计划需要调整；请直接修改。"
    return None


def may_archive(actor: Actor | None, plan: PlanFacts, year: int, this_year: int) -> str | None:
    """Why ``plan`` (of ``year``) may not be archived now, or None; ``actor`` None is the
    operator on the command line."""
    if actor is not None and not _chair_of(actor, plan.organization_path):
        return "只有本工会的工会主席可以归档计划。"
    if plan.status not in ARCHIVABLE:
        return f"计划状态为“{_status(plan.status)}”，只有已通过的计划可以归档。"
    if year >= this_year:
        return f"{year}年度尚未结束，年度结束后才能归档。"
    return None


def check_reason(reason: str) -> str | None:
    """A 调整 says why: the reviewers and the year-end summary read it."""
    if not reason.strip():
        return "申请调整必须填写调整原因。"
    if len(reason) > MAX_COMMENT_LENGTH:
        return f"调整原因不能超过{MAX_COMMENT_LENGTH}字。"
    return None


def may_review(actor: Actor, plan: PlanFacts) -> str | None:
    """Why ``actor`` may not approve or return ``plan`` now, or None."""
    path = plan.organization_path
    if plan.top_level:
        if not any(role.role in REVIEWERS and _on(role, path) for role in actor.roles):
            return "顶级工会的计划由本工会委员会决定，只有本工会的主席或工作人员可以登记。"
    else:
        if any(_on(role, path) for role in actor.roles):
            return "不能审批本工会的计划，应由上级工会审批。"
        if not any(role.role in REVIEWERS and _above(role, path) for role in actor.roles):
            return "只有上级工会的主席或工作人员可以审批计划。"
        if plan.submitted_by is not None and plan.submitted_by == actor.user_id:
            return "不能审批自己提交的计划。"
    if plan.status not in REVIEWABLE:
        return f"计划状态为“{_status(plan.status)}”，不在待审批状态。"
    return None


def check_comment(comment: str, *, required: bool) -> str | None:
    """Why ``comment`` will not do (missing when required, too long), or None."""
    if required and not comment.strip():
        return "退回计划必须填写意见。"
    if len(comment) > MAX_COMMENT_LENGTH:
        return f"意见不能超过{MAX_COMMENT_LENGTH}字。"
    return None


def check_meeting_date(
    plan: PlanFacts, approve: bool, meeting_date: dt.date | None, today: dt.date
) -> str | None:
    """A top-level plan is approved by a committee meeting that has taken place."""
    if not (plan.top_level and approve):
        return None
    if meeting_date is None:
        return "顶级工会的计划由本工会委员会决定通过，请填写会议日期。"
    if meeting_date > today:
        return "会议日期不能晚于今天。"
    return None


def check_version(submitted_version: int, current_version: int, changed: bool) -> str | None:
    """An approval applies to the plan as submitted, not to one changed since."""
    if changed or submitted_version != current_version:
        return "计划在提交后已被修改，不能按提交时的内容审批；请退回后由工会重新提交。"
    return None
