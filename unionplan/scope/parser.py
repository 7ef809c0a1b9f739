"""参加范围 text -> ScopeFilter, with every word it could not place reported as unresolved.

How a phrase is read:

1. Normalise: traditional -> simplified (OpenCC t2s), full-width -> half-width (NFKC), scrape
   pinyin such as 节(jié) dropped.
2. Age and birthday expressions are taken out first (35—50周岁, 70周岁以上, 不满14岁, 当月过生日),
   because their 及/至 would otherwise look like conjunctions.
3. The rest is scanned by longest match against the vocabulary; 、和与及 or spaces split it into
   segments. Characters no word covers become ``unresolved`` chunks — never dropped, so an
   unknown phrase can never widen a scope to everyone.
4. Segments without a noun (生病、家庭困难的教师; 患病离退休和在职职工) are modifiers coordinated
   with the next noun: they share it and their values are any-of. Segments with their own noun
   are alternatives (复转军人、现役军人家属); alternatives differing in one list field merge into
   it, others become ``any_of`` clauses (职工代表与部门负责人).

以上/以下/以内 include the number, 不满/未满/低于 and 超过/高于 do not — the rule of 民法典
第一千二百五十九条. So 14岁以下 means age ≤ 14 and 不满14周岁 means ≤ 13. 岁 is read as 周岁.

Welfare words (困难职工, 生病住院, 大病, 单亲) are recognised but stay unresolved, each with a
note saying where the answer will come from (``WELFARE_SOURCES``): a scope never counts
hardship or illness from a roster label. A scope of unions (各基层工会) cannot be narrowed by
member conditions; such a mixture is unresolved as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import opencc

from unionplan.numerals import parse_chinese_number
from unionplan.scope.filter import CURRENT_MONTH, LIST_FIELDS, ScopeFilter
from unionplan.scope.vocabulary import CONJUNCTIONS, LEXICON, LONGEST_WORD, WELFARE_SOURCES

_NUM = r"(\d{1,3}|[零一二两三四五六七八九十]{1,3})"
_AGE_UNIT = r"(?:周岁|岁)"
_DASH = r"\s*(?:-|—+|–|―|~|至|到)\s*"
_RANGE_RE = re.compile(rf"{_NUM}{_AGE_UNIT}?{_DASH}{_NUM}\s*{_AGE_UNIT}")
_AGE_RE = re.compile(
    rf"(年满|已满|满|不满|未满|超过|高于|大于|低于|小于)?\s*{_NUM}\s*{_AGE_UNIT}"
    r"\s*(?:\(含\))?\s*(及以上|或以上|以上|及以下|或以下|以下|以内)?"
)
_BIRTHDAY_RE = re.compile(
    r"(当月|本月|(\d{1,2}|[一二三四五六七八九十]{1,3})月份?)(?:过)?(?:生日|寿星)"
)
_PINYIN_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_SPACE_RE = re.compile(r"\s+")
_MARK_BASE = 0xE000  # private-use characters stand for expressions taken out in step 2
_EMPTY = "（空）"
_LIST_FIELDS = LIST_FIELDS
_DEPARTMENT_SUFFIXES = ("科", "科室", "部", "处", "室", "系", "车间", "班组", "教研组", "年级组",
                        "病区", "中心", "学院", "分院")  # fmt: skip


@dataclass(slots=True)
class ScopeResult:
    """A parsed 参加范围: the filter and the words it could not understand."""

    text: str
    filter: ScopeFilter
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # why some unresolved words are so

    @property
    def resolved(self) -> bool:
        """True when every word was understood; only then may the filter be applied."""
        return not self.unresolved

    @property
    def is_everyone(self) -> bool:
        """True for 全体教职工 and the like: understood, and restricting nothing."""
        return self.resolved and self.filter.is_everyone()

    def to_json(self) -> dict[str, Any]:
        """The document printed by ``unionplan scope parse``."""
        return {
            "text": self.text,
            "filter": self.filter.to_dict(),
            "unresolved": self.unresolved,
            "notes": self.notes,
        }


@dataclass(slots=True)
class _Segment:
    values: dict[str, Any] = field(default_factory=dict)
    head: bool = False
    target: str = "members"
    youth: int | None = None  # 青年: the age bound it stands for unless an age is given
    ages: list[tuple[int | None, int | None]] = field(default_factory=list)
    vague: list[str] = field(default_factory=list)
    welfare: list[tuple[str, str]] = field(default_factory=list)  # (word, canonical tag)
    unknown: list[str] = field(default_factory=list)

    @property
    def children(self) -> bool:
        return self.target == "children"

    @property
    def said_something(self) -> bool:
        return bool(self.values or self.head or self.ages or self.vague or self.unknown
                    or self.welfare or self.youth)  # fmt: skip


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize_scope_text(text: str) -> str:
    """Simplified, half-width, without scrape pinyin or repeated spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _converter().convert(text)
    text = _PINYIN_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else (parse_chinese_number(text) or 0)


