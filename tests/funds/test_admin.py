"""The 决算 reviews in the admin: listed for the operator, never added, changed or deleted."""

import datetime as dt

import pytest
from django.urls import reverse

from unionplan.funds.models import FinalReview

pytestmark = pytest.mark.django_db


def test_reviews_are_listed_read_only(admin_client, org):
    review = FinalReview.objects.create(
        organization=org, year=2025, state="signed", reviewer_name="李审计",
        reviewed_on=dt.date(2026, 1, 5), opinion="同意",
    )  # fmt: skip
    listing = admin_client.get(reverse("admin:funds_finalreview_changelist"))
    assert listing.status_code == 200 and "李审计" in listing.content.decode()
    assert admin_client.get(reverse("admin:funds_finalreview_add")).status_code == 403
    change = reverse("admin:funds_finalreview_change", args=[review.pk])
    admin_client.post(change, {"opinion": "改了"})
    delete = reverse("admin:funds_finalreview_delete", args=[review.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    review.refresh_from_db()
    assert review.opinion == "同意"
