"""Kept uploads: random names, and the one guarded way they reach the browser."""

import re

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory

from unionplan.core.stored_files import random_name, serve
from unionplan.records.models import Attachment


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _kept(name: str, kind: str, content_type: str) -> Attachment:
    stored = Attachment(original_name=name, kind=kind, content_type=content_type, size=3)
    stored.file.save(name, ContentFile(b"abc"), save=False)
    return stored


def test_a_random_name_keeps_only_the_lowercased_extension():
    name = random_name("records", "活动照片.JPG")
    assert re.fullmatch(r"records/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", name)
    assert random_name("records", "a.jpg") != random_name("records", "a.jpg")


@pytest.mark.parametrize(
    ("kind", "query", "inline"),
    [("image", "?inline=1", True), ("image", "", False), ("document", "?inline=1", False)],
)
def test_only_an_image_asked_for_inline_is_shown_inline(kind, query, inline):
    stored = _kept("签到表.pdf" if kind == "document" else "照片.jpg", kind, "image/jpeg")
    response = serve(RequestFactory().get("/" + query), stored)
    assert response["Content-Disposition"].startswith("inline;" if inline else "attachment;")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == b"abc"


def test_a_file_gone_from_disk_is_a_404():
    stored = _kept("照片.jpg", "image", "image/jpeg")
    stored.file.storage.delete(stored.file.name)
    with pytest.raises(Http404):
        serve(RequestFactory().get("/"), stored)
