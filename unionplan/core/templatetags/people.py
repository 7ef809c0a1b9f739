"""``{{ user|person_name }}``: a user's name in the order of ``core.people``."""

from django import template

from unionplan.core.people import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user) -> str:
    return _person_name(user)
