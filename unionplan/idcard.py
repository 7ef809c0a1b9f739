"""居民身份证号码 (GB 11643-1999): check, normalise, derive, mask and generate.

Why our own code: none of the pinned dependencies checks Chinese ID numbers, and the rule is
small and fixed by the standard. An 18-digit number is

    RRRRRR YYYYMMDD SSS C
    region birth    seq check

- ``C`` is the ISO 7064 MOD 11-2 check character over the first 17 digits ("X" stands for 10);
- ``SSS`` is odd for men and even for women;
- the old 15-digit form (before 1999) is ``RRRRRR YYMMDD SSS`` with the century 19 implied and
  no check character; :func:`upgrade_15_to_18` turns it into the 18-digit form.

Public API::

    parse_id_number(text) -> IdCardInfo           # raises UserInputError (中文) when invalid
    inspect_id_number(text) -> IdCardInfo | str    # the info, or the problem (中文); no raise
    id_number_problem(text) -> str | None          # the same check without an exception
    normalize_id_number(text) -> str               # 18-digit, upper-case X; raises when invalid
    is_valid_id_number(text) -> bool
    check_digit(first17) -> str
    upgrade_15_to_18(number15) -> str
    mismatch_problems(info, birth_date=None, gender=None) -> list[str]
    mask_id_number("11010519491231002X") -> "110105********002X"
    mask_phone("13812345678") -> "138****5678"
    generate_id_number(birth_date, gender, region="110105", sequence=None, rng=None) -> str

Genders are the codes "male" / "female", as everywhere in unionplan.
"""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from unionplan.errors import UserInputError

_CHECK_CHARS = "10X98765432"  # index: weighted sum mod 11
_DIGITS = frozenset("0123456789")
# First two digits: provinces of GB/T 2260, plus 71/81/82 and 83 (residence permits for people
# from Taiwan, Hong Kong and Macao). Anything else is a typo, not a real number.
_PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
    ]
)
_EARLIEST_BIRTH = date(1900, 1, 1)
_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX")

MALE = "male"
FEMALE = "female"


class IdCardInfo(NamedTuple):
    """What an ID number says about its holder (a named tuple, immutable: a roster import
    makes 100,000 of them, and a frozen dataclass costs three times as much to build)."""

    number: str  # always the 18-digit form
    region: str  # the first six digits (行政区划代码)
    birth_date: date
    gender: str  # "male" | "female"


def check_digit(first17: str) -> str:
    """The MOD 11-2 check character ("0"-"9" or "X") for the first 17 digits."""
    # The weights are 2**k mod 11 (k = 17 for the first digit … 1 for the last), and
    # 13 ≡ 2 (mod 11): so the weighted sum is, mod 11, twice the digits read as a base-13
    # number, which int() computes in C (a third of the time of summing 17 products; this
    # runs for every row of a 100,000-row roster). Non-digits are refused as before.
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError(f"not 17 digits: {first17!r}")
    return _check_char(first17)


def _check_char(first17: str) -> str:
    """``check_digit`` of 17 digits already checked to be ASCII digits."""
    return _CHECK_CHARS[2 * int(first17, 13) % 11]


def upgrade_15_to_18(number15: str) -> str:
    """The 18-digit form of an old 15-digit number: insert the century "19", add the check."""
    first17 = number15[:6] + "19" + number15[6:15]
    return first17 + check_digit(first17)


def _clean(text: str) -> str:
    if len(text) == 18 and text.isascii() and text.isalnum():
        return text.upper()  # the usual case, kept cheap
    return text.strip().translate(_FULLWIDTH).replace(" ", "")


