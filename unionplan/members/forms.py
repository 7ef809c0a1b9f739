from django import forms
from django.utils.translation import gettext_lazy as _

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
