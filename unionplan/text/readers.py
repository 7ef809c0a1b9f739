"""Bytes of an uploaded file -> lines and tables, whatever the file type.

The type comes from the file name, and from the content when the name says nothing useful
(an upload called "计划" or "plan.dat"). Every refusal — empty, too large, binary, damaged,
of a type we do not read — is a UserInputError with a message in Chinese.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from unionplan.errors import UserInputError
from unionplan.text.blocks import Block, Table, text_blocks
from unionplan.text.charset import decode_text
from unionplan.text.clean import clean_many, clean_text
from unionplan.text.docx_reader import docx_blocks
from unionplan.text.html_reader import html_blocks

# A plan is a few pages: a few hundred KB of text. A Word file may be much larger because
# of its images, so it may have 20 MB (what its text costs is bounded by docx_reader); text,
# Markdown and web pages are all text and markup, and 5 MB of them already parse for seconds.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_BYTES = 5 * 1024 * 1024
TEXT_TYPES = (".txt", ".text", ".md", ".markdown")
HTML_TYPES = (".html", ".htm", ".xhtml", ".mht")
_UNSUPPORTED = {
    ".doc": "暂不支持旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再上传。",
    ".wps": "暂不支持 WPS（.wps）文件，请另存为 .docx 后再上传。",
    ".pdf": "暂不支持 PDF 文件，请上传 Word（.docx）、网页（.html）或文本（.txt）文件。",
    ".xls": "暂不支持表格文件，请将计划表复制到 Word 或文本文件中再上传。",
    ".xlsx": "暂不支持表格文件，请将计划表复制到 Word 或文本文件中再上传。",
    ".rtf": "暂不支持 RTF 文件，请另存为 .docx 后再上传。",
    ".odt": ".odt 暂不支持，请另存为 .docx 后再上传（WPS 或 LibreOffice 中“另存为”Word 文档）。",
    ".ppt": "演示文稿不是计划文档，请上传 Word（.docx）、网页（.html）或文本（.txt）文件。",
    ".pptx": "演示文稿不是计划文档，请上传 Word（.docx）、网页（.html）或文本（.txt）文件。",
}
_NOT_A_PLAN = "不是计划文档，请上传 Word（.docx）、网页（.html）或文本（.txt）文件。"
_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg", ".tif", ".tiff", ".heic")
_OTHER_TYPES = (".zip", ".rar", ".7z", ".exe", ".ods", ".mp3", ".mp4", ".json", ".xml")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_HTML_SNIFF_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|body|p|div|table|br)\b", re.IGNORECASE)
_MARKDOWN_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_EMPHASIS_RE = re.compile(r"\*\*|__|`")


def read_blocks(data: bytes, filename: str) -> tuple[list[Block], str]:
    """Cleaned lines and tables of a file, and the kind of file it was read as."""
    if len(data) > MAX_FILE_BYTES:
        raise UserInputError(too_large_message(len(data)))
    if not data.strip():
        raise UserInputError("文件为空，没有可以识别的内容。")
    kind = file_kind(data, filename)
    if kind != "docx" and len(data) > MAX_TEXT_BYTES:
        raise UserInputError(too_large_message(len(data)))
    if kind == "docx":
        blocks = docx_blocks(data)
    elif kind == "html":
        text, _ = decode_text(data)
        blocks = html_blocks(text)
    else:
        text, _ = decode_text(data)
        lines = clean_text(text).split("\n")
        if kind == "md":
            lines = [_EMPHASIS_RE.sub("", _MARKDOWN_RE.sub("", line)) for line in lines]
        blocks = text_blocks(lines)
    blocks = _clean_blocks(blocks, already_clean=kind in ("txt", "md"))
    if not any(isinstance(b, Table) or b.strip() for b in blocks):
        raise UserInputError("文件中没有文字内容。")
    return blocks, kind


def too_large_message(size: int) -> str:
    """The one-line refusal of a file over its limit; it names both limits."""
    return (
        f"文件过大（{size / 2**20:.1f} MB）：Word 文件最大支持 {MAX_FILE_BYTES // 2**20} MB，"
        f"文本（.txt、.md）和网页（.html）文件最大支持 {MAX_TEXT_BYTES // 2**20} MB。"
    )


def file_kind(data: bytes, filename: str) -> str:
    """ "docx", "html", "md" or "txt"; UserInputError for a type that is not read."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in _UNSUPPORTED:
        raise UserInputError(_UNSUPPORTED[suffix])
    if suffix in _IMAGE_TYPES:
        raise UserInputError(f"这是图片文件（{suffix}），" + _NOT_A_PLAN)
    if suffix in _OTHER_TYPES:
        raise UserInputError(f"{suffix} 文件" + _NOT_A_PLAN)
    if suffix == ".docx":
        return _docx_or_advice(data)
    if suffix in HTML_TYPES:
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in TEXT_TYPES:
        return "txt"
    return _sniff(data)


def _docx_or_advice(data: bytes) -> str:
    """A file named .docx that is really an old .doc or an .odt gets that file's advice."""
    if data.startswith(_OLE_MAGIC):
        raise UserInputError(_UNSUPPORTED[".doc"])
    if not data.startswith(b"PK"):
        raise UserInputError("文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏）。")
    if _is_opendocument(data):
        raise UserInputError(_UNSUPPORTED[".odt"])
    return "docx"


def _is_opendocument(data: bytes) -> bool:
    """OpenDocument zips start with an uncompressed ``mimetype`` member naming their type."""
    return data[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument" in data[:200]


def _sniff(data: bytes) -> str:
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return _docx_or_advice(data)
    if head.startswith(b"%PDF"):
        raise UserInputError(_UNSUPPORTED[".pdf"])
    if head.startswith(_OLE_MAGIC):
        raise UserInputError(_UNSUPPORTED[".doc"])
    if head.startswith(_IMAGE_MAGIC) or b"<svg" in head[:1024]:
        raise UserInputError("这是图片文件，" + _NOT_A_PLAN)
    if _HTML_SNIFF_RE.search(head):
        return "html"
    return "txt"


def _clean_blocks(blocks: list[Block], *, already_clean: bool) -> list[Block]:
    cleaned: list[Block] = []
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            cleaned.extend(_clean_lines(lines, already_clean=already_clean))
            lines = []
            cleaned.append(block if already_clean else _clean_table(block))
        else:
            lines.append(block)
    cleaned.extend(_clean_lines(lines, already_clean=already_clean))
    return cleaned


def _clean_lines(lines: list[str], *, already_clean: bool) -> list[str]:
    """The non-blank lines, cleaned in one call: clean_text costs a dozen regex passes per
    call, which for 50,000 short Word paragraphs took longer than reading the file."""
    if not already_clean:
        lines = clean_text("\n".join(lines)).split("\n")
    return [line.strip() if not already_clean else line for line in lines if line.strip()]


def _clean_table(table: Table) -> Table:
    cells = iter(clean_many([cell for row in table.rows for cell in row]))
    rows = [[next(cells) for _ in row] for row in table.rows]
    return Table([row for row in rows if any(row)])
