"""The finance settings of a union's year; amounts are read by ``unionplan.accounting.budget``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from unionplan.accounting.budget import clean_figure, clean_percent
from unionplan.accounting.lines import TYPED_INCOME, expense_lines
from unionplan.core.dates import DateField
from unionplan.errors import UserInputError

FIGURES = [
    ("wage_base", _("会员工资收入总额（元）"), _("会费按其0.5%估算")),
    ("wage_bill", _("全部职工工资总额（元）"), _("拨缴经费按其2%乘留成比例估算")),
    ("carried_over", _("上年结余（元）"), ""),
]


class FinanceForm(forms.Form):
    retained_percent = forms.CharField(
        label=_("拨缴经费留成比例（%）"), max_length=10, help_text=_("按本省规定，例如60")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label, help_text in FIGURES:
            self.fields[name] = forms.CharField(
                label=label, help_text=help_text, required=False, max_length=30
            )
        for index, line in enumerate(TYPED_INCOME):
            self.fields[f"income_{index}"] = forms.CharField(
                label=f"{line}（元）", required=False, max_length=30
            )
        self.order_fields(["wage_base", "wage_bill", "retained_percent", "carried_over"])

    def clean_retained_percent(self):
        return _read(clean_percent, self.cleaned_data["retained_percent"])

    def clean(self):
        data = super().clean()
        for name, label, _help in FIGURES:
            if name in data:
                try:
                    data[name] = clean_figure(data[name], what=str(label).split("（")[0])
                except UserInputError as error:
                    self.add_error(name, error.message)
        typed = {}
        for index, line in enumerate(TYPED_INCOME):
            try:
                amount = clean_figure(data.get(f"income_{index}"), what=line)
            except UserInputError as error:
                self.add_error(f"income_{index}", error.message)
                continue
            if amount:
                typed[line] = str(amount)
        data["typed_income"] = typed
        return data


def initial_of(finance) -> dict:
    if finance is None:
        return {"retained_percent": "60"}
    initial = {
        "wage_base": finance.wage_base,
        "wage_bill": finance.wage_bill,
        "retained_percent": finance.retained_percent.normalize(),
        "carried_over": finance.carried_over,
    }
    for index, line in enumerate(TYPED_INCOME):
        initial[f"income_{index}"] = (finance.typed_income or {}).get(line, "")
    return initial


def _read(reader, value):
    try:
        return reader(value)
    except UserInputError as error:
        raise ValidationError(error.message) from None


class AdjustmentForm(forms.Form):
    """The year's one adjustment: a field per expense line (blank keeps the approved amount)."""

    reason = forms.CharField(
        label=_("调整理由"), max_length=500, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args, approved: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = expense_lines()
        for index, line in enumerate(self.lines):
            amount = (approved or {}).get(line.key)
            self.fields[f"line_{index}"] = forms.CharField(
                label=line.label, required=False, max_length=30,
                initial=f"{amount:.2f}" if amount else "",
                help_text=_("批准预算：%(amount)s元") % {"amount": f"{amount or 0:,.2f}"},
            )  # fmt: skip
        self.order_fields([f"line_{i}" for i in range(len(self.lines))] + ["reason"])

    def amounts(self) -> dict[str, str]:
        """{line key: what was typed} of a bound form, for ``budgeting.propose``."""
        return {
            line.key: self.data.get(self.add_prefix(f"line_{index}"), "")
            for index, line in enumerate(self.lines)
        }


class AdjustmentReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审批结果"), choices=[("approve", _("通过")), ("return", _("退回"))]
    )
    comment = forms.CharField(label=_("审批意见"), required=False, max_length=2000)
    meeting_date = DateField(label=_("委员会会议日期"), required=False)
