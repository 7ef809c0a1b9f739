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


class DeadlineForm(forms.Form):
    """The date by which the unions below are to submit their plans for the board's year."""

    due_date = DateField(
        label=_("报送截止日期"), required=False, help_text=_("留空则取消截止日期。")
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due is not None and not self.year - 1 <= due.year <= self.year:
            raise forms.ValidationError(
                _("%(year)s年度计划的报送截止日期应在%(before)s年或%(year)s年内。")
                % {"year": self.year, "before": self.year - 1}
            )
        return due


class AdjustForm(forms.Form):
    """A 调整 of an approved plan: why it is needed (the reviewers read it first)."""

    reason = forms.CharField(
        label=_("调整原因"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例如：上级工会新增部署的工作、经费调整、活动时间变化。"),
        error_messages={"required": _("申请调整必须填写调整原因。")},
    )
