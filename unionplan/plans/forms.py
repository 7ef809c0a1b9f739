"""Forms of the plan editor.

Every check a user can trip over is one of ``unionplan.plan.checks``', so the web form, the
import and the command line give the same Chinese message for the same mistake. Each
editing form carries the ``version`` of the row it was loaded from (optimistic locking).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from unionplan import vocab
from unionplan.calendar.years import FIRST_YEAR, LAST_YEAR
from unionplan.core.choices import translated
from unionplan.core.dates import DateField
from unionplan.errors import UserInputError
from unionplan.orgs.models import Organization
from unionplan.plan.checks import (
    check_item,
    check_target,
    clean_month,
    clean_section_title,
    clean_title,
)
from unionplan.plan.data import MAX_TEXT_LENGTH, ItemData, TargetData
from unionplan.plan.money import clean_budget
from unionplan.plans.models import Plan, ScheduleItem, Section, Target
from unionplan.plans.titles import check_title_free

MAX_SCOPE_LENGTH = 500
MAX_OWNER_LENGTH = 100
MAX_UNIT_LENGTH = 20


def checked(check: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a check of unionplan.plan.checks; its UserInputError becomes the form's ValidationError."""
    try:
        return check(*args, **kwargs)
    except UserInputError as error:
        raise forms.ValidationError(error.message) from None


def short_text(value: str, *, what: str, max_length: int) -> str:
    """Optional text: stripped, refused when longer than ``max_length``."""
    value = (value or "").strip()
    if value:
        checked(clean_title, value, what=what, max_length=max_length)
    return value


def title_free(
    form: forms.Form, organization: Organization, year: int, title: str, plan: Plan | None = None
) -> None:
    """The one rule of plan titles (``titles.check_title_free``) as an error on ``title``."""
    try:
        check_title_free(organization, year, title, plan)
    except UserInputError as error:
        form.add_error("title", error.message)


def _text_input(**attrs: Any) -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": "off", **attrs})


class VersionedForm(forms.Form):
    """A form for one stored row: ``fields_saved`` are written with ``save_if_unchanged``."""

    fields_saved: list[str] = []
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def apply(self, instance: Any) -> Any:
        """Copy the cleaned values onto ``instance`` (not saved)."""
        for name in self.fields_saved:
            setattr(instance, name, self.cleaned_data[name])
        return instance

    @classmethod
    def initial_from(cls, instance: Any) -> dict[str, Any]:
        initial = {name: getattr(instance, name) for name in cls.fields_saved}
        initial["version"] = instance.version
        return initial