def inspect_id_number(text: str, today: date | None = None) -> IdCardInfo | str:
    """What ``text`` encodes, or why it is not a valid ID number (a message in Chinese).

    Returning the message instead of raising keeps the roster reader fast on files full of
    bad rows, where exceptions would dominate the time.
    """
    number = _clean(text)
    length = len(number)
    if length == 15:
        if not _DIGITS.issuperset(number):
            return "15位身份证号只能由数字组成"
        number = upgrade_15_to_18(number)
    elif length == 18:
        first17 = number[:17]
        if not (first17.isascii() and first17.isdigit()) or number[17] not in _CHECK_CHARS:
            return "身份证号前17位须为数字，最后一位为数字或X"
    else:
        return f"身份证号应为18位（或旧式15位），这里是{length}位"
    if number[:2] not in _PROVINCES:
        return f"身份证号开头的地区码“{number[:2]}”不存在"
    birth = _birth_date(number[6:14])
    if birth is None:
        return f"身份证号中的出生日期“{number[6:14]}”不存在"
    if birth < _EARLIEST_BIRTH or birth > (today or date.today()):
        return f"身份证号中的出生日期“{birth.isoformat()}”不合理"
    if length == 18 and _check_char(first17) != number[17]:
        return "身份证号校验位错误（可能有数字输错）"
    gender = MALE if (ord(number[16]) - 48) % 2 else FEMALE
    return IdCardInfo(number, number[:6], birth, gender)


@lru_cache(maxsize=65536)
def _birth_date(yyyymmdd: str) -> date | None:
    """The date of eight digits, None when there is no such day. Cached: a roster of 100,000
    people has a few tens of thousands of birthdays, and parsing is a third of the check."""
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def id_number_problem(text: str, today: date | None = None) -> str | None:
    """Why ``text`` is not a valid ID number (in Chinese), or None when it is."""
    result = inspect_id_number(text, today)
    return result if isinstance(result, str) else None


def parse_id_number(text: str, today: date | None = None) -> IdCardInfo:
    """Check ``text`` and say what it encodes; raise UserInputError (中文) when it is invalid."""
    result = inspect_id_number(text, today)
    if isinstance(result, str):
        raise UserInputError(result)
    return result


def normalize_id_number(text: str) -> str:
    """The canonical 18-digit form (upper-case X) used as the registry's key."""
    return parse_id_number(text).number


def is_valid_id_number(text: str) -> bool:
    """True when ``text`` is a valid 18- or 15-digit ID number."""
    return isinstance(inspect_id_number(text), IdCardInfo)


def mismatch_problems(
    info: IdCardInfo, birth_date: date | None = None, gender: str | None = None
) -> list[str]:
    """Problems (中文) where a given birth date or gender contradicts the ID number.

    A roster often has both a 出生日期 column and the ID number; when they disagree one of them
    is a typo and the row must be fixed by a person rather than silently trusting either.
    """
    problems = []
    if birth_date is not None and birth_date != info.birth_date:
        problems.append(
            f"出生日期{birth_date.isoformat()}与身份证号不符"
            f"（身份证号为{info.birth_date.isoformat()}）"
        )
    if gender is not None and gender != info.gender:
        said = "男" if info.gender == MALE else "女"
        problems.append(f"性别与身份证号不符（身份证号为{said}）")
    return problems


def mask_id_number(number: str) -> str:
    """Hide the birth date and most of the sequence: 110105********002X.

    The first six (region) and last four characters stay, which is what people use to tell
    two members apart on a printed list without exposing the whole number.
    """
    number = number.strip()
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str) -> str:
    """Hide the middle four digits of a mobile number: 138****5678."""
    phone = phone.strip()
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def generate_id_number(
    birth_date: date,
    gender: str,
    region: str = "110105",
    sequence: int | None = None,
    rng: random.Random | None = None,
) -> str:
    """A valid 18-digit number for tests and benchmarks (never a real person's on purpose).

    ``sequence`` (0-499) picks the sequence code; its parity is forced by ``gender``. Without
    it one is drawn from ``rng`` (or the module's random generator).
    """
    if sequence is None:
        sequence = (rng or random).randrange(500)
    code = sequence * 2 + (1 if gender == MALE else 0)
    if not 0 <= code <= 999:
        raise ValueError("sequence must be in 0..499")
    first17 = f"{region}{birth_date:%Y%m%d}{code:03d}"
    return first17 + check_digit(first17)
