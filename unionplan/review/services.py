"""Submitting and reviewing a plan: the one place the web pages and the command line call.

``submit`` and ``review`` decide with ``unionplan.review.rules``, then change the plan's
status with one conditional UPDATE (``WHERE status = … AND version = …``) inside a
transaction that also locks the plan row (``select_for_update``, where the database has
it): of two reviewers acting at once, one wins and the other is told, and nothing is
half-done. Every refusal is a ``UserInputError`` with the reason in Chinese; nothing
stored changes then. Every step is written to the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, replace

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from unionplan.audit.models import record
from unionplan.errors import UserInputError
from unionplan.orgs.models import Role
from unionplan.plans.convert import plan_to_data
from unionplan.plans.models import Plan
from unionplan.review import notify, revisions, rules
from unionplan.review.models import Notification, PlanRevision, PlanStep
from unionplan.review.signals import plan_approved

RACED = "计划刚被他人处理或修改，请刷新页面后再试。"


def actor(user) -> rules.Actor:
    """``user`` with the roles they hold, as the rules see them (a superuser is no exception)."""
    roles = Role.objects.filter(user=user).select_related("organization")
    return rules.Actor(
        user_id=user.pk,
        roles=tuple(rules.RoleHeld(role.organization.path, role.role) for role in roles),
    )


def fingerprint(plan: Plan) -> str:
    """A digest of what the plan says (not its status, date or edition): equal digests, same plan."""
    data = replace(plan_to_data(plan), status="", signed_on=None, edition="")
    text = json.dumps(asdict(data), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def last_submission(plan: Plan) -> PlanStep | None:
    return plan.steps.filter(state="submitted").order_by("at", "id").last()


def facts(
    plan: Plan, submission: PlanStep | None = None, item_count: int | None = None
) -> rules.PlanFacts:
    return rules.PlanFacts(
        organization_path=plan.organization.path,
        top_level=plan.organization.parent_id is None,
        status=plan.status,
        item_count=plan.items.count() if item_count is None else item_count,
        submitted_by=submission.user_id if submission else None,
    )


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("organization").get(pk=plan.pk)


def _refuse(*reasons: str | None) -> None:
    for reason in reasons:
        if reason:
            raise UserInputError(reason)


def _move(plan: Plan, new_status: str, *, version: int) -> None:
    """Change the status if nobody changed the plan since it was read; else refuse."""
    updated = Plan.objects.filter(pk=plan.pk, status=plan.status, version=plan.version).update(
        status=new_status, version=version, updated_at=timezone.now()
    )
    if not updated:
        raise UserInputError(RACED)


def _audit(plan: Plan, user, action: str, old: str, step: PlanStep) -> None:
    record(
        plan.organization,
        user,
        action,
        f"{plan.year}年度 {plan.title}（计划{plan.pk}）",
        {
            "plan": plan.pk,
            "from": old,
            "to": step.state,
            "version": step.version,
            "comment": step.comment,
            "meeting_date": step.meeting_date.isoformat() if step.meeting_date else None,
        },
    )


def _reviewers(plan: Plan) -> set[int]:
    """Who is told of a submission: chair and staff above (a top-level union's own)."""
    org = plan.organization
    if org.parent_id is None:
        where = {"organization": org}
    else:
        ancestors = [int(part) for part in org.path.split("/") if part][:-1]
        where = {"organization__in": ancestors}
    roles = Role.objects.filter(role__in=rules.REVIEWERS, **where)
    return set(roles.values_list("user_id", flat=True))


def _union_chairs(plan: Plan) -> set[int]:
    roles = Role.objects.filter(organization=plan.organization, role__in=rules.SUBMITTERS)
    return set(roles.values_list("user_id", flat=True))


def _notify(step: PlanStep, users: set[int], text: str, subject: str, site: str) -> None:
    link = reverse("plans:detail", args=[step.plan_id])
    notify.tell(sorted(users), text, link, f"【{subject}】{text}", step=step, site=site)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def submit(plan: Plan, user, comment: str = "", *, site: str = "") -> PlanStep:
    """Send ``plan`` up for review; the plan gets a new version, which the step records.
    ``site``: the address for the links in the mails (``notify.site_of``)."""
    comment = (comment or "").strip()
    with transaction.atomic():
        plan = _locked(plan)
        _refuse(
            rules.may_submit(actor(user), facts(plan)),
            rules.check_comment(comment, required=False),
        )
        old, version = plan.status, plan.version + 1
        _move(plan, "submitted", version=version)
        step = PlanStep.objects.create(
            plan=plan,
            state="submitted",
            user=user,
            comment=comment,
            version=version,
            fingerprint=fingerprint(plan),
        )
        _audit(plan, user, "plan.submit", old, step)
        _notify(
            step,
            _reviewers(plan) - {user.pk},
            f"{plan.organization.name}提交了《{plan.title}》，请审批。",
            "计划待审批",
            site,
        )
    return step


def review(
    plan: Plan,
    user,
    *,
    approve: bool,
    comment: str = "",
    meeting_date: dt.date | None = None,
    seen_version: int | None = None,
    site: str = "",
) -> PlanStep:
    """Approve or return a submitted plan.

    ``seen_version``: the version the reviewer was shown (the page's form carries it); an
    approval is refused when the plan is not the one submitted or not the one they saw.
    """
    comment = (comment or "").strip()
    with transaction.atomic():
        plan = _locked(plan)
        submission = last_submission(plan)
        plan_facts = facts(plan, submission)
        _refuse(
            rules.may_review(actor(user), plan_facts),
            rules.check_comment(comment, required=not approve),
            rules.check_meeting_date(plan_facts, approve, meeting_date, timezone.localdate()),
        )
        current = fingerprint(plan)
        if approve:
            changed = submission is None or current != submission.fingerprint
            _refuse(
                rules.check_version(submission.version if submission else 0, plan.version, changed),
                rules.check_version(seen_version, plan.version, False)
                if seen_version is not None
                else None,
            )
        old, new = plan.status, "approved" if approve else "returned"
        _move(plan, new, version=plan.version)
        step = PlanStep.objects.create(
            plan=plan,
            state=new,
            user=user,
            comment=comment,
            version=plan.version,
            fingerprint=current,
            meeting_date=meeting_date if plan_facts.top_level and approve else None,
        )
        _audit(plan, user, "plan.approve" if approve else "plan.return", old, step)
        if approve:
            PlanRevision.objects.filter(plan=plan, approved_step__isnull=True).update(
                approved_step=step
            )
            plan_approved.send(sender=Plan, plan=plan, step=step)
        word = "已通过" if approve else f"被退回：{comment}"
        recipients = _union_chairs(plan) | ({submission.user_id} if submission else set())
        subject = "计划已通过" if approve else "计划被退回"
        _notify(step, recipients - {user.pk}, f"《{plan.title}》{word}", subject, site)
    return step


def adjust(plan: Plan, user, reason: str, *, site: str = "") -> PlanRevision:
    """Open a 调整 of an approved plan: keep what was approved, take the plan back to 草稿
    for its chair to edit and submit again; the reviewers above are told why."""
    reason = (reason or "").strip()
    with transaction.atomic():
        plan = _locked(plan)
        _refuse(
            rules.may_adjust(actor(user), facts(plan, item_count=1)), rules.check_reason(reason)
        )
        number = plan.revisions.order_by("-number").values_list("number", flat=True).first() or 0
        revision = PlanRevision.objects.create(
            plan=plan,
            number=number + 1,
            reason=reason,
            opened_by=user,
            base_version=plan.version,
            base=revisions.snapshot(plan),
        )
        old = plan.status
        _move(plan, "draft", version=plan.version + 1)
        record(
            plan.organization,
            user,
            "plan.adjust",
            f"{plan.year}年度 {plan.title}（计划{plan.pk}）第{revision.number}次调整",
            {"plan": plan.pk, "from": old, "to": "draft", "revision": revision.number,
             "base_version": revision.base_version, "reason": reason},
        )  # fmt: skip
        link = reverse("review:revision", args=[plan.pk, revision.number])
        text = f"{plan.organization.name}申请调整《{plan.title}》：{reason}"
        reviewers = sorted(_reviewers(plan) - {user.pk})
        notify.tell(reviewers, text, link, f"【计划申请调整】{text}", site=site)
    return revision


def archive(plan: Plan, user=None) -> None:
    """File an approved plan of a past year away (已归档): read only for good. ``user``
    None is the operator (``unionplan plan archive``); the audit log keeps who and when."""
    with transaction.atomic():
        plan = _locked(plan)
        who = actor(user) if user is not None else None
        this_year = timezone.localdate().year
        _refuse(rules.may_archive(who, facts(plan, item_count=1), plan.year, this_year))
        old = plan.status
        _move(plan, "archived", version=plan.version)
        PlanStep.objects.create(
            plan=plan,
            state="archived",
            user=user,
            version=plan.version,
            fingerprint=fingerprint(plan),
        )
        record(
            plan.organization,
            user,
            "plan.archive",
            f"{plan.year}年度 {plan.title}（计划{plan.pk}）",
            {"plan": plan.pk, "from": old, "to": "archived", "version": plan.version,
             "by": "command line" if user is None else "page"},
        )  # fmt: skip


def archive_year(year: int, under=None) -> tuple[int, list[str]]:
    """Archive every approved plan of ``year`` (of ``under`` and the unions below it, or all):
    (number archived, the plans left as they are, with why: not yet approved)."""
    plans = Plan.objects.filter(year=year).select_related("organization").order_by("id")
    if under is not None:
        plans = plans.filter(organization__path__startswith=under.path)
    archived, left = 0, []
    for plan in plans.exclude(status="archived"):
        try:
            archive(plan)
        except UserInputError as error:
            left.append(f"{plan.organization.name}《{plan.title}》：{error.message}")
        else:
            archived += 1
    return archived, left


def history(plan: Plan) -> list[dict]:
    """The plan's steps, oldest first, as the command line's JSON prints them."""
    steps = plan.steps.select_related("user").order_by("at", "id")
    return [
        {
            "state": step.state,
            "user": step.user.username if step.user_id else None,
            "at": timezone.localtime(step.at).isoformat(),
            "comment": step.comment,
            "version": step.version,
            "meeting_date": step.meeting_date.isoformat() if step.meeting_date else None,
        }
        for step in steps
    ]
