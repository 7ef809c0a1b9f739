"""Numbers on the plan page as a union office writes them: 4 次, 1,200.00 元, 1—2 期."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext

from unionplan import vocab
from unionplan.plan.money import money
from unionplan.plan.wording import DASH, number

register = template.Library()


@register.filter
def plain_number(value: Decimal | None) -> str:
    """4.00 -> "4", 90.50 -> "90.5"; blank for none."""
    return number(value)


@register.filter
def yuan(value: Decimal | None) -> str:
    """An amount in yuan with thousands separators: 1200 -> "1,200.00"; blank for none."""
    return money(value)


@register.filter
def comparator_label(code: str) -> str:
    """不少于 for ">=", translated: a preview shows the words, never the raw code."""
    return gettext(vocab.label(vocab.COMPARATORS, code))


@register.filter
def target_value(target) -> str:
    """The value of a target: "4", or a range "1—2"."""
    if target.comparator == "range":
        return f"{number(target.value)}{DASH}{number(target.value_high)}"
    return number(target.value)


@register.filter
def paragraphs(text: str | None):
    """Each line of ``text`` its own paragraph, so every one gets the 2-character indent.

    Django's ``linebreaks`` keeps single-newline lines in one <p> joined by <br>, which
    indents only the first line of a section written as 1、… 2、… lines.
    """
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return format_html_join("", "<p>{}</p>", ((line,) for line in lines))
