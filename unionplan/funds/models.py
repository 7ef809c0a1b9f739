"""The union's money: which account line each category lands on, and a year's finance figures.

The mapping is one table for the whole installation (the chart of 《工会会计制度》 is national),
seeded from ``unionplan.accounting.mapping``'s defaults and editable. A union's finance
settings for a year hold what the income estimate needs: the wage base, the wage bill, the
retained share of 拨缴经费, the funds carried over and the income lines typed in.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.accounting.budget import DEFAULT_RETAINED_PERCENT, FinanceSettings
from unionplan.accounting.lines import expense_line
from unionplan.accounting.mapping import ACTIVITY, CAMPAIGN, EXPENSE, WELFARE
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.core.stored_files import StoredFile, random_name
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization

MAPPING_KINDS = [
    (ACTIVITY, _("活动类别")), (EXPENSE, _("支出类别")), (WELFARE, _("慰问种类")),
    (CAMPAIGN, _("专项活动")),
]  # fmt: skip


class LineMapping(models.Model):
    """A category and the account line it lands on (blank for an expense: its activity's; for
    a campaign: its entries' kinds')."""

    kind = models.CharField(_("类别种类"), max_length=10, choices=MAPPING_KINDS)
    code = models.CharField(_("类别"), max_length=20)
    line = models.CharField(_("会计科目"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("科目对应")
        verbose_name_plural = _("科目对应")
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="one_line_per_category")
        ]

    def __str__(self) -> str:
        return f"{self.code} → {self.line or '（随活动类别）'}"

    def clean(self) -> None:
        if not self.line and self.kind == ACTIVITY:
            raise ValidationError({"line": _("活动类别须对应一个会计科目。")})
        if self.line:
            try:
                self.line = expense_line(self.line).key
            except UserInputError as error:
                raise ValidationError({"line": error.message}) from None


class FinanceYear(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="finance_years"
    )
    year = models.PositiveIntegerField(
        _("年度"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    wage_base = models.DecimalField(
        _("会员工资收入总额（元）"), max_digits=16, decimal_places=2, default=Decimal("0.00")
    )
    wage_bill = models.DecimalField(
        _("全部职工工资总额（元）"), max_digits=16, decimal_places=2, default=Decimal("0.00")
    )
    retained_percent = models.DecimalField(
        _("拨缴经费留成比例（%）"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_RETAINED_PERCENT,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    carried_over = models.DecimalField(
        _("上年结余（元）"), max_digits=16, decimal_places=2, default=Decimal("0.00")
    )
    typed_income = models.JSONField(_("其他收入预算"), default=dict, blank=True)  # line -> "元"
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("年度经费设置")
        verbose_name_plural = _("年度经费设置")
        ordering = ["organization", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_finance_year"),
            models.CheckConstraint(
                condition=models.Q(wage_base__gte=0, wage_bill__gte=0, carried_over__gte=0),
                name="finance_figures_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"

    def as_settings(self) -> FinanceSettings:
        return FinanceSettings(
            wage_base=self.wage_base,
            wage_bill=self.wage_bill,
            retained_percent=self.retained_percent,
            carried_over=self.carried_over,
            typed_income={k: Decimal(str(v)) for k, v in (self.typed_income or {}).items()},
        )


class SpendingOverride(models.Model):
    """The chair's approval of spending without or past a line's budget, with its reason."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField(_("年度"))
    line = models.CharField(_("会计科目"), max_length=40)
    amount = models.DecimalField(_("金额（元）"), max_digits=12, decimal_places=2)
    budget = models.DecimalField(_("预算（元）"), max_digits=16, decimal_places=2)
    spent = models.DecimalField(_("已支出（元）"), max_digits=16, decimal_places=2)
    reason = models.CharField(_("理由"), max_length=500)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("超预算支出批准")
        verbose_name_plural = _("超预算支出批准")
        ordering = ["-approved_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_has_reason")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.line} {self.amount}"


