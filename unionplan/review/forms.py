"""The reviewer's form: approve or return, a comment, the meeting date for a top-level plan."""

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan.core.dates import DateField
from unionplan.review.rules import MAX_COMMENT_LENGTH

DECISIONS = [("approve", _("通过")), ("return", _("退回"))]


class SubmitForm(forms.Form):
    comment = forms.CharField(
        label=_("提交说明"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("审批结果"), choices=DECISIONS)
    comment = forms.CharField(
        label=_("审批意见"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("退回时必须填写。"),
    )
    meeting_date = DateField(label=_("委员会会议日期"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)
