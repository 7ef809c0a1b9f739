"""Which uploaded files an activity record accepts — plain Python, no Django.

A file is accepted only when its extension is one we know AND its first bytes say the same
thing: an ``.exe`` renamed ``.jpg`` starts with ``MZ``, not with a JPEG marker, and is
refused. Only photos and office documents are wanted here, so everything else is refused
too, whatever it claims to be. Size is checked before anything is read. An Office file
(.docx/.xlsx/.pptx) is also opened as the zip it is: refused when it unpacks to far more
than a real one (a zip bomb), is damaged, or its main part is of another kind (an .xlsx
renamed .docx), as [Content_Types].xml tells.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from unionplan.errors import UserInputError
from unionplan.files.mime import MIME_TYPES, OFFICE

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a phone photo or a scanned receipt fits easily
MAX_FILES = 10
SNIFF_BYTES = 8192
# An Office file's parts are mostly XML and already-compressed photos: unpacked it is a few
# times its size. A zip bomb (1 MB unpacking to 1 GiB) is far beyond both limits.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 5000

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office / WPS compound file
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileKind:
    extension: str
    kind: str  # "image" or "document"
    content_type: str


_IMAGES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_DOCUMENTS = (".pdf", ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt", ".wps", ".et", ".txt")
KINDS = {
    extension: FileKind(extension, kind, MIME_TYPES[extension])
    for kind, extensions in (("image", _IMAGES), ("document", _DOCUMENTS))
    for extension in extensions
}
ACCEPT = ",".join(sorted(KINDS))

_WORD, _EXCEL, _SLIDES = (
    f"{OFFICE}.{part}" for part in ("wordprocessingml", "spreadsheetml", "presentationml")
)
# What the main part of each accepted Office file may be (documents and their templates;
# macro-enabled files, whose main part is application/vnd.ms-*.macroEnabled…, are not).
MAIN_PART_TYPES = {
    ".docx": {f"{_WORD}.document.main+xml", f"{_WORD}.template.main+xml"},
    ".xlsx": {f"{_EXCEL}.sheet.main+xml", f"{_EXCEL}.template.main+xml"},
    ".pptx": {
        f"{_SLIDES}.presentation.main+xml",
        f"{_SLIDES}.slideshow.main+xml",
        f"{_SLIDES}.template.main+xml",
    },
}
_OFFICE_KIND_NAMES = {
    **dict.fromkeys(MAIN_PART_TYPES[".docx"], "Word 文档（.docx）"),
    **dict.fromkeys(MAIN_PART_TYPES[".xlsx"], "Excel 表格（.xlsx）"),
    **dict.fromkeys(MAIN_PART_TYPES[".pptx"], "PowerPoint 演示文稿（.pptx）"),
    "application/vnd.ms-word.document.macroEnabled.main+xml": "带宏的 Word 文档（.docm）",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "带宏的 Excel 表格（.xlsm）",
}
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT = "/officeDocument"  # transitional …/2006/relationships/ and strict OOXML


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
    if extension in MAIN_PART_TYPES:
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


def _check_office_package(name: str, extension: str, whole: bytes) -> None:
    """Refuse an Office file that unpacks to far more than it weighs (a zip bomb), that is
    damaged, or whose main part is of another kind (an .xlsx renamed .docx): the main part's
    content type in [Content_Types].xml says what the file really is."""
    with zipfile.ZipFile(io.BytesIO(whole)) as archive:
        members = archive.infolist()
        unpacked = sum(member.file_size for member in members)
        if len(members) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
            raise UserInputError(
                f"附件“{name}”解压后过大（超过{MAX_UNPACKED_BYTES // 1024 // 1024} MB），"
                "不像正常的Office文件，已拒收。"
            )
        try:
            damaged = archive.testzip()  # bounded: zipfile never unpacks past the sizes above
            found = _main_part_type(archive)
        except (zipfile.BadZipFile, ET.ParseError, KeyError, EOFError, zlib.error):
            damaged, found = name, None
    if damaged is not None:
        raise UserInputError(f"附件“{name}”已损坏，无法打开，请重新保存后再上传。")
    if found not in MAIN_PART_TYPES[extension]:
        really = _OFFICE_KIND_NAMES.get(found or "", "")
        said = f"实际是{really}，" if really else ""
        raise UserInputError(f"附件“{name}”{said}内容与扩展名{extension}不符，已拒收。")


def _main_part_type(archive: zipfile.ZipFile) -> str | None:
    """The content type of the package's main part (word/document.xml in a .docx)."""
    relations = ET.fromstring(archive.read("_rels/.rels"))
    target = next(
        (
            relation.get("Target", "")
            for relation in relations.iter(f"{{{_RELS_NS}}}Relationship")
            if relation.get("Type", "").endswith(_OFFICE_DOCUMENT)
        ),
        None,
    )
    if target is None:
        return None
    part = "/" + target.lstrip("/")
    types = ET.fromstring(archive.read("[Content_Types].xml"))
    for override in types.iter(f"{{{_TYPES_NS}}}Override"):
        if override.get("PartName", "").lower() == part.lower():
            return override.get("ContentType")
    return None


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
    if extension in MAIN_PART_TYPES and whole is not None:
        _check_office_package(name, extension, whole)
    return kind
