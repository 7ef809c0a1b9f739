"""Forms of the draft-plan wizard and of loading a holiday schedule in the admin.

Checks are the libraries' (``check_year``, ``check_sector``, the schedule loader), so the
web and the command line give the same Chinese message for the same mistake.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan import calendar as cal
from unionplan import vocab
from unionplan.agenda import holidays
from unionplan.core.choices import translated
from unionplan.errors import UserInputError
from unionplan.plan.checks import clean_title
from unionplan.plan.data import MAX_TITLE_LENGTH


def _checked(check, *args, **kwargs):
    try:
        return check(*args, **kwargs)
    except UserInputError as error:
        raise forms.ValidationError(error.message) from None


class WizardForm(forms.Form):
    year = forms.CharField(label=_("计划年度"), max_length=10)
    sector = forms.ChoiceField(label=_("行业（决定活动库）"), choices=translated(vocab.SECTORS))
    title = forms.CharField(
        label=_("计划标题"),
        required=False,
        max_length=MAX_TITLE_LENGTH,
        help_text=_("留空则为“某年某工会工作计划”。"),
    )

    def clean_year(self) -> int:
        return _checked(cal.check_year, self.cleaned_data["year"])

    def clean_title(self) -> str:
        title = (self.cleaned_data.get("title") or "").strip()
        return _checked(clean_title, title, what="计划标题") if title else ""


class ScheduleUploadForm(forms.Form):
    """An official schedule from a file or pasted text, checked by the library's loader."""

    file = forms.FileField(label=_("节假日安排文件（.toml或.json）"), required=False)
    text = forms.CharField(
        label=_("或直接粘贴文件内容"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 80}),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "").strip()
        if not upload and not text:
            raise forms.ValidationError(_("请上传文件或粘贴文件内容。"))
        name = "粘贴的内容"
        if upload:
            name = upload.name
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError(_("文件不是UTF-8编码的文本。")) from None
        cleaned["schedule"] = _checked(holidays.parse, text, filename=name)
        cleaned["source_text"] = text
        return cleaned