def _age_bounds(match: re.Match[str]) -> tuple[int | None, int | None]:
    prefix, number, suffix = match.group(1), _number(match.group(2)), match.group(3)
    if prefix in ("不满", "未满", "低于", "小于"):
        return None, number - 1
    if prefix in ("超过", "高于", "大于"):
        return number + 1, None
    if (suffix and "上" in suffix) or prefix:
        return number, None
    if suffix and ("下" in suffix or suffix == "以内"):
        return None, number
    return number, number  # 50周岁职工: exactly 50


def _take_out(text: str, marks: list[tuple[str, Any]]) -> str:
    """Replace age and birthday expressions by one private-use character each."""

    def mark(kind: str, value: Any) -> str:
        marks.append((kind, value))
        return chr(_MARK_BASE + len(marks) - 1)

    def birthday(m: re.Match[str]) -> str:
        month = CURRENT_MONTH if m.group(2) is None else _number(m.group(2))
        return mark("birthday", month if month == CURRENT_MONTH or 1 <= month <= 12 else None)

    text = _BIRTHDAY_RE.sub(birthday, text)
    text = _RANGE_RE.sub(lambda m: mark("age", (_number(m[1]), _number(m[2]))), text)
    return _AGE_RE.sub(lambda m: mark("age", _age_bounds(m)), text)


def _scan(text: str, marks: list[tuple[str, Any]]) -> list[_Segment]:
    segments = [_Segment()]
    unknown: list[str] = []

    def flush_unknown() -> None:
        if unknown:
            segments[-1].unknown.append("".join(unknown))
            unknown.clear()

    i = 0
    while i < len(text):
        ch = text[i]
        if ord(ch) >= _MARK_BASE and ord(ch) - _MARK_BASE < len(marks):
            flush_unknown()
            _apply_mark(segments[-1], *marks[ord(ch) - _MARK_BASE])
            i += 1
            continue
        if ch == " " or _conjunction_at(text, i):
            flush_unknown()
            segments.append(_Segment())
            i += 1 if ch == " " else len(_conjunction_at(text, i))
            continue
        word = _word_at(text, i)
        if word is None:
            unknown.append(ch)
            i += 1
            continue
        flush_unknown()
        _apply_word(segments[-1], word)
        i += len(word)
    flush_unknown()
    return [s for s in segments if s.said_something]


def _conjunction_at(text: str, i: int) -> str:
    """The conjunction starting at ``i`` unless a longer vocabulary word starts there."""
    for conj in sorted(CONJUNCTIONS, key=len, reverse=True):
        if text.startswith(conj, i):
            word = _word_at(text, i)
            return "" if word is not None and len(word) > len(conj) else conj
    return ""


def _word_at(text: str, i: int) -> str | None:
    for length in range(min(LONGEST_WORD, len(text) - i), 0, -1):
        if text[i : i + length] in LEXICON:
            return text[i : i + length]
    return None


def _apply_mark(segment: _Segment, kind: str, value: Any) -> None:
    if kind == "age":
        segment.ages.append(value)
    elif value is None:
        segment.unknown.append("生日月份")
    else:
        segment.values["birthday_month"] = value


def _apply_word(segment: _Segment, text: str) -> None:
    word = LEXICON[text]
    segment.head = segment.head or word.head
    for name, value in ((word.field, word.value), *word.extra):
        _apply_value(segment, text, name, value)


def _apply_value(segment: _Segment, text: str, name: str | None, value: Any) -> None:
    if name == "target":
        segment.target = value
    elif name == "vague":
        segment.vague.append(text)
    elif name == "youth":
        segment.youth = value
    elif name == "welfare":
        segment.welfare.append((text, value))
    elif name in _LIST_FIELDS:
        values = segment.values.setdefault(name, [])
        if value not in values:
            values.append(value)
    elif name is not None:
        segment.values[name] = value


def _settle_segment(segment: _Segment) -> list[str]:
    """Turn ages, departments and vague words into values; return what stays unresolved."""
    unresolved = []
    prefix = "children_" if segment.children else ""
    for low, high in segment.ages:
        if low is not None:
            segment.values[prefix + "age_min"] = low
        if high is not None:
            segment.values[prefix + "age_max"] = high
    if segment.target != "members":
        segment.values["target"] = segment.target
    if segment.youth is not None and not segment.ages:
        segment.values[prefix + "age_max"] = segment.youth
    for chunk in segment.unknown:
        if chunk.endswith(_DEPARTMENT_SUFFIXES) and len(chunk) >= 2 and "工会" not in chunk:
            segment.values.setdefault("departments", []).append(chunk)
            segment.head = True
        else:
            unresolved.append(chunk)
    values = segment.values
    has_age = "age_min" in values or "age_max" in values
    retired = values.get("status") == ["retired"]
    for word in segment.vague:
        # 70周岁以上…老教师 and 退休老教师 say who is old; 老教师 alone does not.
        if not has_age and not (retired and word in ("老", "老年")):
            unresolved.append(word)
    unresolved.extend(word for word, _tag in segment.welfare)
    return unresolved


