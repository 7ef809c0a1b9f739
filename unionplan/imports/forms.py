from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.text.readers import MAX_FILE_BYTES, too_large_message


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("计划文件"),
        help_text=_(
            "Word（.docx，不超过20MB）、网页（.html）或文本（.txt/.md，任意常见编码；不超过5MB）"
        ),
    )
    simplified = forms.BooleanField(label=_("繁体转为简体"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The parser checks each kind's own limit; this only spares reading a huge upload.
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(too_large_message(upload.size))
        if upload.size == 0:
            raise forms.ValidationError(_("文件是空的。"))
        return upload


class ConfirmForm(forms.Form):
    year = forms.IntegerField(label=_("计划年度"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def __init__(self, *args, plan_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(plan_count):
            self.fields[f"use_{index}"] = forms.BooleanField(required=False, initial=True)
            self.fields[f"title_{index}"] = forms.CharField(max_length=200, required=False)

    def chosen(self, count: int) -> dict[int, str]:
        """The title typed for every plan the user ticked, by the plan's index."""
        return {
            index: self.cleaned_data.get(f"title_{index}", "").strip()
            for index in range(count)
            if self.cleaned_data.get(f"use_{index}")
        }
