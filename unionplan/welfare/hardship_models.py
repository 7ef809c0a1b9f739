"""Hardship files (困难职工档案): the 低保 table, the files, their household and aid.

A file holds a member's household for a year (its people with their income and unavoidable
costs, the exclusions asked about) and the class computed from it by
``unionplan.fundrules.hardship``; it is reviewed by the union, then by the federation above,
published (公示) for a period, and only then aided, each payment an entry of the welfare
register (kind ``hardship``) tied to the file by ``HardshipAid``. Who may see files at all
is in ``HardshipReader`` (named by the chair) and ``hardship_access``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.core.choices import translated
from unionplan.fundrules.hardship import AID_KINDS, CLASSES, SCHOOL_LEVELS
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.welfare.registered import Registered

STATES = [
    ("draft", _("登记中")),
    ("union_approved", _("待上级审核")),
    ("returned", _("已退回")),
    ("approved", _("已审核")),
    ("exited", _("已脱困")),
]
# A file in these states is edited by the union; the others are under review or decided.
EDITABLE_STATES = frozenset({"draft", "returned"})


class DibaoStandard(models.Model):
    """The local monthly 低保 standard of a city in a year, kept by the operator in the admin."""

    city = models.CharField(_("城市"), max_length=50)
    year = models.PositiveSmallIntegerField(_("年度"))
    monthly = models.DecimalField(_("低保标准（元/人/月）"), max_digits=10, decimal_places=2)
    document = models.CharField(_("文件依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("低保标准")
        verbose_name_plural = _("低保标准")
        ordering = ["city", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["city", "year"],
                name="dibao_city_year",
                violation_error_message=_("该城市该年度的低保标准已经录入。"),
            ),
            models.CheckConstraint(
                condition=models.Q(monthly__gt=0),
                name="dibao_positive",
                violation_error_message=_("低保标准须大于0元。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} {self.year} {self.monthly}"


class HardshipReader(models.Model):
    """A person the union's chair has named to see its hardship files."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.CASCADE,
        related_name="hardship_readers",
    )  # fmt: skip
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("指定人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    added_at = models.DateTimeField(_("指定时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("困难档案查看人")
        verbose_name_plural = _("困难档案查看人")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="hardship_reader_once")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.user_id}"


class HardshipFile(Registered):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT,
        related_name="hardship_files",
    )  # fmt: skip
    member = models.ForeignKey(
        Member, verbose_name=_("职工"), on_delete=models.PROTECT, related_name="hardship_files"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    city = models.CharField(_("城市"), max_length=50)
    dibao = models.DecimalField(_("低保标准（元/人/月）"), max_digits=10, decimal_places=2)
    disaster = models.BooleanField(_("遭遇灾害或意外事故"), default=False)
    situation = models.CharField(_("致困原因"), max_length=500, blank=True)
    homes = models.PositiveSmallIntegerField(_("住房套数"), default=1)
    business = models.BooleanField(_("经营企业或个体工商户"), default=False)
    private_school_fee = models.DecimalField(
        _("私立学校学费（元/年）"), max_digits=12, decimal_places=2, default=0
    )
    public_school_fee = models.DecimalField(
        _("公办学校学费（元/年）"), max_digits=12, decimal_places=2, default=0
    )
    study_abroad = models.BooleanField(_("子女自费出国留学"), default=False)
    classification = models.CharField(
        _("困难类别"), max_length=12, choices=translated(list(CLASSES.items()))
    )
    per_capita = models.DecimalField(_("月人均收入（元）"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("认定依据"), max_length=600)
    state = models.CharField(_("状态"), max_length=16, choices=STATES, default="draft")
    union_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("工会审核人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    union_reviewed_at = models.DateTimeField(_("工会审核时间"), null=True, blank=True)
    federation_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上级审核人"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    federation_reviewed_at = models.DateTimeField(_("上级审核时间"), null=True, blank=True)
    review_comment = models.CharField(_("审核意见"), max_length=500, blank=True)
    publicity_start = models.DateField(_("公示开始"), null=True, blank=True)
    publicity_end = models.DateField(_("公示结束"), null=True, blank=True)
    rechecked_on = models.DateField(_("最近复核"), null=True, blank=True)
    exit_date = models.DateField(_("脱困日期"), null=True, blank=True)
    exit_reason = models.CharField(_("脱困原因"), max_length=600, blank=True)

    class Meta:
        verbose_name = _("困难职工档案")
        verbose_name_plural = _("困难职工档案")
        ordering = ["-year", "pk"]
        indexes = [models.Index(fields=["organization", "year"], name="hardship_org_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.member_id} {self.get_classification_display()}"

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE_STATES


class HouseholdPerson(models.Model):
    """One member of the file's household (the worker included) with a year's figures."""

    file = models.ForeignKey(HardshipFile, on_delete=models.CASCADE, related_name="people")
    position = models.PositiveSmallIntegerField(default=0)
    relation = models.CharField(_("与职工关系"), max_length=20)
    name = models.CharField(_("姓名"), max_length=50, blank=True)
    income = models.DecimalField(_("年收入（元）"), max_digits=12, decimal_places=2, default=0)
    costs = models.DecimalField(_("刚性支出（元/年）"), max_digits=12, decimal_places=2, default=0)
    costs_note = models.CharField(_("支出说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("家庭成员")
        verbose_name_plural = _("家庭成员")
        ordering = ["file", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.relation} {self.name}"


class HardshipAid(models.Model):
    """An aid payment of a file: the register's entry and what kind of aid it was."""

    file = models.ForeignKey(HardshipFile, on_delete=models.PROTECT, related_name="aids")
    entry = models.OneToOneField(
        "welfare.WelfareEntry", on_delete=models.PROTECT, related_name="hardship_aid"
    )
    kind = models.CharField(
        _("帮扶种类"), max_length=12, choices=translated(list(AID_KINDS.items()))
    )
    school_level = models.CharField(
        _("就读阶段"), max_length=12, choices=translated(list(SCHOOL_LEVELS.items())), blank=True
    )

    class Meta:
        verbose_name = _("困难帮扶")
        verbose_name_plural = _("困难帮扶")

    def __str__(self) -> str:
        return f"{self.file_id} {self.get_kind_display()}"
