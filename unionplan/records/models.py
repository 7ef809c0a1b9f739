"""What actually happened: activity records, their expenses and files, and target measures.

A schedule item may be held several times (a monthly activity), so records hang off the
item. Attachments are stored under MEDIA_ROOT with random names and are never served from a
public URL: ``records:attachment`` checks the viewer's role first.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.core.choices import translated
from unionplan.core.stored_files import StoredFile, random_name
from unionplan.plans.models import ScheduleItem, Target

# Kinds of spending on a union activity (the item's category says what the activity was).
EXPENSE_CATEGORIES = [
    ("gift", _("慰问金/慰问品")),
    ("prize", _("奖品奖金")),
    ("venue", _("场地租赁")),
    ("meals", _("餐饮")),
    ("transport", _("交通")),
    ("materials", _("资料印刷")),
    ("training", _("培训讲课")),
    ("supplies", _("文体用品")),
    ("other", _("其他")),
]

# What a target counts when it measures itself from records.
METRICS = [
    ("records", _("活动次数")),
    ("attendance", _("参加人次")),
    ("manual", _("手工填报")),
]


def attachment_path(instance: Attachment, filename: str) -> str:
    """Where a record's file is kept (named in migrations, hence a function of its own)."""
    return random_name("records", filename)


class ActivityRecord(models.Model):
    item = models.ForeignKey(
        ScheduleItem, verbose_name=_("活动"), on_delete=models.CASCADE, related_name="records"
    )
    date = models.DateField(_("日期"))
    place = models.CharField(_("地点"), max_length=200, blank=True)
    attendees = models.ManyToManyField(
        "members.Member",
        verbose_name=_("参加会员"),
        blank=True,
        related_name="activity_records",
    )
    others_count = models.PositiveIntegerField(_("其他参加人数"), default=0)
    summary = models.TextField(_("活动小结"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking (plans.locking): a save or delete names the version it was shown.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("活动记录")
        verbose_name_plural = _("活动记录")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["item", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.item}"


class ExpenseLine(models.Model):
    record = models.ForeignKey(ActivityRecord, on_delete=models.CASCADE, related_name="expenses")
    category = models.CharField(
        _("支出类别"), max_length=20, choices=EXPENSE_CATEGORIES, default="other"
    )
    amount = models.DecimalField(
        _("金额（元）"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    payee = models.CharField(_("收款方"), max_length=200, blank=True)
    note = models.CharField(_("备注"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("支出")
        verbose_name_plural = _("支出")
        ordering = ["id"]
        # The accounts sum a federation's lines per record and category along this index,
        # in order and without reading the table (unionplan.funds.books).
        indexes = [models.Index(fields=["record", "category", "amount"], name="expense_sums_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="expense_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.amount}"


class Attachment(StoredFile):
    """A photo or document of what was done (签到表, 照片), kept as every upload is."""

    record = models.ForeignKey(ActivityRecord, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)

    class Meta:
        verbose_name = _("附件")
        verbose_name_plural = _("附件")
        ordering = ["id"]


class TargetMeasure(models.Model):
    """How a target measures itself: counting records of some items or of a category."""

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="measure")
    metric = models.CharField(_("计量方式"), max_length=12, choices=METRICS, default="records")
    items = models.ManyToManyField(
        ScheduleItem, verbose_name=_("计入的活动"), blank=True, related_name="+"
    )
    category = models.CharField(
        _("计入的活动类别"), max_length=20, choices=translated(vocab.CATEGORIES), blank=True
    )

    class Meta:
        verbose_name = _("目标计量方式")
        verbose_name_plural = _("目标计量方式")

    def __str__(self) -> str:
        return f"{self.target}: {self.get_metric_display()}"


class TargetValue(models.Model):
    """A value entered by hand (建会率 92%), kept with its date, note and author."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="manual_values")
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=2)
    date = models.DateField(_("日期"))
    note = models.CharField(_("说明"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("目标填报值")
        verbose_name_plural = _("目标填报值")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["target", "date"])]

    def __str__(self) -> str:
        return f"{self.target}: {self.value}"
