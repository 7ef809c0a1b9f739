"""A user's name as the pages write it: family name first, no space, for Chinese names."""

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template

from unionplan.core.people import person_name


def _user(**names):
    return get_user_model()(username="wangfang", **names)


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        ({"last_name": "王", "first_name": "芳"}, "王芳"),
        ({"last_name": "欧阳", "first_name": "修"}, "欧阳修"),
        ({"first_name": "王老师"}, "王老师"),
        ({"last_name": " 李 ", "first_name": ""}, "李"),
        ({}, "wangfang"),
        ({"last_name": "Smith", "first_name": "John"}, "John Smith"),
    ],
)
def test_a_name_is_written_family_name_first(names, shown):
    assert person_name(_user(**names)) == shown


def test_no_user_has_no_name():
    assert person_name(None) == ""


def test_the_filter_is_the_same_rule():
    rendered = Template("{% load people %}{{ u|person_name }}").render(
        Context({"u": _user(last_name="王", first_name="芳")})
    )
    assert rendered == "王芳"
