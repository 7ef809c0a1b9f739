"""Campaigns (送温暖, 金秋助学, 夏送清凉): one union's drive that gives the same to many.

A campaign names who it reaches (a 参加范围, read by the scope language, or the hardship
files of a class, ``source``), what each person
gets (amount, form) and as which kind of the register it is checked against the fund
rules. What was actually given is in the welfare register: each entry of the campaign
points back to it (``WelfareEntry.campaign``), so the register stays the one record of
money given and the campaign's totals are read from there.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.core.choices import translated
from unionplan.fundrules import KINDS
from unionplan.fundrules.hardship import CLASSES, SCHOOL_LEVELS
from unionplan.orgs.models import Organization
from unionplan.welfare.registered import Registered

CAMPAIGN_KINDS = {"warmth": "送温暖", "schooling": "金秋助学", "cooling": "夏送清凉"}
# Where the list comes from: a 参加范围 over the registry, or the approved hardship files.
SOURCES = {"scope": "按慰问范围", "hardship": "困难职工档案"}


class Campaign(Registered):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT, related_name="campaigns"
    )
    kind = models.CharField(
        _("活动"), max_length=12, choices=translated(list(CAMPAIGN_KINDS.items()))
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=100)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    source = models.CharField(
        _("名单来源"), max_length=10, choices=translated(list(SOURCES.items())), default="scope"
    )
    scope = models.CharField(_("慰问范围"), max_length=200, blank=True)
    hardship_class = models.CharField(
        _("困难类别"), max_length=12, blank=True,
        choices=translated([(c, CLASSES[c]) for c in ("deep", "relative", "accident")]),
        help_text=_("按困难职工档案取名单时：空为全部已认定的困难职工"),
    )  # fmt: skip
    school_level = models.CharField(
        _("就读阶段"), max_length=12, blank=True, choices=translated(list(SCHOOL_LEVELS.items())),
        help_text=_("金秋助学按困难职工档案发放时选择，助学上限按阶段而定"),
    )  # fmt: skip
    amount = models.DecimalField(_("每人金额（元）"), max_digits=12, decimal_places=2)
    form = models.CharField(_("发放形式"), max_length=30, blank=True)
    gift_kind = models.CharField(_("台账种类"), max_length=20, choices=list(KINDS.items()))
    occasion = models.CharField(_("节日/情形"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("专项慰问活动")
        verbose_name_plural = _("专项慰问活动")
        ordering = ["-year", "-starts_on", "-pk"]
        indexes = [models.Index(fields=["organization", "year"], name="campaign_org_year")]

    def __str__(self) -> str:
        return self.title
