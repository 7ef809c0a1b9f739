"""The campaign form, and the form that records payments to people of its list."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.dates import DateField, DatePicker
from unionplan.core.fields import IdListField
from unionplan.scope import parse_scope
from unionplan.welfare.campaign_models import Campaign
from unionplan.welfare.forms import FORMS, amount_of, budget_reason_field, override_reason_field


class CampaignForm(forms.ModelForm):
    amount = forms.CharField(label=_("每人金额（元）"), max_length=30)
    form = forms.ChoiceField(
        label=_("发放形式"), choices=[("", "—")] + [(f, f) for f in FORMS], required=False
    )

    class Meta:
        model = Campaign
        fields = ["kind", "year", "title", "starts_on", "ends_on", "source", "scope",
                  "hardship_class", "school_level", "amount", "form", "gift_kind",
                  "occasion"]  # fmt: skip
        widgets = {"starts_on": DatePicker, "ends_on": DatePicker}
        field_classes = {"starts_on": DateField, "ends_on": DateField}
        help_texts = {
            "scope": _("如 全体会员、退休会员、70周岁以上退休会员、一线职工"),
            "gift_kind": _("每笔发放按此种类核对经费规则"),
        }

    def clean_amount(self):
        return amount_of(self.cleaned_data["amount"])

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("年度应在2000至2100之间。"))
        return year

    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and start > end:
            self.add_error("ends_on", _("结束日期不能早于开始日期。"))
        if data.get("source") == "hardship":
            if data.get("kind") == "schooling" and not data.get("school_level"):
                self.add_error("school_level", _("金秋助学按困难职工档案发放，须选择就读阶段。"))
        elif "scope" in data:
            self._check_scope(data["scope"].strip())
        return data

    def _check_scope(self, text: str) -> None:
        """A scope is required and must be understood whole: nothing is listed from half."""
        if not text:
            self.add_error("scope", _("请填写慰问范围，或选择按困难职工档案取名单。"))
            return
        scope = parse_scope(text)
        if scope.filter.names_hardship():  # aid goes to a file within its caps, not to names
            self.add_error("scope", _("慰问范围是困难职工：请选择按困难职工档案取名单。"))
        elif not scope.resolved:
            words = "、".join(scope.unresolved)
            self.add_error("scope", _("“%(words)s”无法从会员名册确定。%(notes)s")
                           % {"words": words, "notes": "".join(scope.notes)})  # fmt: skip


class PayForm(forms.Form):
    """Payments of one page of the list: the ticked members (or the whole page), the date,
    and — once some were refused — the reasons that record them anyway."""

    members = IdListField(
        required=False, error_messages={"invalid": _("人员的选择有误，请重新勾选。")}
    )
    date = DateField(label=_("发放日期"))
    override_reason = override_reason_field()
    budget_reason = budget_reason_field()

    def clean_members(self):
        members = self.cleaned_data["members"]
        if not members:
            raise forms.ValidationError(_("请勾选要登记的人员。"))
        return members
