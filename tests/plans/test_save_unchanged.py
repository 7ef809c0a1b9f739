"""Every editing form of a plan, drawn in Chinese and posted back untouched, changes nothing.

The values posted are those a browser would send for the drawn form (tests/formhtml.py);
a date drawn in a format <input type=date> cannot show is posted empty, as chromium does.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from tests.factories import ScheduleItemFactory, SectionFactory, TargetFactory
from tests.formhtml import as_post, posted_values
from tests.plans.conftest import HTMX

pytestmark = pytest.mark.django_db

BOOKKEEPING = {"version", "updated_at"}


def stored(row) -> dict:
    row.refresh_from_db()
    return {k: v for k, v in model_to_dict(row).items() if k not in BOOKKEEPING}


def save_unchanged(client, url: str, htmx: bool) -> None:
    extra = HTMX if htmx else {}
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans", **extra)
    assert form.status_code == 200
    values = posted_values(form.text, "form.edit-form")
    response = client.post(url, as_post(values), HTTP_ACCEPT_LANGUAGE="zh-hans", **extra)
    assert response.status_code in {200, 302}
    assert "has-error" not in response.text and "alert error" not in response.text


@pytest.fixture
def rows(plan):
    plan.guiding_ideas = "以习近平新时代中国特色社会主义思想为指导。\n第二段"
    plan.goals = "争创模范教工之家"
    plan.save()
    top = SectionFactory(plan=plan, title="组织建设", body="夯实基础\n\n健全组织", order=0)
    child = SectionFactory(plan=plan, parent=top, title="加强培训", order=0)
    target = TargetFactory(
        plan=plan, section=child, text="组织1—2期业务培训", comparator="range",
        value=Decimal(1), value_high=Decimal(2), unit="期",
    )  # fmt: skip
    dated = ScheduleItemFactory(
        plan=plan, month=6, date=dt.date(2027, 6, 4), end_date=dt.date(2027, 6, 6),
        text="端午节慰问", scope="全体教职工", owner="工会主席", budget=Decimal("12000.50"),
        category="welfare", status="done",
    )  # fmt: skip
    span = ScheduleItemFactory(plan=plan, month=7, end_month=8, text="暑期疗休养", budget=None)
    return {"header": plan, "section": child, "target": target, "dated": dated, "span": span}


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize("which", ["header", "section", "target", "dated", "span"])
def test_saving_an_edit_form_unchanged_changes_nothing(chair_client, plan, rows, which, htmx):
    row = rows[which]
    if which == "header":
        url = reverse("plans:header_edit", args=[plan.pk])
    else:
        kind = {"section": "sections", "target": "targets"}.get(which, "items")
        url = reverse(f"plans:{kind}_edit", args=[plan.pk, row.pk])
    before = stored(row)
    save_unchanged(chair_client, url, htmx)
    assert stored(row) == before


def test_editing_only_the_text_keeps_the_dates(chair_client, plan, rows):
    item = rows["dated"]
    url = reverse("plans:items_edit", args=[plan.pk, item.pk])
    values = posted_values(chair_client.get(url, **HTMX).text, "form.edit-form")
    values["text"] = ["端午节慰问全体教职工"]
    assert chair_client.post(url, as_post(values), **HTMX).status_code == 200
    item.refresh_from_db()
    assert item.text == "端午节慰问全体教职工"
    assert (item.date, item.end_date) == (dt.date(2027, 6, 4), dt.date(2027, 6, 6))
