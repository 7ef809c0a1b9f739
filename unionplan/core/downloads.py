"""Files handed to the browser, all the same way: a Chinese name, an ASCII fallback, a type.

Every download (a plan in Word, Excel or iCal, the ledger, a roster, a sign-in sheet, the
year-end summary, an attachment, a background job's result) goes through here, so that each
arrives under its Chinese name (``filename*``, RFC 6266) in every browser, with a plain
``download.xlsx`` for the few that cannot read it, its MIME type from the one table
(``unionplan.files.mime``) and ``nosniff``.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from django.http import HttpResponse

from unionplan.files.mime import mime_type


def disposition(filename: str, *, inline: bool = False) -> str:
    """``attachment; filename="download.xlsx"; filename*=UTF-8''…`` for ``filename``."""
    name = PurePath(filename).name
    fallback = f"download{PurePath(name).suffix}"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def download(
    content: bytes, filename: str, *, content_type: str | None = None, inline: bool = False
) -> HttpResponse:
    """``content`` as a file named ``filename``; its type follows the name unless given."""
    response = HttpResponse(content, content_type=content_type or mime_type(filename))
    response["Content-Disposition"] = disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response
