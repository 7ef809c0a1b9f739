"""What a browser would post for a form drawn by a page: for "save unchanged" tests.

A date the browser cannot show (``2027/06/04`` in an ``<input type=date>``) is posted empty,
exactly as chromium does, so a test built on this sees the data loss a user would.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def posted_values(html: str, selector: str = "form") -> dict[str, list[str]]:
    """The fields the first form matching ``selector`` would submit, unchanged."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, f"no {selector} in the page"
    values: dict[str, list[str]] = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            values.setdefault(name, []).append(field.text.removeprefix("\n"))
        elif field.name == "select":
            chosen = field.select("option[selected]") or field.select("option")[:1]
            values.setdefault(name, []).extend(o.get("value", o.text) for o in chosen)
        else:
            kind = field.get("type", "text")
            if kind in {"checkbox", "radio"} and not field.has_attr("checked"):
                continue
            if kind in {"submit", "button", "file", "image", "reset"}:
                continue
            value = field.get("value", "on" if kind in {"checkbox", "radio"} else "")
            if kind == "date" and value and not _ISO_DATE.fullmatch(value):
                value = ""  # the browser shows such a value as empty and posts nothing
            values.setdefault(name, []).append(value)
    return values


def as_post(values: dict[str, list[str]]) -> dict[str, str | list[str]]:
    """``values`` in the shape Django's test client posts."""
    return {name: found[0] if len(found) == 1 else found for name, found in values.items()}
