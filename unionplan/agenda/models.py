"""Official holiday schedules an operator loaded, and per-organization calendar feeds.

The State Council publishes each year's holiday schedule (放假安排, with its make-up
workdays) late in the year before; ``chinese-calendar`` learns it only with a new release.
Until then an operator types the notice into a small file (format:
``unionplan.calendar.schedule_file``) and loads it; it is kept here so that every process
of a server sees the same schedule. The rows mirror ``unionplan.calendar.HolidaySchedule``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.orgs.models import Organization


class HolidaySchedule(models.Model):
    """One year's official schedule, as loaded from an operator's file (the whole file)."""

    year = models.PositiveIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源（通知文号）"), max_length=300, blank=True)
    file_text = models.TextField(_("载入的文件内容"), blank=True)
    loaded_at = models.DateTimeField(_("载入时间"), auto_now=True)
    loaded_by = models.CharField(_("载入人"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("法定节假日安排")
        verbose_name_plural = _("法定节假日安排")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年法定节假日安排"


class HolidayRange(models.Model):
    """A holiday of a schedule: 春节 2027-02-05 至 2027-02-12."""

    schedule = models.ForeignKey(HolidaySchedule, on_delete=models.CASCADE, related_name="ranges")
    name = models.CharField(_("节日"), max_length=50)
    start = models.DateField(_("放假开始"))
    end = models.DateField(_("放假结束"))

    class Meta:
        verbose_name = _("放假时段")
        verbose_name_plural = _("放假时段")
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.name} {self.start}—{self.end}"


class MakeupWorkday(models.Model):
    """A weekend day worked in exchange for a holiday (调休上班)."""

    holiday = models.ForeignKey(HolidayRange, on_delete=models.CASCADE, related_name="workdays")
    date = models.DateField(_("调休上班日"))

    class Meta:
        verbose_name = _("调休上班日")
        verbose_name_plural = _("调休上班日")
        ordering = ["date"]

    def __str__(self) -> str:
        return str(self.date)


def new_token() -> str:
    """256 random bits, URL-safe: the only secret protecting a subscription URL."""
    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def active(self) -> CalendarFeedQuerySet:
        return self.filter(revoked_at__isnull=True)


class CalendarFeed(models.Model):
    """A secret iCal subscription URL for one organization's dated activities.

    The token is the only credential (phones and Outlook cannot log in), so it is long,
    random and revocable; a revoked row is kept to say who made it and when it was revoked.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("停用时间"), null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("日历订阅")
        verbose_name_plural = _("日历订阅")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organization} 日历订阅"


class ReminderSent(models.Model):
    """The sent-log of reminders: this person was mailed about this activity.

    A reminder round skips every (activity, person) already here, so running ``remind``
    twice — by cron and by hand, or by two workers — never mails anyone twice about the
    same activity.
    """

    item = models.ForeignKey(
        "plans.ScheduleItem", verbose_name=_("活动"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("收件人"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("已发送的提醒")
        verbose_name_plural = _("已发送的提醒")
        constraints = [
            models.UniqueConstraint(fields=["item", "user"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.user_id}"
