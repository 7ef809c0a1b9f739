"""Which uploaded files an activity record accepts — plain Python, no Django.

A file is accepted only when its extension is one we know AND its first bytes say the same
thing: an ``.exe`` renamed ``.jpg`` starts with ``MZ``, not with a JPEG marker, and is
refused. Only photos and office documents are wanted here, so everything else is refused
too, whatever it claims to be. Size is checked before anything is read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from unionplan.errors import UserInputError

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a phone photo or a scanned receipt fits easily
MAX_FILES = 10
SNIFF_BYTES = 8192

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office / WPS compound file
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileKind:
    extension: str
    kind: str  # "image" or "document"
    content_type: str


KINDS = {
    kind.extension: kind
    for kind in [
        FileKind(".jpg", "image", "image/jpeg"),
        FileKind(".jpeg", "image", "image/jpeg"),
        FileKind(".png", "image", "image/png"),
        FileKind(".gif", "image", "image/gif"),
        FileKind(".webp", "image", "image/webp"),
        FileKind(".pdf", "document", "application/pdf"),
        FileKind(
            ".docx",
            "document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        FileKind(
            ".xlsx", "document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        FileKind(
            ".pptx",
            "document",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        FileKind(".doc", "document", "application/msword"),
        FileKind(".xls", "document", "application/vnd.ms-excel"),
        FileKind(".ppt", "document", "application/vnd.ms-powerpoint"),
        FileKind(".wps", "document", "application/vnd.ms-works"),
        FileKind(".et", "document", "application/vnd.ms-excel"),
        FileKind(".txt", "document", "text/plain; charset=utf-8"),
    ]
}
ACCEPT = ",".join(sorted(KINDS))


def _looks_like(extension: str, head: bytes, whole: bytes | None) -> bool:
    """Whether the first bytes (``head``) fit ``extension``; ``whole`` is the file if small."""
    if extension in {".jpg", ".jpeg"}:
        return head.startswith(b"\xff\xd8\xff")
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension == ".gif":
        return head[:6] in {b"GIF87a", b"GIF89a"}
    if extension == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension in {".doc", ".xls", ".ppt", ".wps", ".et"}:
        return head.startswith(_OLE)
    if extension in {".docx", ".xlsx", ".pptx"}:
        return head.startswith(_ZIP) and _is_ooxml(whole)
    if extension == ".txt":
        return _is_text(head)
    return False


def _is_ooxml(whole: bytes | None) -> bool:
    """A zip holding [Content_Types].xml — an Office file, not any archive renamed .docx."""
    if whole is None:
        return True  # too big to open here; the zip signature has been checked
    try:
        with zipfile.ZipFile(io.BytesIO(whole)) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_text(head: bytes) -> bool:
    if b"\x00" in head or head.startswith((b"MZ", b"\x7fELF", b"#!")):
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            # The sniffed slice may cut a multi-byte character at its end.
            try:
                head[:-4].decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
    return False


def check_upload(name: str, size: int, head: bytes, whole: bytes | None = None) -> FileKind:
    """The kind of an uploaded file, or UserInputError saying in Chinese why it is refused.

    ``head`` is the first ``SNIFF_BYTES`` bytes; ``whole`` the full content when the caller
    has it in memory cheaply (it lets an Office file be checked as a real Office file).
    """
    extension = PurePath(name or "").suffix.lower()
    if size > MAX_BYTES:
        raise UserInputError(
            f"附件“{name}”过大（{size / 1024 / 1024:.1f} MB），单个附件不能超过"
            f"{MAX_BYTES // 1024 // 1024} MB。"
        )
    if size == 0:
        raise UserInputError(f"附件“{name}”是空文件。")
    kind = KINDS.get(extension)
    if kind is None:
        raise UserInputError(
            f"不接受“{name}”这类文件：只能上传图片（jpg、png、gif、webp）和文档"
            "（pdf、Word、Excel、PowerPoint、WPS、txt）。"
        )
    if not _looks_like(extension, head, whole):
        raise UserInputError(f"附件“{name}”的内容与扩展名{extension}不符，已拒收。")
    return kind
