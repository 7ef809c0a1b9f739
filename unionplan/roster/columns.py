"""Which column is which: header names as offices write them, and finding the header row.

A roster often starts with a title (XX学校工会会员花名册) or a blank line, so the header is the
row among the first few that names the most known columns and includes a name column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import opencc

# field -> header names people use (simplified; traditional headers are converted first)
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "会员姓名", "职工姓名", "教工姓名", "员工姓名", "人员姓名"),
    "gender": ("性别",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "出生时间", "出生"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "身份证件号码",
                  "公民身份证号码", "证件号"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话", "电话号码"),
    "department": ("部门", "科室", "单位", "所在部门", "所在单位", "工作单位", "所在科室", "处室",
                   "部门科室", "部门/科室", "工作部门", "年级组", "教研组", "班组", "车间"),
    "post": ("职务", "岗位", "职位", "工作岗位", "岗位职务", "职务/岗位", "职称"),
    "status": ("状态", "人员状态", "在职状态", "会员状态", "在职情况"),
    "joined_on": ("入会时间", "入会日期", "入会年月", "加入工会时间"),
    "hired_on": ("入职时间", "入职日期", "入职年月", "到岗时间", "到岗日期", "进单位时间",
                 "来校时间", "进校时间", "进厂时间", "进院时间", "调入时间", "入职"),
    "tags": ("标签", "人员类别", "类别", "特殊身份", "身份类别", "会员类别"),
    "children": ("子女", "子女情况", "子女信息", "子女姓名及出生日期"),
    "note": ("备注", "说明"),
    "standing": ("会籍", "会籍状态", "会员会籍"),
    "standing_since": ("会籍变动日期", "会籍变动时间", "会籍日期"),
    "dues_paid_through": ("会费缴至", "会费缴纳至", "会费交至", "会费缴至月份", "会费缴纳截至"),
    "in_fund_base": ("工资列入经费基数", "工资列入计提基数", "列入经费计提基数", "计提基数",
                     "经费基数"),
    "secondment": ("借调派遣", "借调/派遣", "借调或派遣", "借调", "派遣"),
}  # fmt: skip
# Fallbacks for headers not listed above, tried in this order: (word in header, field).
_CONTAINS: tuple[tuple[str, str | None], ...] = (
    ("子女", "children"), ("出生地", None), ("籍贯", None), ("联系人", None),
    ("身份证", "id_number"), ("身份号码", "id_number"), ("姓名", "name"), ("性别", "gender"),
    ("出生", "birth_date"), ("手机", "phone"), ("电话", "phone"), ("入会", "joined_on"), ("入职", "hired_on"),
    ("部门", "department"), ("科室", "department"), ("职务", "post"),
    ("岗位", "post"), ("会籍变动", "standing_since"), ("会籍", "standing"),
    ("会费", "dues_paid_through"), ("基数", "in_fund_base"), ("借调", "secondment"),
    ("派遣", "secondment"), ("状态", "status"), ("标签", "tags"), ("备注", "note"),
)  # fmt: skip
LABELS = {
    "name": "姓名", "gender": "性别", "birth_date": "出生日期", "id_number": "身份证号",
    "phone": "手机", "department": "部门", "post": "职务", "status": "状态",
    "joined_on": "入会时间", "hired_on": "入职时间", "tags": "标签", "children": "子女", "note": "备注",
    "standing": "会籍", "standing_since": "会籍变动日期", "dues_paid_through": "会费缴至",
    "in_fund_base": "工资列入经费基数", "secondment": "借调派遣",
}  # fmt: skip
_EXACT = {alias: field for field, aliases in ALIASES.items() for alias in aliases}
_DECORATION_RE = re.compile(r"[\s*＊:：]|[(（\[【].*?[)）\]】]")
HEADER_SEARCH_ROWS = 30


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def field_for_header(header: str) -> str | None:
    """The MemberRow field a header names (公民身份號碼 -> "id_number"), or None."""
    text = unicodedata.normalize("NFKC", header)
    text = _converter().convert(_DECORATION_RE.sub("", text))
    if not text or len(text) > 20:
        return None
    if text in _EXACT:
        return _EXACT[text]
    for word, field in _CONTAINS:
        if word in text:
            return field
    return None


def map_columns(row: Sequence[object]) -> tuple[dict[str, int], list[str]]:
    """({field: column index}, [headers not used]); the first of two same columns wins."""
    mapping: dict[str, int] = {}
    unused: list[str] = []
    for index, cell in enumerate(row):
        header = cell.strip() if isinstance(cell, str) else ""
        if not header:
            continue
        field = field_for_header(header)
        if field is None or field in mapping:
            unused.append(header)
        else:
            mapping[field] = index
    return mapping, unused


def find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int], list[str]] | None:
    """(row index, mapping, unused headers) of the header row, or None when no row names 姓名."""
    best = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping, unused = map_columns(row)
        if "name" in mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping, unused)
    return best
