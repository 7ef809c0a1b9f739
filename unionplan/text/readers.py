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
from unionplan.text.clean import clean_text
from unionplan.text.docx_reader import docx_blocks
from unionplan.text.html_reader import html_blocks

# Plans are a few pages; 20 MB is far beyond any real one and keeps a parse under seconds.
MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_TYPES = (".txt", ".text", ".md", ".markdown")
HTML_TYPES = (".html", ".htm", ".xhtml", ".mht")
_UNSUPPORTED = {
    ".doc": "暂不支持旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再上传。",
    ".wps": "暂不支持 WPS（.wps）文件，请另存为 .docx 后再上传。",
    ".pdf": "暂不支持 PDF 文件，请上传 Word（.docx）、网页（.html）或文本（.txt）文件。",
    ".xls": "暂不支持表格文件，请将计划表复制到 Word 或文本文件中再上传。",
    ".xlsx": "暂不支持表格文件，请将计划表复制到 Word 或文本文件中再上传。",
    ".rtf": "暂不支持 RTF 文件，请另存为 .docx 后再上传。",
}
_HTML_SNIFF_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|body|p|div|table|br)\b", re.IGNORECASE)
_MARKDOWN_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")
_EMPHASIS_RE = re.compile(r"\*\*|__|`")


def read_blocks(data: bytes, filename: str) -> tuple[list[Block], str]:
    """Cleaned lines and tables of a file, and the kind of file it was read as."""
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / 1024 / 1024
        raise UserInputError(
            f"文件过大（{size:.1f} MB），最大支持 {MAX_FILE_BYTES // 1024 // 1024} MB。"
        )
    if not data.strip():
        raise UserInputError("文件为空，没有可以识别的内容。")
    kind = file_kind(data, filename)
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


def file_kind(data: bytes, filename: str) -> str:
    """ "docx", "html", "md" or "txt"; UserInputError for a type that is not read."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix in _UNSUPPORTED:
        raise UserInputError(_UNSUPPORTED[suffix])
    if suffix == ".docx":
        if not data.startswith(b"PK"):
            raise UserInputError("文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏）。")
        return "docx"
    if suffix in HTML_TYPES:
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in TEXT_TYPES:
        return "txt"
    return _sniff(data)


def _sniff(data: bytes) -> str:
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"%PDF"):
        raise UserInputError(_UNSUPPORTED[".pdf"])
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserInputError(_UNSUPPORTED[".doc"])
    if _HTML_SNIFF_RE.search(head):
        return "html"
    return "txt"


def _clean_blocks(blocks: list[Block], *, already_clean: bool) -> list[Block]:
    cleaned: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and already_clean:
            cleaned.append(block)
        elif isinstance(block, Table):
            rows = [[clean_text(cell) for cell in row] for row in block.rows]
            cleaned.append(Table([row for row in rows if any(row)]))
        elif already_clean:
            cleaned.append(block)
        else:
            cleaned.extend(clean_text(block).split("\n"))
    return [b for b in cleaned if isinstance(b, Table) or b.strip()]
