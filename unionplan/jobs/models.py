"""A piece of long work a user started, as the pages show it: progress, outcome, result.

The task queue (django-tasks, with the database or Redis/RQ backend) only runs the work;
what a user sees lives here, in the application's own database, so that every backend
and every host shows the same page. The uploaded input (``payload``: a roster with full
ID numbers) and the made file (``result``) are kept in the row, not on one host's disk,
so a worker on another machine can read and write them; the input is erased as soon as
the work succeeds, and stale ones are purged by the worker's housekeeping.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.orgs.models import Organization


class Job(models.Model):
    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [
        (QUEUED, _("排队中")),
        (RUNNING, _("进行中")),
        (DONE, _("已完成")),
        (FAILED, _("失败")),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_path = models.CharField(_("任务"), max_length=200)
    title = models.CharField(_("名称"), max_length=300)
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), null=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发起人"),
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    params = models.JSONField(_("参数"), default=dict)
    payload = models.BinaryField(_("上传的文件"), null=True, editable=False)
    status = models.CharField(_("状态"), max_length=10, choices=STATUSES, default=QUEUED)
    phase = models.CharField(_("当前步骤"), max_length=200, blank=True)
    step = models.PositiveSmallIntegerField(default=0)
    steps = models.PositiveSmallIntegerField(default=1)
    message = models.TextField(_("结果说明"), blank=True)
    result = models.BinaryField(_("生成的文件"), null=True, editable=False)
    result_name = models.CharField(_("文件名"), max_length=200, blank=True)
    result_type = models.CharField(max_length=100, blank=True)
    next_url = models.CharField(max_length=300, blank=True)
    worker = models.CharField(_("处理进程"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("运行次数"), default=0)
    created_at = models.DateTimeField(_("发起时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始时间"), null=True)
    heartbeat_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True)

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (self.DONE, self.FAILED)

    @property
    def percent(self) -> int:
        """How far the bar is: a step under way counts half (its own length is unknown)."""
        if self.status == self.DONE:
            return 100
        if self.step == 0:
            return 0
        return min(99, round(100 * (self.step - 0.5) / max(self.steps, 1)))
