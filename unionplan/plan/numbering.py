"""Section numbering of Chinese official documents: 一、 （一） 1. （1）.

The numbering follows from a section's level (1-4) and its position among its siblings;
it is never stored, so moving a section renumbers the plan.
"""

from __future__ import annotations

import re

from unionplan.numerals import to_chinese
from unionplan.plan.data import SectionData

MAX_LEVEL = 4


def section_number(level: int, position: int) -> str:
    """The marker of the ``position``-th (1-based) section at ``level``: (2, 3) -> （三）."""
    if not 1 <= level <= MAX_LEVEL:
        raise ValueError(f"level must be 1..{MAX_LEVEL}, not {level}")
    if position < 1:
        raise ValueError(f"position must be >= 1, not {position}")
    if level == 1:
        return f"{to_chinese(position)}、"
    if level == 2:
        return f"（{to_chinese(position)}）"
    if level == 3:
        return f"{position}."
    return f"（{position}）"


def numbered_sections(
    sections: list[SectionData], level: int = 1
) -> list[tuple[int, str, SectionData]]:
    """Every section in document order as (level, number, section): 一、 （一） 1. （1）."""
    rows: list[tuple[int, str, SectionData]] = []
    for position, section in enumerate(sections, start=1):
        rows.append((level, section_number(min(level, MAX_LEVEL), position), section))
        rows.extend(numbered_sections(section.children, level + 1))
    return rows


_CHINESE_DIGITS = "一二三四五六七八九十百零〇两"
_LEADING_NUMBER_RE = re.compile(
    rf"""^\s*(?:
        [{_CHINESE_DIGITS}]+\s*[、．.]               # 一、  (level 1)
      | [（(]\s*[{_CHINESE_DIGITS}]+\s*[）)]\s*[、.．]?  # （一） (level 2)
      | \d{{1,2}}\s*[、．.](?!\d)                     # 1.  1、 (level 3; not 1.5万)
      | [（(]\s*\d{{1,2}}\s*[）)]\s*[、.．]?           # （1） (level 4)
    )\s*""",
    re.VERBOSE,
)


def strip_section_number(title: str) -> str:
    """``title`` without a leading number of this scheme: 五、新增章节 -> 新增章节.

    People type the number they see; the numbering is drawn from the section's place, so
    a typed one would show (and go into Word) twice. Anything else at the start stays:
    三八节, 2027年, 1.5万元, 第一部分. A title that is nothing but a number stays too.
    """
    rest = _LEADING_NUMBER_RE.sub("", title, count=1)
    return rest if rest.strip() else title