def _welfare_notes(segments: list[_Segment]) -> list[str]:
    """Where each welfare word's answer will come from, once per kind."""
    tags = dict.fromkeys(tag for s in segments for _word, tag in s.welfare)
    return [WELFARE_SOURCES[tag] for tag in tags]


_AGE_GROUPS = (("age_min", "age_max"), ("children_age_min", "children_age_max"))


def _merge_into(base: dict[str, Any], extra: dict[str, Any]) -> bool:
    """Coordinate ``extra`` into ``base`` (lists any-of); False on conflicting single values.

    An age bound pair counts as one value: 35岁以下、50岁以上 are two alternatives, not the
    impossible 50 ≤ age ≤ 35.
    """
    for pair in _AGE_GROUPS:
        mine = tuple(base.get(k) for k in pair)
        theirs = tuple(extra.get(k) for k in pair)
        both = any(v is not None for v in mine) and any(v is not None for v in theirs)
        if both and mine != theirs:
            return False
    for key, value in extra.items():
        if key in _LIST_FIELDS:
            base.setdefault(key, [])
            base[key].extend(v for v in value if v not in base[key])
        elif key in base and base[key] != value:
            return False
        else:
            base[key] = value
    return True


def _coordinate(pending: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One group from modifiers sharing the last segment's noun; alternatives on conflict."""
    merged: dict[str, Any] = {}
    if all(_merge_into(merged, values) for values in pending):
        return [merged]
    *modifiers, head = pending
    alternatives = []
    for values in modifiers:
        alternative = dict(head)
        if not _merge_into(alternative, values):
            alternative = dict(values)
        alternatives.append(alternative)
    return [*alternatives, head]


def _understood(segments: list[_Segment]) -> list[_Segment]:
    """The segments that say something understood, when some do.

    困难职工、劳动模范: the first alternative is not understood and, left in, would read as
    "any member" and make the understood part everyone; the understood part is 劳动模范.
    """
    understood = [s for s in segments if s.values or not (s.unknown or s.welfare or s.vague)]
    return understood or segments


def _groups(segments: list[_Segment]) -> list[dict[str, Any]]:
    """Modifier segments joined to the next noun (生病、家庭困难的教师)."""
    segments = _understood(segments)
    groups: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for segment in segments:
        pending.append(segment.values)
        if segment.head:
            groups.extend(_coordinate(pending))
            pending = []
    if pending:
        groups.extend(_coordinate(pending))
    return groups


def _combine(groups: list[dict[str, Any]]) -> ScopeFilter | None:
    """Alternatives as one filter: merged when exact, any_of otherwise; None if impossible."""
    if any(not g or g == {"target": "members"} for g in groups):
        return ScopeFilter()  # "everyone, or …" is everyone
    targets = {g.get("target", "members") for g in groups}
    if len(targets) > 1:
        return None
    first = groups[0]
    if all(set(g) == set(first) for g in groups):
        differing = [k for k in first if any(g[k] != first[k] for g in groups)]
        if not differing or (len(differing) == 1 and differing[0] in _LIST_FIELDS):
            merged: dict[str, Any] = {}
            for g in groups:
                _merge_into(merged, g)
            return ScopeFilter.from_dict(merged)
    clauses = [ScopeFilter.from_dict({k: v for k, v in g.items() if k != "target"}) for g in groups]
    return ScopeFilter(target=targets.pop(), any_of=clauses)


# 全体教职工（含退休教职工）: "A including B" is A and B, which the coordination below reads.
_INCLUDING_RE = re.compile(r"\(\s*(?:含|包括|包含)\s*([^()]+?)\s*\)")


def parse_scope(text: str) -> ScopeResult:
    """Read a 参加范围 such as 70周岁以上退休老教师; never raises on any text."""
    original = text
    text = _INCLUDING_RE.sub(r"和\1", normalize_scope_text(text or ""))
    if not text:
        return ScopeResult(original, ScopeFilter(), [_EMPTY])
    marks: list[tuple[str, Any]] = []
    segments = _scan(_take_out(text, marks), marks)
    unresolved = [chunk for s in segments for chunk in _settle_segment(s)]
    notes = _welfare_notes(segments)
    combined = _combine(_groups(segments)) if segments else ScopeFilter()
    if combined is None or _unions_with_member_conditions(combined):
        return ScopeResult(original, ScopeFilter(), [*unresolved, text], notes)
    if not segments or not any(s.head or s.values for s in segments):
        unresolved = unresolved or [text]
    return ScopeResult(original, combined, unresolved, notes)


def _unions_with_member_conditions(scope: ScopeFilter) -> bool:
    """各基层工会的女职工: unions cannot be narrowed by what is said of members."""
    if scope.target != "unions":
        return False
    return scope != ScopeFilter(target="unions", sectors=scope.sectors)
