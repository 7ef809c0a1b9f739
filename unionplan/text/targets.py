"""Quantified aims in the prose of a plan: 不少于4次集中培训, 达到90%以上, 再创十家, 1—2期.

A target is a clause holding a number with a unit. Its comparator comes from the words
around the number (不少于/至少/以上 -> ">=", 不超过/以内/以下 -> "<=", a range -> "range",
otherwise "="). A bare count (五场球赛) is taken only where a plan sets an aim — at the head
of a clause or after words such as 每年, 确保, 组织, 召开 — so that 九届四次 or “十个五” are
not mistaken for aims. Ages (35周岁以下) describe people, not aims, and are skipped.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal, InvalidOperation

from unionplan.numerals import parse_chinese_number
from unionplan.text.line import Line
from unionplan.text.model import Target

_CN_NUM = "零〇一二两三四五六七八九十百千万"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_NUM}]+)"
_RANGE_SEP = r"(?:-|—{1,2}|–|~|～|至|到)"
_UNITS = (
    "%", "人次", "万元", "小时", "学时", "课时", "个月", "次", "场", "期", "家", "天", "项",
    "名", "人", "所", "户", "元", "篇", "批", "轮", "支", "件", "本", "份", "种", "条", "处",
    "台", "套", "部", "门", "节", "届", "个", "周",
)  # fmt: skip
_BARE_UNITS = frozenset({"次", "场", "期", "家", "项", "批", "轮", "人次", "篇", "名", "人"})
# A number is matched from its first digit only (the lookbehinds): retrying inside a run of
# 100,000 digits would be quadratic; the first try already backtracks over every end.
_NUM_START = rf"(?:(?<!\d)(?=\d)|(?<![{_CN_NUM}])(?=[{_CN_NUM}]))"
_QUANTITY_RE = re.compile(
    rf"百分之({_NUM})|{_NUM_START}({_NUM})\s*(?:{_RANGE_SEP}\s*({_NUM})\s*)?"
    rf"({'|'.join(re.escape(unit) for unit in _UNITS)})"
)
_GE_WORDS = (
    "不少于", "不低于", "不小于", "不得少于", "不能少于", "至少", "最少", "多于", "超过",
    "高于", "达到", "达", "力争", "争取", "再创", "新增", "新建", "新发展", "提高到", "提升到", "增长",
)  # fmt: skip
_LE_WORDS = (
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "不得超过",
    "控制在",
    "少于",
    "低于",
    "最多",
    "至多",
)
_BEFORE_RE = re.compile("|".join(sorted(_GE_WORDS + _LE_WORDS, key=len, reverse=True)))
_AFTER_RE = re.compile(r"^\s*(?:及|或)?(以上|以内|以下|之内|内)")
_BARE_TRIGGER_RE = re.compile(
    r"每[年月季周天]|每学期|每学年|全年|年内|确保|力争|争取|再创|计划|组织|召开|举办|开展|"
    r"举行|完成|培训|新建|发展|建立|创建|评选|表彰|慰问|走访"
)
# A frequency (每月一次, 每两月一期, 每季度) right before the count.
_FREQUENCY_RE = re.compile(
    r"每[一二两三四五六七八九十\d]{0,2}个?(?:年|月|季度?|周|天|日|学期|学年|双月)(?:至少|不少于)?\s*$"
)
_FIGURE_AFTER_RE = re.compile(r"(?:力争|争取|组建)(?:新建|建立|实现|完成|达到)?\s*$")
_PAST_RE = re.compile(
    r"去年|上年|上一年|过去(?:的)?一年|以来|共计|累计|先后|"
    r"(?:组织|举办|开展|完成|慰问|发展|培训|召开|建立|表彰|走访|帮扶|发放)了"
)
_ARTICLE_COUNT_RE = re.compile(r"(?:计划|总结|范文|方案|要点|文章|合集|汇总|精选)\s*共?\s*$")
_MAX_LEAD = 20
_AIM_RE = re.compile(r"力争|争取|确保|计划|预计|目标")
# Counts a website adds (以下是小编整理的…计划5篇) are not the plan's.
_BOILERPLATE_RE = re.compile(r"小编|整理的|范文|精选|模板|锦集|大全|汇编|仅供参考|供大家参考")
_NOT_AFTER = ("岁", "年", "性", "月", "以后", "以前", "之后")
_NOT_BEFORE = "第届每这那再同统唯逐进之"
_SENTENCE_RE = re.compile(r"[。；;！!？?\n]+")
_CLAUSE_RE = re.compile(r"[，,：:]+")
_ENUMERATION_RE = re.compile("、")
_LEAD_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|第[一二三四五六七八九十]+|首先|其次|再次|最后|"
    r"[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|认真落实|贯彻落实|落实)\s*"
)
_YEAR_LEAD_RE = re.compile(
    r"^(?:力争|争取|计划|确保)?(?:到|在|于)?(?:20\d\d|20[xX×＊*]{2}|今|明)年(?:底|末|内|前)?(?:实现|完成)?"
)
_TAIL_RE = re.compile(r"的(?:要求|目标|任务|标准|规定)$")
_MAX_PER_CLAUSE = 12
_EDGE = " \t、，,：:“”‘’\"'（）()《》【】[]"


def find_targets(line: Line) -> list[Target]:
    """Every target in a line of prose, in order."""
    found: list[Target] = []
    if not _QUANTITY_RE.search(line.shadow):
        return found  # most lines: nothing to split
    for sentence in _pieces(line, _SENTENCE_RE):
        if _QUANTITY_RE.search(sentence.shadow):
            for clause in _pieces(sentence, _CLAUSE_RE):
                if _QUANTITY_RE.search(clause.shadow):
                    found.extend(_clause_targets(clause))
    return found


def _pieces(line: Line, pattern: re.Pattern[str]) -> list[Line]:
    pieces, start = [], 0
    for match in pattern.finditer(line.shadow):
        pieces.append(line.cut(start, match.start()))
        start = match.end()
    pieces.append(line.cut(start))
    return [piece for piece in pieces if piece.shadow.strip()]


def _clause_targets(clause: Line, lead: str = "") -> list[Target]:
    """Targets of a clause; ``lead`` is the start of the enumeration the clause is part of
    (新建职工之家10家、职工书屋15个: the second shares the first's 新建)."""
    clause = _trim(clause)
    # Judging a number looks at the whole clause before it; a clause naming dozens of numbers
    # is a list or garbage, not an aim, and would make that quadratic: its first few suffice.
    matches = list(itertools.islice(_QUANTITY_RE.finditer(clause.shadow), _MAX_PER_CLAUSE))
    if len(matches) > 1 and "、" in clause.shadow:  # 五场球赛、五场演出…: one aim each
        lead = clause.shadow[: matches[0].start()][:_MAX_LEAD]
        parts = _pieces(clause, _ENUMERATION_RE)
        return [t for i, part in enumerate(parts) for t in _clause_targets(part, lead * (i > 0))]
    return [_target(clause, m, lead) for m in matches if _accept(clause.shadow, m, lead)]


def _trim(clause: Line) -> Line:
    """The aim itself: without 一是/1、, a leading 力争20XX年实现, a trailing 的要求."""
    clause = clause.strip(_EDGE)
    for pattern in (_LEAD_RE, _YEAR_LEAD_RE):
        match = pattern.match(clause.shadow)
        if match and match.end() < len(clause.shadow):
            clause = clause.cut(match.end()).strip(_EDGE)
    tail = _TAIL_RE.search(clause.shadow)
    if tail:
        clause = clause.cut(0, tail.start())
    return clause.strip(_EDGE)


def _accept(shadow: str, match: re.Match[str], lead: str = "") -> bool:
    """Whether a number with a unit is an aim rather than an age, a date, a name or an ordinal."""
    value = _number(match.group(1) or match.group(2))
    if value is None or value <= 0:
        return False
    start, end = match.start(), match.end()
    if shadow.startswith(_NOT_AFTER, end) or _inside_quotes(shadow[:start]):
        return False
    if start and shadow[start - 1] in _NOT_BEFORE:
        return False
    if _BOILERPLATE_RE.search(shadow) or _is_achievement(shadow[:start]):
        return False
    if match.group(1) or match.group(4) == "%" or match.group(3):
        return True
    if _comparator_words(lead + shadow, len(lead) + start, len(lead) + end) is not None:
        return True
    prefix = lead + _LEAD_RE.sub("", shadow[:start], count=1)
    if match.group(4) == "篇" and _ARTICLE_COUNT_RE.search(prefix):
        return False  # …工作计划共5篇: the page's articles
    if _FREQUENCY_RE.search(prefix) or _FIGURE_AFTER_RE.search(prefix):
        return True  # 每月一次, 每两月一期; 组建3个
    if value < 2:
        return False  # 组织一次X is something to do once, not an aim to reach
    return match.group(4) in _BARE_UNITS and (not prefix or bool(_BARE_TRIGGER_RE.search(prefix)))


def _is_achievement(prefix: str) -> bool:
    """去年共组织活动15次: what a summary reports, not what a plan aims at."""
    return _PAST_RE.search(prefix) is not None and _AIM_RE.search(prefix) is None


def _inside_quotes(prefix: str) -> bool:
    return prefix.count("“") > prefix.count("”") or prefix.count("《") > prefix.count("》")


def _comparator_words(shadow: str, start: int, end: int) -> str | None:
    after = _AFTER_RE.match(shadow[end:])
    if after:
        return ">=" if after.group(1) == "以上" else "<="
    before = list(_BEFORE_RE.finditer(shadow[:start]))
    if before:
        return "<=" if before[-1].group() in _LE_WORDS else ">="
    return None


def _target(clause: Line, match: re.Match[str], lead: str = "") -> Target:
    unit = "%" if match.group(1) else match.group(4)
    low = _number(match.group(1) or match.group(2)) or Decimal(0)
    high = _number(match.group(3)) if match.group(3) else None
    if high is not None and high > low:
        return Target(clause.text, "range", low, high, unit)
    shadow, offset = lead + clause.shadow, len(lead)
    comparator = _comparator_words(shadow, offset + match.start(), offset + match.end()) or "="
    return Target(clause.text, comparator, low, None, unit)


def _number(text: str | None) -> Decimal | None:
    if not text:
        return None
    if text[0].isdigit():
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    value = parse_chinese_number(text.replace("〇", "零"))
    return Decimal(value) if value is not None else None
