"""Forms of the hardship files: the intake (the household's facts and its people as rows),
the reviews, 公示, aid, re-check and 脱困, and naming who may see the files.

Money is read by the one reader of typed amounts (``plan.money.parse_yuan``): an income
that is not a number or is negative is a Chinese error on its row, and nothing is saved.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.choices import translated
from unionplan.core.dates import DateField
from unionplan.errors import UserInputError
from unionplan.fundrules.hardship import AID_KINDS, SCHOOL_LEVELS, Person
from unionplan.plan.money import MAX_AMOUNT, clean_amount, parse_yuan
from unionplan.welfare.hardship_models import DibaoStandard
from unionplan.welfare.hardship_services import Facts

RELATIONS = ["本人", "配偶", "子女", "父母", "其他"]
_NUMBER = {"invalid": _("请填写整数。"), "min_value": _("不能为负数。")}


def yuan_or_zero(value: str, what: str) -> Decimal:
    """A yearly figure in yuan: blank is 0; not a number, or negative, is refused."""
    if not (value or "").strip():
        return Decimal(0)
    amount = parse_yuan(value, what=what, maximum=MAX_AMOUNT)
    if amount < 0:
        raise UserInputError(f"{what}不能为负数。")
    return amount.quantize(Decimal("0.01"))


def _money_field(label, help_text=""):
    return forms.CharField(label=label, max_length=30, required=False, help_text=help_text)


def city_choices() -> list[tuple[str, str]]:
    cities = DibaoStandard.objects.order_by("city").values_list("city", flat=True).distinct()
    return [("", "—")] + [(c, c) for c in cities]


class FileForm(forms.Form):
    id_number = forms.CharField(label=_("职工身份证号"), max_length=30, required=False)
    member = forms.IntegerField(widget=forms.HiddenInput, required=False)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100,
                              error_messages={"invalid": _("年度应为四位数字。")})  # fmt: skip
    city = forms.ChoiceField(label=_("城市（低保标准）"), choices=city_choices)
    situation = forms.CharField(label=_("致困原因"), max_length=500, required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    disaster = forms.BooleanField(label=_("遭遇灾害或意外事故"), required=False)
    homes = forms.IntegerField(label=_("住房套数"), min_value=0, initial=1,
                               error_messages=_NUMBER)  # fmt: skip
    business = forms.BooleanField(label=_("经营企业或个体工商户"), required=False)
    private_school_fee = _money_field(_("私立学校学费（元/年）"), _("子女就读私立学校时填写"))
    public_school_fee = _money_field(_("公办学校学费（元/年）"), _("同阶段公办学校的收费"))
    study_abroad = forms.BooleanField(label=_("子女自费出国留学"), required=False)

    def clean_private_school_fee(self):
        return _clean_money(self.cleaned_data["private_school_fee"], "私立学校学费")

    def clean_public_school_fee(self):
        return _clean_money(self.cleaned_data["public_school_fee"], "公办学校学费")

    def clean(self):
        data = super().clean()
        if not data.get("member") and not (data.get("id_number") or "").strip():
            self.add_error("id_number", _("请填写职工的身份证号。"))
        return data

    def facts(self) -> Facts:
        d = self.cleaned_data
        return Facts(
            city=d["city"], year=d["year"], disaster=d["disaster"], situation=d["situation"],
            homes=d["homes"], business=d["business"], private_school_fee=d["private_school_fee"],
            public_school_fee=d["public_school_fee"], study_abroad=d["study_abroad"],
        )  # fmt: skip


def _clean_money(value: str, what: str) -> Decimal:
    try:
        return yuan_or_zero(value, what)
    except UserInputError as error:
        raise forms.ValidationError(error.message) from None


class PersonForm(forms.Form):
    relation = forms.ChoiceField(
        label=_("与职工关系"), choices=[("", "—")] + [(r, _(r)) for r in RELATIONS], required=False
    )
    name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    income = _money_field(_("年收入（元）"))
    costs = _money_field(_("刚性支出（元/年）"))
    costs_note = forms.CharField(label=_("支出说明"), max_length=200, required=False)

    def clean(self):
        """A row with anything typed needs its relation; an empty row is left out."""
        data = super().clean()
        names = ("relation", "name", "income", "costs", "costs_note")
        data["empty"] = not any((data.get(n) or "").strip() for n in names)
        if data["empty"]:
            return data
        if not data.get("relation"):
            self.add_error("relation", _("请选择与职工的关系。"))
        for field, what in (("income", "年收入"), ("costs", "刚性支出")):
            try:
                data[field] = yuan_or_zero(data.get(field), what)
            except UserInputError as error:
                self.add_error(field, error.message)
        return data


class BasePersonFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not household_rows(self):
            raise forms.ValidationError(_("请至少填写一名家庭成员（含职工本人）。"))


PersonFormSet = forms.formset_factory(
    PersonForm, formset=BasePersonFormSet, extra=0, max_num=20, validate_max=True
)


def household_rows(formset) -> list[tuple[Person, str]]:
    """The filled rows of a valid formset: (the person, what their costs are)."""
    return [
        (
            Person(d["relation"], d["income"], d["costs"], d["name"].strip()),
            d["costs_note"].strip(),
        )
        for d in (f.cleaned_data for f in formset)
        if d and not d.get("empty")
    ]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结果"), choices=[("approve", _("通过")), ("return", _("退回"))]
    )
    comment = forms.CharField(label=_("审核意见"), max_length=500, required=False)


class PublicityForm(forms.Form):
    start = DateField(label=_("公示开始"))
    end = DateField(label=_("公示结束"))


class AidForm(forms.Form):
    kind = forms.ChoiceField(label=_("帮扶种类"), choices=translated(list(AID_KINDS.items())))
    school_level = forms.ChoiceField(
        label=_("就读阶段（助学）"), required=False,
        choices=[("", "—"), *translated(list(SCHOOL_LEVELS.items()))],
    )  # fmt: skip
    amount = forms.CharField(label=_("金额（元）"), max_length=30)
    date = DateField(label=_("发放日期"))
    received_by = forms.CharField(label=_("签收人"), max_length=50, required=False)
    signed = forms.BooleanField(label=_("已实名签收"), required=False)
    budget_reason = forms.CharField(
        label=_("超预算支出理由"), max_length=500, required=False,
        help_text=_("支出没有预算或超出预算时，由工会主席填写理由后批准；理由记入审计日志。"),
    )  # fmt: skip

    def clean_amount(self):
        try:
            return clean_amount(self.cleaned_data["amount"])
        except UserInputError as error:
            raise forms.ValidationError(error.message) from None


class RecheckForm(forms.Form):
    year = forms.IntegerField(label=_("复核年度"), min_value=2000, max_value=2100,
                              error_messages={"invalid": _("年度应为四位数字。")})  # fmt: skip
    date = DateField(label=_("复核日期"))


class ExitForm(forms.Form):
    date = DateField(label=_("脱困日期"))
    reason = forms.CharField(label=_("脱困原因"), max_length=600)


class ReaderForm(forms.Form):
    user = forms.TypedChoiceField(label=_("人员"), coerce=int, choices=())

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "—")] + [(u.pk, name) for u, name in people]
