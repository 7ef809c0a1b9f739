"""The annual plan: sections, targets and the month table.

Every editable row carries a ``version`` for optimistic locking: a save names the version
it was edited from, and if someone else saved in between the save is refused (see
``unionplan.plans.locking``) instead of silently overwriting their work.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.core.choices import translated
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plan.checks import check_item, check_target
from unionplan.plan.data import MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, ItemData, TargetData
from unionplan.plan.numbering import MAX_LEVEL

MONTH_VALIDATORS = [MinValueValidator(1), MaxValueValidator(12)]


class Plan(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="plans"
    )
    year = models.PositiveIntegerField(
        _("年度"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    title = models.CharField(_("标题"), max_length=MAX_TITLE_LENGTH)
    status = models.CharField(
        _("状态"), max_length=20, choices=translated(vocab.PLAN_STATUSES), default="draft"
    )
    guiding_ideas = models.TextField(_("指导思想"), blank=True)
    goals = models.TextField(_("工作目标"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("年度工作计划")
        verbose_name_plural = _("年度工作计划")
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "title"], name="unique_plan_title_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.title}"


class Section(models.Model):
    """A numbered part of a plan; a tree of at most four levels."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("标题"), max_length=MAX_TITLE_LENGTH)
    body = models.TextField(_("正文"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("章节")
        verbose_name_plural = _("章节")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    def level(self) -> int:
        """1 for a top section; walks the parents (use the plan tree when rendering)."""
        level, node = 1, self
        while node.parent_id:
            level, node = level + 1, node.parent
        return level

    def clean(self) -> None:
        if self.parent_id:
            if self.parent.plan_id != self.plan_id:
                raise ValidationError(_("上级章节不属于同一计划。"))
            if self.parent.level() >= MAX_LEVEL:
                raise ValidationError(_("章节最多四级：一、（一）1.（1）。"))


class Target(models.Model):
    """A quantified aim: 不少于4次集中培训."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    section = models.ForeignKey(
        Section,
        verbose_name=_("所属章节"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
    )
    text = models.CharField(_("目标"), max_length=MAX_TEXT_LENGTH)
    comparator = models.CharField(
        _("比较方式"), max_length=8, choices=translated(vocab.COMPARATORS), default=">="
    )
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=2, null=True, blank=True)
    value_high = models.DecimalField(
        _("上限"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1, editable=False)
    # 上级下达: this target is a share of a federation's target (``review.cascade``). Its
    # text is the federation's, shown from there; its value is the share. The union does
    # not edit it: the federation splits again.
    handed_down_from = models.ForeignKey(
        "self",
        verbose_name=_("上级目标"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shares",
        editable=False,
    )

    class Meta:
        verbose_name = _("目标")
        verbose_name_plural = _("目标")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        try:
            check_target(self.as_data())
        except UserInputError as error:
            raise ValidationError(error.message) from None

    def as_data(self) -> TargetData:
        return TargetData(
            text=self.text,
            comparator=self.comparator,
            value=self.value,
            value_high=self.value_high,
            unit=self.unit,
        )


class ScheduleItem(models.Model):
    """An activity of the month table: 时间 | 活动内容 | 参加范围 | 负责人 | 经费."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    month = models.PositiveSmallIntegerField(_("月份"), validators=MONTH_VALIDATORS)
    end_month = models.PositiveSmallIntegerField(
        _("结束月份"), null=True, blank=True, validators=MONTH_VALIDATORS
    )
    date = models.DateField(_("日期"), null=True, blank=True)
    end_date = models.DateField(_("结束日期"), null=True, blank=True)
    text = models.CharField(_("活动内容"), max_length=MAX_TEXT_LENGTH)
    scope = models.CharField(_("参加范围"), max_length=500, blank=True)
    owner = models.CharField(_("负责人"), max_length=100, blank=True)
    budget = models.DecimalField(
        _("经费（元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    category = models.CharField(
        _("类别"), max_length=20, choices=translated(vocab.CATEGORIES), default="other"
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=translated(vocab.ITEM_STATUSES), default="planned"
    )
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("活动安排")
        verbose_name_plural = _("活动安排")
        ordering = ["month", "date", "order", "id"]
        indexes = [models.Index(fields=["plan", "month"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        try:
            check_item(self.as_data(), year=self.plan.year if self.plan_id else None)
        except UserInputError as error:
            raise ValidationError(error.message) from None

    def as_data(self) -> ItemData:
        return ItemData(
            text=self.text,
            month=self.month,
            end_month=self.end_month,
            date=self.date,
            end_date=self.end_date,
            scope=self.scope,
            owner=self.owner,
            budget=self.budget,
            category=self.category,
            status=self.status,
        )
