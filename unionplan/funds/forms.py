"""The money forms: finance settings, the budget adjustment, reimbursements; amounts are read
by ``unionplan.accounting`` and ``unionplan.plan.money``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from unionplan.accounting.budget import clean_figure, clean_percent
from unionplan.accounting.lines import INCOME_CHART, TYPED_INCOME, expense_lines
from unionplan.core.dates import DateField
from unionplan.errors import UserInputError
from unionplan.funds import income
from unionplan.funds.income import IncomeInput
from unionplan.funds.reimbursements import ItemInput
from unionplan.plan.money import clean_amount
from unionplan.records.forms import MultipleFileField

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
                label=_("%(line)s（元）") % {"line": line}, required=False, max_length=30
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


def line_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(line.key, line.label) for line in expense_lines()]


class ClaimForm(forms.Form):
    applicant = forms.CharField(label=_("申请人"), max_length=50)
    title = forms.CharField(label=_("事由"), max_length=200)
    date = DateField(label=_("支出日期"))
    files = MultipleFileField(label=_("发票、收据"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ClaimItemForm(forms.Form):
    description = forms.CharField(label=_("内容"), max_length=200, required=False)
    amount = forms.CharField(label=_("金额（元）"), max_length=30, required=False)
    line = forms.ChoiceField(label=_("会计科目"), choices=line_choices, required=False)

    def clean(self):
        """A row with anything typed needs all three; an empty row is left out."""
        data = super().clean()
        typed = any((data.get(name) or "").strip() for name in ("description", "amount", "line"))
        data["empty"] = not typed
        if not typed:
            return data
        if not (data.get("description") or "").strip():
            self.add_error("description", _("请填写内容。"))
        if not data.get("line"):
            self.add_error("line", _("请选择会计科目。"))
        try:
            data["amount"] = clean_amount(data.get("amount"))
        except UserInputError as error:
            self.add_error("amount", error.message)
        return data


ClaimItemFormSet = forms.formset_factory(ClaimItemForm, extra=3, max_num=50)


def claim_items(formset) -> list[ItemInput]:
    """The filled rows of a valid item formset."""
    return [
        ItemInput(f.cleaned_data["description"], f.cleaned_data["amount"], f.cleaned_data["line"])
        for f in formset
        if f.cleaned_data and not f.cleaned_data.get("empty")
    ]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审批结果"), choices=[("approve", _("批准")), ("return", _("退回"))]
    )
    comment = forms.CharField(label=_("审批意见"), max_length=500, required=False)
    override_reason = forms.CharField(
        label=_("超预算支出理由"), max_length=500, required=False,
        help_text=_("支出没有预算或超出预算时，由工会主席填写理由后批准；理由记入审计日志。"),
    )  # fmt: skip


class FinalReviewForm(forms.Form):
    """The 经费审查委员会's act on the 决算; the service checks who, when and what."""

    decision = forms.ChoiceField(
        label=_("审查结果"),
        choices=[("signed", _("审查通过，签署")), ("returned", _("审查未通过，退回"))],
    )
    name = forms.CharField(label=_("审查人（签名）"), max_length=50)
    reviewed_on = DateField(label=_("审查日期"))
    opinion = forms.CharField(
        label=_("审查意见"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class WithdrawReviewForm(forms.Form):
    name = forms.CharField(label=_("审查人（签名）"), max_length=50)
    opinion = forms.CharField(
        label=_("撤回理由"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class IncomeForm(forms.Form):
    """One income received; the amount, day and line are read by ``income.clean``."""

    date = DateField(label=_("收到日期"))
    line = forms.ChoiceField(label=_("收入科目"), choices=[(n, n) for n in INCOME_CHART])
    amount = forms.CharField(label=_("金额（元）"), max_length=30)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)

    def __init__(self, *args, org=None, year: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.org, self.year = org, year

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        typed = IncomeInput(data["date"], data["line"], data["amount"], data.get("note", ""))
        try:
            income.clean(self.org, self.year, typed)
        except UserInputError as error:
            raise ValidationError(error.message) from None
        data["input"] = typed
        return data


def income_initial(entry) -> dict:
    return {
        "date": entry.date, "line": entry.line, "amount": f"{entry.amount:.2f}",
        "note": entry.note,
    }  # fmt: skip
