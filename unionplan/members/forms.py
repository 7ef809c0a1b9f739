from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.dates import DateField
from unionplan.idcard import IdCardInfo, inspect_id_number, mismatch_problems
from unionplan.members.editing import MemberInput, input_of
from unionplan.members.models import GENDERS, STATUSES
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
            tags=data["tags"],
        )


def _cell(parse, value):
    """A roster cell parser as a form field cleaner: its message becomes the field's error."""
    try:
        return parse(value)
    except cells.CellError as error:
        raise forms.ValidationError(str(error)) from None
