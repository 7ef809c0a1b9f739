"""The site's icon: linked from every page, and at /favicon.ico where browsers look."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_every_page_links_the_favicon_and_favicon_ico_leads_to_it(client):
    page = client.get(reverse("login")).content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"<svg" in b"".join(response.streaming_content)
