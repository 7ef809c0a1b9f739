"""The one date field of every form: a browser date picker that always speaks ISO.

``<input type="date">`` accepts only ``YYYY-MM-DD``. Django's own ``DateInput`` renders the
active language's first input format instead (``2027/06/04`` in Chinese), which the browser
shows as empty and posts back empty: editing anything else on the form silently deleted the
date. This widget renders ISO in every language, and the field reads ISO first (what the
picker posts) and then the language's own formats (what a person may type without it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"


class DatePicker(forms.DateInput):
    """The browser's date picker, its value always ``YYYY-MM-DD``."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None):
        super().__init__(attrs=attrs, format=ISO_DATE)

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            return value.strftime(ISO_DATE)
        return super().format_value(value)


class DateField(forms.DateField):
    """A date typed or picked: ISO first, then the formats of the active language."""

    widget = DatePicker

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("widget", DatePicker)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str):
            try:
                return dt.datetime.strptime(value.strip(), ISO_DATE).date()
            except ValueError:
                pass  # not ISO: perhaps typed in the language's own way (2027/06/04)
        return super().to_python(value)
