"""Form fields more than one app's forms use."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class IdListField(forms.Field):
    """The ids of ticked checkboxes (rendered by the template from the list it shows)."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {"invalid": _("参加人员的选择有误，请重新勾选。")}

    def to_python(self, value) -> list[int]:
        try:
            return sorted({int(v) for v in value or []})
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
