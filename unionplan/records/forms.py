"""Forms of activity records and target measures; the rules themselves live in the libraries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.core.choices import translated
from unionplan.core.dates import DateField
from unionplan.core.fields import IdListField
from unionplan.errors import UserInputError
from unionplan.files import uploads
from unionplan.plan.money import clean_amount
from unionplan.records.models import EXPENSE_CATEGORIES, METRICS
from unionplan.records.services import ExpenseInput, RecordInput


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by ``services.check_files``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": uploads.ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class RecordForm(forms.Form):
    date = DateField(label=_("日期"))
    place = forms.CharField(label=_("地点"), max_length=200, required=False)
    attendees = IdListField(label=_("参加会员"), required=False)
    others_count = forms.IntegerField(
        label=_("其他参加人数"), min_value=0, max_value=100000, initial=0, required=False
    )
    summary = forms.CharField(label=_("活动小结"), widget=forms.Textarea, required=False)
    files = MultipleFileField(label=_("照片和文件"))
    override_reason = forms.CharField(
        label=_("超预算支出理由"),
        max_length=500,
        required=False,
        help_text=_("支出没有预算或超出预算时，由工会主席填写理由后批准；理由记入审计日志。"),
    )
    # The version of the record the form was opened on (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_summary(self) -> str:
        # Browsers send a textarea's line breaks as CRLF: store them as typed, "\n".
        return self.cleaned_data["summary"].replace("\r\n", "\n")

    def as_input(self, expenses: list[ExpenseInput]) -> RecordInput:
        data = self.cleaned_data
        return RecordInput(
            date=data["date"],
            place=data["place"],
            others_count=data.get("others_count") or 0,
            summary=data["summary"],
            attendee_ids=data["attendees"],
            expenses=expenses,
            files=data["files"],
            override_reason=data.get("override_reason", ""),
        )


class ExpenseForm(forms.Form):
    category = forms.ChoiceField(label=_("支出类别"), choices=EXPENSE_CATEGORIES, initial="other")
    amount = forms.CharField(label=_("金额（元）"), required=False, max_length=30)
    payee = forms.CharField(label=_("收款方"), max_length=200, required=False)
    note = forms.CharField(label=_("备注"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        typed = any((data.get("amount") or "").strip() or data.get(f) for f in ("payee", "note"))
        if typed:
            try:
                data["amount"] = clean_amount(data.get("amount"))
            except UserInputError as error:
                self.add_error("amount", error.message)
        data["empty"] = not typed
        return data


ExpenseFormSet = forms.formset_factory(ExpenseForm, extra=3, max_num=50)


def expenses_of(formset) -> list[ExpenseInput]:
    """The filled rows of a valid expense formset."""
    return [
        ExpenseInput(
            f.cleaned_data["category"],
            f.cleaned_data["amount"],
            f.cleaned_data["payee"],
            f.cleaned_data["note"],
        )
        for f in formset
        if f.cleaned_data and not f.cleaned_data.get("empty")
    ]


class MeasureForm(forms.Form):
    metric = forms.ChoiceField(label=_("计量方式"), choices=METRICS)
    category = forms.ChoiceField(
        label=_("计入的活动类别"),
        choices=[("", _("全部类别")), *translated(vocab.CATEGORIES)],
        required=False,
    )
    items = forms.TypedMultipleChoiceField(
        label=_("或只计入这些活动"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, item_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = list(item_choices)


class ManualValueForm(forms.Form):
    value = forms.DecimalField(label=_("数值"), max_digits=14, decimal_places=2)
    date = DateField(label=_("日期"))
    note = forms.CharField(label=_("说明"), max_length=500, required=False)
