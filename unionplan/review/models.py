"""The steps of a plan's review: each submission, return and approval, kept for good.

A step keeps who took it, when, their comment, and the plan version it applied to (and a
fingerprint of the plan's content then, so that an approval can tell whether the plan
changed after it was submitted). Steps are only added, never changed. Archiving at year end
is a step too; run from the command line it has no user (the operator).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionplan.orgs.models import Organization
from unionplan.plans.models import Plan, Target

STEP_STATES = [
    ("submitted", _("已提交")),
    ("returned", _("已退回")),
    ("approved", _("已通过")),
    ("archived", _("已归档")),
]


class PlanStep(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    state = models.CharField(_("状态"), max_length=20, choices=STEP_STATES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        related_name="plan_steps",
        null=True,
        blank=True,
        help_text=_("空：由命令行（运维人员）执行"),
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    comment = models.TextField(_("意见"), blank=True)
    version = models.PositiveIntegerField(_("计划版本"))
    fingerprint = models.CharField(max_length=64, editable=False)
    meeting_date = models.DateField(_("会议日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("审批步骤")
        verbose_name_plural = _("审批步骤")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["plan", "at"])]

    def __str__(self) -> str:
        return f"{self.plan} {self.get_state_display()} {self.at:%Y-%m-%d}"


class Notification(models.Model):
    """A message in a person's in-app inbox (the bell): a plan was submitted, returned or
    approved (``step``), or a union is reminded to submit its plan (``link``: the page to
    go to). Kept after it is read, so it is also the log of what was sent: in the inbox,
    and by mail to ``mail_to`` (the address then) with its ``mail_subject``, sent at
    ``mailed_at`` or refused with ``mail_error`` (see ``unionplan.review.notify``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notifications"
    )
    step = models.ForeignKey(
        PlanStep, on_delete=models.CASCADE, related_name="notifications", null=True, blank=True
    )
    link = models.CharField(_("链接"), max_length=300, blank=True)
    text = models.CharField(_("内容"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    mail_to = models.EmailField(_("收件邮箱"), blank=True)
    mail_subject = models.CharField(_("邮件主题"), max_length=200, blank=True)
    mailed_at = models.DateTimeField(_("邮件发送时间"), null=True, blank=True)
    mail_error = models.CharField(_("邮件发送失败原因"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class SubmissionDeadline(models.Model):
    """The date by which the unions below a federation are to submit their plans for a year.

    Set by the federation's chair or staff on its board; ``unionplan plan remind`` reminds
    every union below it without a submitted plan, a week before the date and once it has
    passed (see ``unionplan.review.reminders``).
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("工会联合会"),
        on_delete=models.CASCADE,
        related_name="submission_deadlines",
    )
    year = models.PositiveIntegerField(_("计划年度"))
    due_date = models.DateField(_("报送截止日期"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("设定人"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("设定时间"), auto_now=True)

    class Meta:
        verbose_name = _("计划报送截止日期")
        verbose_name_plural = _("计划报送截止日期")
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_deadline_a_year"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}年度 {self.due_date:%Y-%m-%d}"


REMINDER_STAGES = [("soon", _("截止前提醒")), ("overdue", _("逾期提醒"))]


class SubmissionReminder(models.Model):
    """The sent-log of submission reminders: this person of this union was reminded of this
    deadline (its date then) at this stage. A later round leaves out what is here, so a
    second run sends nothing twice; moving the date reminds again."""

    deadline = models.ForeignKey(
        SubmissionDeadline, on_delete=models.CASCADE, related_name="reminders"
    )
    due_date = models.DateField(_("报送截止日期"))
    stage = models.CharField(_("提醒类别"), max_length=10, choices=REMINDER_STAGES)
    union = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("收件人"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mailed = models.BooleanField(_("已发邮件"), default=False)
    sent_at = models.DateTimeField(_("发送时间"), default=timezone.now)

    class Meta:
        verbose_name = _("已发送的报送提醒")
        verbose_name_plural = _("已发送的报送提醒")
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "due_date", "stage", "union", "user"],
                name="submission_reminder_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.union_id} {self.stage} → {self.user_id}"


class PlanRevision(models.Model):
    """A 调整 of an approved plan: why, by whom, and the approved content it started from.

    Opening one takes the plan back to 草稿 to be edited in place (its rows keep their ids,
    so activity records stay attached); ``base`` is the approved content at that moment
    (``review.revisions.snapshot``), which the comparison page sets beside the plan. The
    revision is closed by the approval of the plan as revised (``approved_step``).
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("第几次调整"))
    reason = models.TextField(_("调整原因"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="plan_revisions",
    )
    opened_at = models.DateTimeField(_("申请时间"), default=timezone.now)
    base_version = models.PositiveIntegerField(_("原计划版本"))
    base = models.JSONField(_("原计划内容"), editable=False)
    approved_step = models.OneToOneField(
        PlanStep,
        verbose_name=_("通过步骤"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="revision",
    )

    class Meta:
        verbose_name = _("计划调整")
        verbose_name_plural = _("计划调整")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_revision_number"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} 第{self.number}次调整"

    @property
    def is_open(self) -> bool:
        return self.approved_step_id is None


CASCADE_METHODS = [("equal", _("平均分配")), ("members", _("按会员人数")), ("typed", _("逐个填写"))]


class TargetCascade(models.Model):
    """How a federation split one target of its plan among its child unions (目标分解).

    The shares themselves are the child plans' targets linked to it (``Target.handed_down_from``);
    this row keeps how they were computed and who last split it, for the page and the log.
    """

    target = models.OneToOneField(
        Target, verbose_name=_("目标"), on_delete=models.CASCADE, related_name="cascade"
    )
    method = models.CharField(_("分解方式"), max_length=10, choices=CASCADE_METHODS)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("分解人"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("分解时间"), auto_now=True)

    class Meta:
        verbose_name = _("目标分解")
        verbose_name_plural = _("目标分解")

    def __str__(self) -> str:
        return f"{self.target} {self.get_method_display()}"
