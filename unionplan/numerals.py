"""Chinese numerals, both ways: 十 -> 10 for parsing, 12 -> 十二 for numbering sections."""

import re

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join([*_DIGITS, *_SMALL_UNITS, *_LARGE_UNITS])
CHINESE_NUMERAL_RE = re.compile(f"[{CHINESE_NUMERAL_CHARS}]+")


def parse_chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral (十 -> 10, 二十五 -> 25, 一〇 -> 10), or None.

    Accepts digit-by-digit forms (二〇二七 -> 2027) and positional forms with 十/百/千/万/亿.
    Arabic digits mixed in (3万) are understood too. Spoken forms end on a lone digit that
    means the next unit down: 一百五 -> 150, 两千五 -> 2500, 三万五 -> 35000 (一百零五 and
    三万零五 keep their 零 and read 105 and 30005).
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    unit, digits_since_unit = 0, 0  # the last unit read, and how many digits followed it
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            digits_since_unit += 1
        elif ch.isdigit():
            digit = (digit or 0) * 10 + int(ch)
            digits_since_unit += 1
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit, unit, digits_since_unit = None, _SMALL_UNITS[ch], 0
        elif ch in _LARGE_UNITS:
            section += digit or 0
            total = (total + section) * _LARGE_UNITS[ch]
            section, digit = 0, None
            unit, digits_since_unit = _LARGE_UNITS[ch], 0
        else:
            return None
    if digit is not None and digits_since_unit == 1 and unit > 10 and digit != 0:
        digit *= unit // 10  # 一百五: the lone 五 is 五十
    return total + section + (digit or 0)


def to_chinese(number: int) -> str:
    """Write ``number`` (0 <= number < 100000) in Chinese numerals: 12 -> 十二, 105 -> 一百零五."""
    if not 0 <= number < 100_000:
        raise ValueError(f"out of range: {number}")
    if number == 0:
        return "零"
    chars = "零一二三四五六七八九"
    units = ["", "十", "百", "千", "万"]
    digits = [int(d) for d in str(number)]
    out: list[str] = []
    for position, digit in enumerate(digits):
        unit = units[len(digits) - position - 1]
        if digit == 0:
            if out and out[-1] != "零":
                out.append("零")
            continue
        out.append(chars[digit] + unit)
    text = "".join(out).rstrip("零")
    if 10 <= number < 20:
        text = text[1:]  # 十二, not 一十二
    return text
