"""The steps of a plan's review: each submission, return and approval, kept for good.

A step keeps who took it, when, their comment, and the plan version it applied to (and a
fingerprint of the plan's content then, so that an approval can tell whether the plan
changed after it was submitted). Steps are only added, never changed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionplan.plans.models import Plan

STEP_STATES = [
    ("submitted", _("已提交")),
    ("returned", _("已退回")),
    ("approved", _("已通过")),
]


class PlanStep(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="steps")
    state = models.CharField(_("状态"), max_length=20, choices=STEP_STATES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        related_name="plan_steps",
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
    approved. Kept after it is read, so it is also the log of what was sent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_notifications"
    )
    step = models.ForeignKey(PlanStep, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("内容"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text