class SectionForm(VersionedForm):
    fields_saved = ["title", "body"]
    title = forms.CharField(label=_("章节标题"), required=False, widget=_text_input())
    body = forms.CharField(
        label=_("正文"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean_title(self) -> str:
        return checked(clean_section_title, self.cleaned_data["title"])


class TargetForm(VersionedForm):
    fields_saved = ["text", "comparator", "value", "value_high", "unit", "section"]
    text = forms.CharField(label=_("目标"), required=False, widget=_text_input())
    comparator = forms.ChoiceField(label=_("比较方式"), choices=translated(vocab.COMPARATORS))
    value = forms.DecimalField(label=_("数值"), required=False, max_digits=14, decimal_places=2)
    value_high = forms.DecimalField(
        label=_("上限（区间目标）"), required=False, max_digits=14, decimal_places=2
    )
    unit = forms.CharField(label=_("单位"), required=False, widget=_text_input(size=6))
    section = forms.ChoiceField(label=_("所属章节"), required=False)

    def __init__(self, *args: Any, sections: list[tuple[Section, str]] = (), **kwargs: Any):
        """``sections``: (section, its number and title) for the section choice."""
        super().__init__(*args, **kwargs)
        self._sections = {str(section.pk): section for section, _label in sections}
        self.fields["section"].choices = [("", _("（不属于任何章节）"))] + [
            (str(section.pk), label) for section, label in sections
        ]

    @classmethod
    def initial_from(cls, instance: Target) -> dict[str, Any]:
        initial = super().initial_from(instance)
        initial["section"] = str(instance.section_id or "")
        return initial

    def clean_text(self) -> str:
        return checked(
            clean_title,
            self.cleaned_data["text"],
            what="目标内容",
            max_length=MAX_TEXT_LENGTH,
        )

    def clean_unit(self) -> str:
        return short_text(self.cleaned_data["unit"], what="单位", max_length=MAX_UNIT_LENGTH)

    def clean_section(self) -> Section | None:
        return self._sections.get(self.cleaned_data["section"] or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        target = TargetData(
            text=data["text"],
            comparator=data["comparator"],
            value=data["value"],
            value_high=data["value_high"],
            unit=data["unit"],
        )
        checked(check_target, target)
        return data


class ItemForm(VersionedForm):
    fields_saved = [
        "month",
        "end_month",
        "date",
        "end_date",
        "text",
        "scope",
        "owner",
        "budget",
        "category",
        "status",
    ]
    month = forms.CharField(
        label=_("月份"), required=False, widget=_text_input(size=3, inputmode="numeric")
    )
    end_month = forms.CharField(
        label=_("结束月份"), required=False, widget=_text_input(size=3, inputmode="numeric")
    )
    date = DateField(label=_("日期"), required=False)
    end_date = DateField(label=_("结束日期"), required=False)
    text = forms.CharField(label=_("活动内容"), required=False, widget=_text_input())
    scope = forms.CharField(label=_("参加范围"), required=False, widget=_text_input())
    owner = forms.CharField(label=_("负责人"), required=False, widget=_text_input())
    budget = forms.CharField(
        label=_("经费（元）"), required=False, widget=_text_input(size=10, inputmode="decimal")
    )
    category = forms.ChoiceField(
        label=_("类别"), choices=translated(vocab.CATEGORIES), initial="other"
    )
    status = forms.ChoiceField(
        label=_("状态"), choices=translated(vocab.ITEM_STATUSES), initial="planned"
    )

    def __init__(self, *args: Any, year: int | None = None, **kwargs: Any):
        """``year``: the plan's year, which an exact date must fall in."""
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_text(self) -> str:
        return checked(
            clean_title,
            self.cleaned_data["text"],
            what="活动内容",
            max_length=MAX_TEXT_LENGTH,
        )

    def clean_scope(self) -> str:
        return short_text(self.cleaned_data["scope"], what="参加范围", max_length=MAX_SCOPE_LENGTH)

    def clean_owner(self) -> str:
        return short_text(self.cleaned_data["owner"], what="负责人", max_length=MAX_OWNER_LENGTH)

    def clean_budget(self):
        return checked(clean_budget, self.cleaned_data["budget"])

    def clean_end_month(self) -> int | None:
        value = (self.cleaned_data["end_month"] or "").strip()
        return checked(clean_month, value, what="结束月份") if value else None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        month = (data.get("month") or "").strip()
        if not month and data.get("date"):
            data["month"] = data["date"].month  # a dated activity falls in its date's month
        elif not month:
            self.add_error("month", _("请填写月份或日期。"))
            return data
        else:
            try:
                data["month"] = checked(clean_month, month)
            except forms.ValidationError as error:
                self.add_error("month", error)
                return data
        if self.errors:
            return data
        item = ItemData(**{name: data[name] for name in self.fields_saved})
        checked(check_item, item, year=self.year)
        if item.date and item.date.month != item.month and not item.end_month:
            self.add_error("date", _("日期与所填月份不一致。"))
        return data


class PlanHeaderForm(VersionedForm):
    # No status here: a plan's state is changed only by the review workflow (submit,
    # return, approve), never picked from a list.
    fields_saved = ["title", "year", "guiding_ideas", "goals"]
    title = forms.CharField(label=_("计划标题"), required=False, widget=_text_input())
    year = forms.IntegerField(label=_("年度"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    guiding_ideas = forms.CharField(
        label=_("指导思想"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    goals = forms.CharField(
        label=_("工作目标"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_title(self) -> str:
        return checked(clean_title, self.cleaned_data["title"], what="计划标题")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        title_free(self, self.plan.organization, data["year"], data["title"], self.plan)
        if data["year"] != self.plan.year:
            outside = self.plan.items.filter(date__isnull=False).exclude(date__year=data["year"])
            if count := outside.count():
                self.add_error(
                    "year",
                    _("有%(n)d项活动的日期不在%(year)d年内，请先修改这些日期。")
                    % {"n": count, "year": data["year"]},
                )
        return data


class PlanCreateForm(forms.Form):
    title = forms.CharField(label=_("计划标题"), required=False, widget=_text_input())
    year = forms.IntegerField(label=_("年度"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    copy_from = forms.ModelChoiceField(
        label=_("复制已有计划"),
        queryset=Plan.objects.none(),
        required=False,
        empty_label=_("（不复制，新建空白计划）"),
        help_text=_(
            "复制章节、目标和活动安排；节日活动按新年度的节日重新定日期，其他活动保持同月的同一星期几；保存前先预览日期的调整。"
        ),
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.fields["copy_from"].queryset = Plan.objects.filter(organization=organization)
        self.fields["copy_from"].label_from_instance = lambda plan: f"{plan.year} {plan.title}"

    def clean_title(self) -> str:
        title = (self.cleaned_data["title"] or "").strip()
        if not title and self.data.get("copy_from"):
            return ""  # taken from the copied plan, with its year replaced
        return checked(clean_title, title, what="计划标题")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and data["title"]:
            title_free(self, self.organization, data["year"], data["title"])
        return data


FORMS: dict[type, type[VersionedForm]] = {
    Section: SectionForm,
    Target: TargetForm,
    ScheduleItem: ItemForm,
    Plan: PlanHeaderForm,
}
