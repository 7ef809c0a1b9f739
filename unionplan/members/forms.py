from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.dates import DateField
from unionplan.idcard import IdCardInfo, inspect_id_number, mismatch_problems
from unionplan.members.editing import MemberInput, input_of
from unionplan.members.models import GENDERS, SECONDMENTS, STANDINGS, STATUSES
from unionplan.roster import cells

MAX_UPLOAD_MB = 10


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("花名册文件"),
        help_text=_("Excel（.xlsx/.xls）、WPS/LibreOffice（.ods）或 CSV（UTF-8、GBK 均可）"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("文件太大：花名册不能超过 %(mb)s MB。") % {"mb": MAX_UPLOAD_MB}
            )
        return upload


class NumberLookupForm(forms.Form):
    """Find a member by ID number or phone: sent by POST so the number stays out of URLs."""

    number = forms.CharField(label=_("身份证号或手机号"), max_length=30)


FUND_BASE_CHOICES = [("", _("未登记")), ("yes", _("是")), ("no", _("否"))]
_FUND_BASE = {"": None, "yes": True, "no": False}


class MemberForm(forms.Form):
    """One member, checked as the roster import checks a row.

    For a person who does not see full numbers (``reveal`` False) the ID number and phone
    fields start empty, show the masked number, and an empty field keeps what is stored.
    """

    name = forms.CharField(label=_("姓名"), max_length=50)
    id_number = forms.CharField(label=_("身份证号"), max_length=30, required=False)
    gender = forms.ChoiceField(label=_("性别"), choices=[("", "—"), *GENDERS], required=False)
    birth_date = DateField(label=_("出生日期"), required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    department = forms.CharField(label=_("部门"), max_length=100, required=False)
    post = forms.CharField(label=_("职务/岗位"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("状态"), choices=STATUSES, initial="active")
    joined_at = DateField(label=_("入会时间"), required=False)
    hired_on = DateField(
        label=_("入职时间"),
        required=False,
        help_text=_("“新入职职工”按入职时间计；未填写时按入会时间。"),
    )
    standing = forms.ChoiceField(label=_("会籍"), choices=STANDINGS, required=False)
    standing_since = DateField(
        label=_("会籍变动日期"), required=False, help_text=_("会籍变动时填写；留空则按当天。")
    )
    dues_paid_through = forms.CharField(
        label=_("会费缴至"), max_length=20, required=False,
        help_text=_("缴至哪一月，如 2025-12"),
    )  # fmt: skip
    in_fund_base = forms.ChoiceField(
        label=_("工资列入经费计提基数"), choices=FUND_BASE_CHOICES, required=False
    )
    secondment = forms.ChoiceField(label=_("借调/派遣"), choices=SECONDMENTS, required=False)
    tags = forms.CharField(
        label=_("标签"),
        max_length=300,
        required=False,
        help_text=_("多个标签用顿号分开，如 劳模、困难职工"),
    )
    note = forms.CharField(label=_("备注"), max_length=500, required=False)

    def __init__(self, *args, member=None, reveal: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.member, self.reveal = member, reveal
        if member is not None and not reveal:
            for name, masked in (
                ("id_number", member.masked_id_number),
                ("phone", member.masked_phone),
            ):
                self.fields[name].widget.attrs["placeholder"] = masked
                self.fields[name].help_text = _("已脱敏显示；留空则保持不变。")
        self.fields["id_number"].widget.attrs["autocomplete"] = "off"

    @classmethod
    def initial_of(cls, member, reveal: bool) -> dict:

        data = input_of(member)
        initial = {name: getattr(data, name) for name in cls.base_fields if name != "tags"}
        initial["tags"] = "、".join(data.tags)
        month = data.dues_paid_through
        initial["dues_paid_through"] = f"{month.year}-{month.month:02d}" if month else ""
        initial["in_fund_base"] = {None: "", True: "yes", False: "no"}[data.in_fund_base]
        if not reveal:
            initial["id_number"] = initial["phone"] = ""
        return initial

    def clean_name(self):
        return _cell(cells.parse_name, self.cleaned_data["name"])

    def clean_phone(self):
        typed = self.cleaned_data["phone"].strip()
        if not typed:
            return self.member.phone if self.member is not None and not self.reveal else ""
        return _cell(cells.parse_phone, typed)

    def clean_standing(self):
        """An absent 会籍 keeps what is stored (a form posted without it changes nothing)."""
        typed = self.cleaned_data["standing"]
        if typed:
            return typed
        return self.member.standing if self.member is not None else "normal"

    def clean_dues_paid_through(self):
        """A month (2025-12, 2025年12月, 202512) as its first day; a full date names its month."""
        typed = self.cleaned_data["dues_paid_through"].strip()
        if not typed:
            return None
        day, _month_only = _cell(cells.parse_date, typed)
        return day.replace(day=1)

    def clean_in_fund_base(self):
        return _FUND_BASE[self.cleaned_data["in_fund_base"]]

    def clean_tags(self):
        return cells.parse_tags(self.cleaned_data["tags"])

    def clean_id_number(self):
        typed = self.cleaned_data["id_number"].strip()
        if not typed:
            if self.member is not None and not self.reveal:
                return self.member.id_number
            raise forms.ValidationError(_("请填写身份证号：会员按身份证号识别。"))
        info = inspect_id_number(typed)
        if isinstance(info, str):
            raise forms.ValidationError(info)
        return info

    def clean(self):
        data = super().clean()
        info = data.get("id_number")
        if isinstance(info, IdCardInfo):
            for message in mismatch_problems(
                info, data.get("birth_date"), data.get("gender") or None
            ):
                self.add_error("birth_date" if message.startswith("出生") else "gender", message)
            data["id_number"] = info.number
            data["birth_date"], data["gender"] = info.birth_date, info.gender
        return data

    def as_input(self):

        data = self.cleaned_data
        return MemberInput(
            name=data["name"],
            id_number=data["id_number"],
            gender=data["gender"] or "",
            birth_date=data["birth_date"],
            phone=data["phone"],
            department=data["department"].strip(),
            post=data["post"].strip(),
            status=data["status"],
            joined_at=data["joined_at"],
            hired_on=data["hired_on"],
            note=data["note"].strip(),
            standing=data["standing"],
            standing_since=data["standing_since"],
            dues_paid_through=data["dues_paid_through"],
            in_fund_base=data["in_fund_base"],
            secondment=data["secondment"],
            tags=data["tags"],
        )


def _cell(parse, value):
    """A roster cell parser as a form field cleaner: its message becomes the field's error."""
    try:
        return parse(value)
    except cells.CellError as error:
        raise forms.ValidationError(str(error)) from None


class TransferForm(forms.Form):
    """Transfer a member into another union the cadre may change (接转)."""

    to = forms.ChoiceField(label=_("转入工会"))
    date = DateField(label=_("转出日期"), required=False, help_text=_("留空则按当天"))

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {str(org.pk): org for org in targets}
        self.fields["to"].choices = [("", "—")] + [(pk, o.name) for pk, o in self.targets.items()]
        self.fields["to"].error_messages["invalid_choice"] = _("请选择您可以管理的转入工会。")
        self.fields["to"].error_messages["required"] = _("请选择转入的工会。")

    def clean_to(self):
        return self.targets[self.cleaned_data["to"]]
