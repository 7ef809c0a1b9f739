"""Opening what the user uploaded: a spreadsheet (calamine) or a CSV in whatever encoding.

The kind of file is told from its first bytes, not trusted from its name: a .xlsx renamed
from .docx, a PDF called roster.csv, or a GBK CSV saved by an old system must each get a clear
message instead of a traceback or mojibake.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
from python_calamine import CalamineWorkbook

from unionplan.errors import UserInputError

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")
_SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_CHINESE_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "gb18030": "gb18030"}
_NOT_A_SPREADSHEET = "不是电子表格文件：请上传 .xlsx、.xls、.ods 或 .csv 格式的花名册"


@dataclass(slots=True)
class Sheet:
    """Rows of one sheet as cell values; ``first_row`` is the Excel row number of rows[0]."""

    name: str
    rows: list[list[object]]
    first_row: int = 1


def load_bytes(source: str | Path | bytes) -> bytes:
    """The file's bytes; a missing file is the user's mistake, not a crash."""
    if isinstance(source, bytes):
        return source
    try:
        return Path(source).read_bytes()
    except OSError as error:
        raise UserInputError(f"无法读取文件：{error.strerror or error}") from None


def open_sheets(data: bytes, filename: str) -> Iterator[Sheet]:
    """The sheets of a spreadsheet, or the single sheet of a CSV file, in order."""
    if not data.strip():
        raise UserInputError("文件是空的")
    if data.startswith((_ZIP, _OLE)):
        yield from _calamine_sheets(data)
        return
    if filename.lower().endswith(_SPREADSHEET_SUFFIXES):
        raise UserInputError(f"文件“{filename}”的内容不是电子表格（文件可能已损坏或改过扩展名）")
    yield Sheet(name=Path(filename).stem or "CSV", rows=_csv_rows(decode_text(data)))


def _calamine_sheets(data: bytes) -> Iterator[Sheet]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises several types (ZipError, XmlError, CalamineError …)
        raise UserInputError(
            _NOT_A_SPREADSHEET + "（文件无法打开，可能已损坏或不是表格）"
        ) from None
    for index, name in enumerate(workbook.sheet_names):
        try:
            sheet = workbook.get_sheet_by_index(index)
            rows = sheet.to_python(skip_empty_area=True)
        except Exception:
            raise UserInputError(f"工作表“{name}”无法读取，文件可能已损坏") from None
        start = sheet.start[0] + 1 if rows and sheet.start else 1
        yield Sheet(name=name, rows=rows, first_row=start)


def decode_text(data: bytes) -> str:
    """Text of a CSV in UTF-8 (with or without BOM), GB18030/GBK, Big5 or UTF-16, detected."""
    text = _decode_any(data)
    controls = sum(1 for ch in text[:4096] if ch < " " and ch not in "\t\r\n")
    if controls > 8:
        raise UserInputError(_NOT_A_SPREADSHEET)
    return text


def _decode_any(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16")
    if b"\x00" in data[:4096] or data.startswith(_BINARY_MAGIC):
        raise UserInputError(_NOT_A_SPREADSHEET)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(data, _guess_encoding(data))


def _guess_encoding(data: bytes) -> str:
    sample = data[:65536]
    cut = sample.rfind(b"\n")
    if 0 < cut < len(sample) - 1:
        sample = sample[: cut + 1]
    match = charset_normalizer.from_bytes(
        sample, cp_isolation=["gb18030", "big5", "utf_8", "cp1252"]
    ).best()
    if match is None:
        return "gb18030"  # the most likely non-UTF-8 encoding of a Chinese office file
    return _CHINESE_CODECS.get(match.encoding, match.encoding)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise UserInputError(
            "无法识别文件的文字编码：请在Excel或WPS中另存为“.xlsx”或“CSV UTF-8”后再上传"
        ) from None


def _csv_rows(text: str) -> list[list[object]]:
    sample = text[:8192]
    delimiter = max(",\t;，", key=sample.count)
    if not sample.count(delimiter):
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error:  # a cell over csv's 128 KiB limit, or a quote never closed
        raise UserInputError(
            f"第{reader.line_num}行附近有一格内容过长（超过128 KB）或引号不配对，"
            "不像花名册：请检查该行后再上传"
        ) from None
