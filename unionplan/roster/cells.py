"""One cell of a roster into one value, or a ``CellError`` with a message in Chinese.

Cells arrive as calamine gives them (str, float, int, bool, date, datetime) or as CSV text.
Every pattern is compiled once at import: this code runs for each of 100,000 rows.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from unionplan.scope.vocabulary import canonical_tag, status_code
from unionplan.vocab import MEMBERSHIP_STANDINGS, SECONDMENTS

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (after Excel's 1900 leap-year bug)
_SERIAL_MIN, _SERIAL_MAX = 1, 73_050  # 1900-01-01 .. 2099-12-31; larger numbers are 19750308
_YMD_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?")
_COMPACT_RE = re.compile(r"\d{6}|\d{8}")
_MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_LANDLINE_RE = re.compile(r"0\d{9,11}|[2-9]\d{6,7}")
_PHONE_JUNK = str.maketrans("", "", " -()（）—+")
_SPLIT_RE = re.compile(r"[,，、;；/\s]+")
_CHILD_SPLIT_RE = re.compile(r"[;；,，、\n]+")
_CHILD_RE = re.compile(
    r"(.*?)[\s(（:：]*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{8})\s*[)）]?"
)
_GENDERS = {
    "男": "male", "女": "female", "男性": "male", "女性": "female", "m": "male", "f": "female",
    "male": "male", "female": "female", "男士": "male", "女士": "female",
}  # fmt: skip


_STANDINGS = {name: code for code, name in MEMBERSHIP_STANDINGS} | {
    "在会": "normal", "保留会籍": "retained", "已转出": "transferred_out", "调出": "transferred_out",
    "已退会": "withdrawn",
}  # fmt: skip
_YES = frozenset({"是", "有", "√", "✓", "y", "yes", "true", "1", "列入"})
_NO = frozenset({"否", "无", "×", "✗", "n", "no", "false", "0", "未列入", "不列入"})
_SECONDMENTS = {name: code for code, name in SECONDMENTS} | {
    "本工会发放": "here", "本单位发放": "here", "在本工会": "here", "本单位": "here",
    "他处发放": "elsewhere", "原单位发放": "elsewhere", "派出单位发放": "elsewhere",
    "原单位": "elsewhere", "派出单位": "elsewhere", "他处": "elsewhere",
}  # fmt: skip


class CellError(ValueError):
    """A cell a person must fix; the message is shown next to the row and column."""


def text_of(value: object) -> str:
    """A cell as text: numbers without a spurious ".0", dates in ISO form."""
    if isinstance(value, str):
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def short_text(limit: int):
    """A text cell of at most ``limit`` characters (the registry's column width)."""

    def parse(value: object) -> str:
        text = text_of(value)
        if len(text) > limit:
            raise CellError(f"内容过长（{len(text)}字，最多{limit}字）")
        return text

    return parse


def _ascii(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _make_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(f"日期“{shown}”不存在") from None


def parse_date(value: object) -> tuple[date, bool]:
    """(date, month_only) from the forms people type; month_only for 197503 or 1975年3月.

    Accepted: date/datetime cells, Excel serial numbers, 1975-03-08, 1975/3/8, 1975.3.8,
    1975年3月8日, 1975年3月, 1975-03, 19750308, 197503 (with full-width digits too).
    """
    if isinstance(value, datetime):
        return value.date(), False
    if isinstance(value, date):
        return value, False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value)
    text = _ascii(text_of(value))
    if ":" in text:  # 1975-03-08 00:00:00 or 1975-03-08T00:00
        text = text.replace("T", " ").split(" ")[0]
    text = text.replace(" ", "")
    match = _YMD_RE.fullmatch(text)
    if match:
        year, month, day = match.groups()
        if day is None:
            return _make_date(int(year), int(month), 1, text), True
        return _make_date(int(year), int(month), int(day), text), False
    if _COMPACT_RE.fullmatch(text):
        return _from_compact(text)
    raise CellError(f"无法识别的日期“{text}”（请写成1975-03-08）")


def _from_compact(text: str) -> tuple[date, bool]:
    if len(text) == 6:
        return _make_date(int(text[:4]), int(text[4:]), 1, text), True
    return _make_date(int(text[:4]), int(text[4:6]), int(text[6:]), text), False


def _from_number(value: float) -> tuple[date, bool]:
    if float(value).is_integer() and 190001 <= value <= 99991231:
        return _from_compact(str(int(value)))  # 19750308 or 197503 typed as a number
    if _SERIAL_MIN <= value <= _SERIAL_MAX:
        return _EXCEL_EPOCH + timedelta(days=int(value)), False
    raise CellError(f"无法识别的日期“{text_of(value)}”（请写成1975-03-08）")


def parse_gender(value: object) -> str | None:
    """ "male" / "female" from 男/女/男性/M/F…; None when empty."""
    text = text_of(value)
    if not text:
        return None
    gender = _GENDERS.get(text) or _GENDERS.get(text.lower())
    if gender is None:
        raise CellError(f"性别“{text}”应为“男”或“女”")
    return gender


def parse_id_text(value: object) -> str:
    """The ID cell as text; refuses an 18-digit number Excel has already rounded."""
    if isinstance(value, float):
        if value.is_integer() and value < 1e15:
            return str(int(value))
        raise CellError("身份证号被Excel存成了数字，后几位已丢失：请把该列设为“文本”后重新填写")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return text_of(value)


def parse_phone(value: object) -> str:
    """A mobile (11 digits) or landline number without spaces, dashes or +86."""
    if (  # the usual cell, a clean mobile number: what the rules below would return
        value.__class__ is str and len(value) == 11 and value.isascii() and value.isdigit()
        and value[0] == "1" and value[1] in "3456789"
    ):  # fmt: skip
        return value
    text = _ascii(text_of(value)).translate(_PHONE_JUNK)
    if len(text) == 13 and text.startswith("86"):
        text = text[2:]
    if _MOBILE_RE.fullmatch(text) or _LANDLINE_RE.fullmatch(text):
        return text
    raise CellError(f"电话号码“{text_of(value)}”格式不对（手机应为11位数字）")


def parse_status(value: object) -> str:
    """在职 -> "active", 退休 -> "retired", 离职 -> "left"; empty means 在职."""
    text = text_of(value)
    if not text:
        return "active"
    code = status_code(text)
    if code is None:
        raise CellError(f"人员状态“{text}”无法识别（应为 在职、退休 或 离职）")
    return code


def parse_standing(value: object) -> str:
    """会籍: 正常 -> "normal", 保留 -> "retained", 转出, 退会; empty means 正常."""
    text = text_of(value)
    if not text:
        return "normal"
    code = _STANDINGS.get(text)
    if code is None:
        raise CellError(f"会籍“{text}”无法识别（应为 正常、保留、转出 或 退会）")
    return code


def parse_yes_no(value: object) -> bool | None:
    """是/否 (√/×, 1/0); empty means not recorded (None)."""
    if isinstance(value, bool):
        return value
    text = text_of(value).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellError(f"“{text_of(value)}”应为 是 或 否")


def parse_secondment(value: object) -> str:
    """借调/派遣: where a seconded or agency member receives collective welfare; 否 or empty
    for staff of this workplace."""
    text = text_of(value)
    if not text or text in _NO:
        return ""
    code = _SECONDMENTS.get(text)
    if code is None:
        raise CellError(f"借调派遣“{text}”无法识别（应为 否、本工会发放 或 他处发放）")
    return code


def parse_tags(value: object) -> tuple[str, ...]:
    """Tags split on 、,; or spaces and folded to their canonical names (复转军人 -> 退役军人)."""
    text = text_of(value)
    if not text:
        return ()
    tags = (canonical_tag(part) for part in _SPLIT_RE.split(text) if part)
    return tuple(dict.fromkeys(tags))


def parse_children(value: object) -> tuple[tuple[str, date], ...]:
    """Children as (name, birth date) from "张小明 2012-05-01；李小红(2015.3.2)"."""
    text = text_of(value)
    if not text or text in ("无", "没有", "-"):
        return ()
    children = []
    for piece in _CHILD_SPLIT_RE.split(_ascii(text)):
        piece = piece.strip()
        if not piece:
            continue
        match = _CHILD_RE.fullmatch(piece)
        if match is None:
            raise CellError(f"子女“{piece}”缺少出生日期（请写成 姓名 2012-05-01）")
        born, _ = parse_date(match.group(2).replace(" ", ""))
        children.append((match.group(1).strip(), born))
    return tuple(children)


def parse_name(value: object) -> str:
    """A person's name; spaces inside a Chinese name (张 三) are dropped."""
    text = text_of(value)
    if text and not text.isascii():
        text = "".join(text.split())
    if len(text) > 30 or ":" in text or "：" in text:
        raise CellError(f"“{text[:30]}”不像姓名（是表格下方的备注行吗？）")
    return text
