"""Uploaded files kept by the apps (an activity record's photos, a reimbursement's receipts).

Every such file is checked when uploaded (``unionplan.files.uploads``), stored under
MEDIA_ROOT with a random name that keeps only its extension, and never served from a
public URL: the owning app's view checks the viewer's role, then hands the file over with
``serve`` here, so all of them reach the browser the same guarded way.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath
from typing import Self

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from unionplan.core.downloads import disposition
from unionplan.files.uploads import FileKind


def random_name(folder: str, filename: str) -> str:
    """``folder/2026/03/<32 hex>.jpg``: nothing to guess, only the checked extension kept."""
    extension = PurePath(filename).suffix.lower()
    return f"{folder}/{timezone.now():%Y/%m}/{secrets.token_hex(16)}{extension}"


class StoredFile(models.Model):
    """What every kept upload records besides its owner; subclasses give ``file`` its folder."""

    file = models.FileField(max_length=200)
    original_name = models.CharField(_("文件名"), max_length=255)
    kind = models.CharField(max_length=10)  # image | document
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @classmethod
    def store(cls, upload: UploadedFile, kind: FileKind, user, **owner) -> Self:
        """Save ``upload`` (already checked to be ``kind``) for ``owner`` under a random name."""
        stored = cls(
            original_name=upload.name[:255],
            kind=kind.kind,
            content_type=kind.content_type,
            size=upload.size,
            uploaded_by=user,
            **owner,
        )
        stored.file.save(upload.name, upload, save=False)
        stored.save()
        return stored


def serve(request: HttpRequest, stored: StoredFile) -> FileResponse:
    """The file as a download, or inline (``?inline=1``) only when it was checked to be an
    image; sandboxed and never sniffed into something else. 404 when the file is gone."""
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    inline = stored.kind == "image" and request.GET.get("inline") == "1"
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=PurePath(stored.original_name).name,
        content_type=stored.content_type,
    )
    response["Content-Disposition"] = disposition(stored.original_name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
