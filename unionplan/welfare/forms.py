from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.dates import DateField
from unionplan.errors import UserInputError
from unionplan.plan.money import clean_amount
from unionplan.welfare.models import KIND_CHOICES

FORMS = ["实物", "提货券", "指定商家提货券", "蛋糕券", "慰问金", "现金", "购物卡"]


def override_reason_field() -> forms.CharField:
    """The reason that records a gift over the fund rules (kept on the entry)."""
    return forms.CharField(
        label=_("超标发放理由"), max_length=500, required=False,
        help_text=_("仅在超出规定仍须发放时填写；理由随记录保存"),
    )  # fmt: skip


def budget_reason_field() -> forms.CharField:
    """The chair's reason that records a gift without or past its budget (audited)."""
    return forms.CharField(
        label=_("超预算支出理由"), max_length=500, required=False,
        help_text=_("支出没有预算或超出预算时，由工会主席填写理由后批准；理由记入审计日志。"),
    )  # fmt: skip


def amount_of(text: str):
    """An amount typed on a form, or the form error in Chinese."""
    try:
        return clean_amount(text)
    except UserInputError as error:
        raise forms.ValidationError(error.message) from None


class GiftForm(forms.Form):
    id_number = forms.CharField(label=_("会员身份证号"), max_length=30, required=False)
    member = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label=_("种类"), choices=KIND_CHOICES)
    date = DateField(label=_("日期"))
    amount = forms.CharField(label=_("金额（元）"), max_length=30)
    form = forms.ChoiceField(
        label=_("发放形式"), choices=[("", "—")] + [(f, f) for f in FORMS], required=False
    )
    occasion = forms.CharField(label=_("节日/情形"), max_length=20, required=False,
                               help_text=_("如 春节、中秋、手术（有的规则按节日或情形定上限）"))  # fmt: skip
    illness = forms.CharField(label=_("疾病名称"), max_length=100, required=False,
                              help_text=_("住院慰问填写：同一疾病每年只慰问一次"))  # fmt: skip
    reason = forms.CharField(label=_("事由"), max_length=300, required=False)
    approved_by = forms.CharField(label=_("审批人"), max_length=50, required=False)
    received_by = forms.CharField(label=_("签收人"), max_length=50, required=False)
    signed = forms.BooleanField(label=_("已实名签收"), required=False)
    override_reason = override_reason_field()
    budget_reason = budget_reason_field()

    def clean_amount(self):
        return amount_of(self.cleaned_data["amount"])

    def clean(self):
        data = super().clean()
        if not data.get("member") and not (data.get("id_number") or "").strip():
            self.add_error("id_number", _("请填写会员的身份证号。"))
        return data
