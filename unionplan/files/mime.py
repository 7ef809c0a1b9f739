"""What a file is by its extension: the one table of MIME types, for files the app hands out
(plans, ledgers, rosters, sign-in sheets, summaries, calendars) and files it accepts."""

from __future__ import annotations

from pathlib import PurePath

OFFICE = "application/vnd.openxmlformats-officedocument"

MIME_TYPES = {
    ".docx": f"{OFFICE}.wordprocessingml.document",
    ".xlsx": f"{OFFICE}.spreadsheetml.sheet",
    ".pptx": f"{OFFICE}.presentationml.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".wps": "application/vnd.ms-works",
    ".et": "application/vnd.ms-excel",  # WPS 表格
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".txt": "text/plain; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/json",
}
DOCX, XLSX, ICS = MIME_TYPES[".docx"], MIME_TYPES[".xlsx"], MIME_TYPES[".ics"]


def mime_type(filename: str) -> str:
    """The MIME type of ``filename`` by its extension; unknown ones are plain bytes."""
    return MIME_TYPES.get(PurePath(filename).suffix.lower(), "application/octet-stream")
