"""Every date input of the project speaks ISO in every language (issue 9, item 1).

In Chinese Django's DateInput rendered 2027/06/04, which an <input type=date> shows as empty
and posts back empty: editing only an activity's text deleted its date.
"""

import datetime as dt
import importlib
import pkgutil

import pytest
from django import forms
from django.utils import translation

import unionplan
from unionplan.core.dates import DateField, DatePicker
from unionplan.plans.forms import ItemForm
from unionplan.records.forms import ManualValueForm, RecordForm

DAY = dt.date(2027, 6, 4)


def all_forms() -> list[type[forms.BaseForm]]:
    """Every form class of the project (each app's modules imported first)."""
    for module in pkgutil.walk_packages(unionplan.__path__, "unionplan."):
        if module.name.rsplit(".", 1)[-1] in {"forms", "views", "editor"}:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("unionplan."):
            found.append(cls)
    return found


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize(
    "form", [ItemForm(initial={"date": DAY, "end_date": DAY}), RecordForm(initial={"date": DAY})]
)
def test_date_inputs_render_iso_in_every_language(form, language):
    with translation.override(language):
        html = str(form["date"])
    assert 'type="date"' in html
    assert 'value="2027-06-04"' in html


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_posted_date_reads_back_in_every_language(language):
    with translation.override(language):
        field = DateField()
        assert field.clean("2027-06-04") == DAY
        assert field.clean(" 2027-06-04 ") == DAY
    with translation.override("zh-hans"):
        assert DateField().clean("2027/06/04") == DAY  # typed by hand, the Chinese way
        with pytest.raises(forms.ValidationError):
            DateField().clean("2027-02-30")


def test_a_bound_form_redraws_what_was_posted():
    form = ManualValueForm(data={"value": "3", "date": "2027-06-04"})
    with translation.override("zh-hans"):
        assert 'value="2027-06-04"' in str(form["date"])


def test_every_date_field_of_the_project_uses_the_iso_picker():
    checked = []
    for cls in all_forms():
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.DateField):
                checked.append(f"{cls.__name__}.{name}")
                assert isinstance(field.widget, DatePicker), f"{cls.__name__}.{name}"
    assert {"ItemForm.date", "ItemForm.end_date", "RecordForm.date"} <= set(checked)
