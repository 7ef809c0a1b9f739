"""The welfare register (福利慰问台账): every gift or payment to a member.

Entries are written through ``services.record`` only, which checks each against the fund
rules in force (``unionplan.fundrules``); an entry over the cap exists only with the
``override_reason`` that justified it, and keeps the decision it was recorded under.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from unionplan.fundrules import KINDS
from unionplan.members.models import Member
from unionplan.orgs.models import Organization
from unionplan.plans.models import ScheduleItem
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.registered import Registered

KIND_CHOICES = list(KINDS.items())


class WelfareEntry(Registered):
    organization = models.ForeignKey(
        Organization, verbose_name=_("工会"), on_delete=models.PROTECT,
        related_name="welfare_entries", db_index=False,  # welfare_org_date starts with it
    )  # fmt: skip
    member = models.ForeignKey(
        Member, verbose_name=_("会员"), on_delete=models.PROTECT,
        related_name="welfare_entries", db_index=False,  # welfare_member_kind_date
    )  # fmt: skip
    kind = models.CharField(_("种类"), max_length=20, choices=KIND_CHOICES)
    date = models.DateField(_("日期"))
    amount = models.DecimalField(_("金额（元）"), max_digits=12, decimal_places=2)
    form = models.CharField(_("发放形式"), max_length=30, blank=True)
    occasion = models.CharField(_("节日/情形"), max_length=20, blank=True)
    illness = models.CharField(_("疾病名称"), max_length=100, blank=True)
    reason = models.CharField(_("事由"), max_length=300, blank=True)
    schedule_item = models.ForeignKey(
        ScheduleItem, verbose_name=_("所属活动"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="welfare_entries",
    )  # fmt: skip
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("所属专项活动"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="entries", db_index=False,  # welfare_campaign_member
    )  # fmt: skip
    approved_by = models.CharField(_("审批人"), max_length=50, blank=True)
    received_by = models.CharField(_("签收人"), max_length=50, blank=True)
    signed = models.BooleanField(_("已实名签收"), default=False)
    within_rules = models.BooleanField(_("符合规定"), default=True)
    override_reason = models.CharField(_("超标发放理由"), max_length=500, blank=True)
    pack = models.CharField(_("所依规则"), max_length=60)
    decision = models.CharField(_("核对结论"), max_length=600)

    class Meta:
        verbose_name = _("福利慰问记录")
        verbose_name_plural = _("福利慰问台账")
        ordering = ["-date", "-pk"]
        indexes = [
            # What a member already had of a kind: the check reads this range only.
            models.Index(fields=["member", "kind", "date"], name="welfare_member_kind_date"),
            # The register of one union by date.
            models.Index(fields=["organization", "date"], name="welfare_org_date"),
            # Who of a campaign's list has had theirs, and the campaign's totals. Partial: most
            # entries belong to no campaign, and statistics gathered over them (all NULL)
            # made SQLite scan the register instead (bench/bench_welfare.py).
            models.Index(
                fields=["campaign", "member"],
                name="welfare_campaign_member",
                condition=models.Q(campaign__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.get_kind_display()} {self.date} {self.amount}"


# The hardship files live in their own module; imported here so Django finds the models.
from unionplan.welfare.hardship_models import (  # noqa: E402
    DibaoStandard,
    HardshipAid,
    HardshipFile,
    HardshipReader,
    HouseholdPerson,
)

__all__ = [
    "Campaign",
    "DibaoStandard",
    "HardshipAid",
    "HardshipFile",
    "HardshipReader",
    "HouseholdPerson",
    "WelfareEntry",
]