class BudgetApproval(models.Model):
    """The plan's budget as it stood when the plan was approved: the amounts per line, kept.

    Written when the review approves the plan (``budgeting.record_approval``); the budget in
    force for the year is this, or its one approved adjustment.
    """

    plan = models.OneToOneField(
        "plans.Plan", verbose_name=_("工作计划"), on_delete=models.CASCADE,
        related_name="budget_approval",
    )  # fmt: skip
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField(_("年度"))
    amounts = models.JSONField(_("批准的支出预算"), default=dict)  # line key -> "元"
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("批准人"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    approved_on = models.DateField(_("批准日期"))

    class Meta:
        verbose_name = _("批准的预算")
        verbose_name_plural = _("批准的预算")
        ordering = ["organization", "-year"]
        indexes = [models.Index(fields=["organization", "year"])]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"

    def line_amounts(self) -> dict[str, Decimal]:
        return {key: Decimal(str(v)) for key, v in (self.amounts or {}).items()}


ADJUSTMENT_STATES = [
    ("submitted", _("已提交")),
    ("approved", _("已通过")),
    ("returned", _("已退回")),
]


class BudgetAdjustment(models.Model):
    """The one adjustment (调整) of a year's approved budget: changed lines, reason, review."""

    approval = models.ForeignKey(
        BudgetApproval, verbose_name=_("批准的预算"), on_delete=models.CASCADE,
        related_name="adjustments",
    )  # fmt: skip
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField(_("年度"))
    changes = models.JSONField(_("调整的科目"), default=dict)  # line key -> "元"
    reason = models.CharField(_("调整理由"), max_length=500)
    state = models.CharField(_("状态"), max_length=20, choices=ADJUSTMENT_STATES)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("提出人"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    proposed_at = models.DateTimeField(_("提出时间"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    reviewed_on = models.DateField(_("审批日期"), null=True, blank=True)
    comment = models.TextField(_("审批意见"), blank=True)
    meeting_date = models.DateField(_("会议日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("预算调整")
        verbose_name_plural = _("预算调整")
        ordering = ["organization", "-year", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=models.Q(state__in=["submitted", "approved"]),
                name="one_budget_adjustment_a_year",
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="adjustment_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year} {self.get_state_display()}"

    def line_changes(self) -> dict[str, Decimal]:
        return {key: Decimal(str(v)) for key, v in (self.changes or {}).items()}


REIMBURSEMENT_STATES = [
    ("draft", _("草稿")),
    ("submitted", _("已提交")),
    ("approved", _("已批准")),
    ("returned", _("已退回")),
    ("paid", _("已支付")),
]
SPENT_STATES = ("approved", "paid")  # what counts as spending on the lines


def receipt_path(instance: ReimbursementReceipt, filename: str) -> str:
    """Where a receipt is kept (named in migrations, hence a function of its own)."""
    return random_name("receipts", filename)


class Reimbursement(models.Model):
    """A claim (报销) of money a person laid out for the union, item by item, with receipts.

    草稿 → 已提交 → 已批准 (or 已退回 with the approver's comment, back to 草稿's edits) → 已支付;
    approved and paid claims count as spending on their items' lines.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(_("预算年度"))
    date = models.DateField(_("支出日期"))
    applicant = models.CharField(_("申请人"), max_length=50)
    title = models.CharField(_("事由"), max_length=200)
    state = models.CharField(
        _("状态"), max_length=20, choices=REIMBURSEMENT_STATES, default="draft"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    comment = models.CharField(_("审批意见"), max_length=500, blank=True)
    paid_at = models.DateTimeField(_("支付时间"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("报销")
        verbose_name_plural = _("报销")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "year", "state"])]

    def __str__(self) -> str:
        return f"{self.applicant} {self.title}"


class ReimbursementItem(models.Model):
    claim = models.ForeignKey(Reimbursement, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(_("内容"), max_length=200)
    amount = models.DecimalField(_("金额（元）"), max_digits=12, decimal_places=2)
    line = models.CharField(_("会计科目"), max_length=40)

    class Meta:
        verbose_name = _("报销明细")
        verbose_name_plural = _("报销明细")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="reimbursement_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.description} {self.amount}"


class ReimbursementReceipt(StoredFile):
    """A receipt (发票、收据的照片或扫描件), checked like every upload, never public."""

    claim = models.ForeignKey(Reimbursement, on_delete=models.CASCADE, related_name="receipts")
    file = models.FileField(upload_to=receipt_path, max_length=200)

    class Meta:
        verbose_name = _("报销凭证")
        verbose_name_plural = _("报销凭证")
        ordering = ["id"]


FINAL_REVIEW_STATES = [
    ("signed", _("已审查签署")),
    ("returned", _("审查未通过")),
    ("withdrawn", _("已撤回签署")),
]


class FinalReview(models.Model):
    """One act of the 经费审查委员会 on a union's 决算 of a year: signed, returned, withdrawn.

    Kept as a history, never edited: the latest row of a union's year is its state. While
    it is 已审查签署 the year's money is fixed (``final_review.locking``): spending in it is
    refused until the committee withdraws its signature with a reason.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField(_("年度"))
    state = models.CharField(_("状态"), max_length=20, choices=FINAL_REVIEW_STATES)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("审查人"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    reviewer_name = models.CharField(_("审查人姓名"), max_length=50)
    reviewed_on = models.DateField(_("审查日期"))
    opinion = models.TextField(_("审查意见"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("决算审查")
        verbose_name_plural = _("决算审查")
        ordering = ["organization", "-year", "-id"]
        indexes = [models.Index(fields=["organization", "year"])]
        constraints = [
            models.CheckConstraint(condition=~models.Q(opinion=""), name="final_review_opinion")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year} {self.get_state_display()}"


class IncomeEntry(models.Model):
    """Income received (实际收入): 会费 collected, 拨缴经费 received, 上级补助… on an income line.

    Written through ``income.save`` only, which refuses bad input in Chinese and any change in
    a year whose 决算 is signed; the 决算's income lines take their actual figures from here.
    """

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(_("年度"))
    date = models.DateField(_("收到日期"))
    line = models.CharField(_("收入科目"), max_length=40)
    amount = models.DecimalField(_("金额（元）"), max_digits=14, decimal_places=2)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("实际收入")
        verbose_name_plural = _("实际收入")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "year"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="income_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.line} {self.amount}"
