"""From lines and tables to plans: splitting a document, building the section tree,
collecting the schedule and the targets.

One document may hold several plans (篇一, 篇二 … or the same title repeated). Within a plan,
section levels follow the markers in the order the document uses them, so a plan starting at
（一） has （一） as level 1. Numbered lines under a month heading are activities, not
sections, until a Chinese-numbered marker (二、, （三）) ends the schedule.
"""

# Long module: the one pass that turns a document's lines into plans, sections, items and
# targets; its steps share that pass's state, and splitting them would scatter it.

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionplan.numerals import parse_chinese_number
from unionplan.text.blocks import Block, Table
from unionplan.text.chrome import drop_chrome
from unionplan.text.clean import to_simplified
from unionplan.text.line import STRIP, Line
from unionplan.text.markers import (
    SECTION_KINDS,
    Marker,
    When,
    bullet_end,
    month_prefix,
    month_suffix,
    schedule_heading,
    section_marker,
    time_field,
)
from unionplan.text.model import Entry, Item, Plan, Section, Target
from unionplan.text.reflow import reflow
from unionplan.text.schedule import make_item, split_activities, table_entries
from unionplan.text.targets import find_targets

MAX_LEVEL = 4
_MAX_TITLE = 50
_PIAN_RE = re.compile(
    r"(?:^|[^\d一二三四五六七八九十])篇\s*[一二三四五六七八九十\d]{1,3}(?:\s*[：:].{0,40})?$"
    r"|^第\s*[一二三四五六七八九十\d]{1,3}\s*篇"
)
_TITLE_WORDS_RE = re.compile(r"计划|规划|要点|思路|安排|方案|打算")
_JUNK_RE = re.compile(
    r"^(?:上一页|下一页|上一篇|下一篇|返回(?:目录|首页|列表)|点击|本文(?:来源|地址|链接)|"
    r"相关(?:文章|推荐|阅读)|更多)|更多精彩|扫一扫|版权所有|责任编辑"
)
_MAX_JUNK = 80  # 下一页 / 更多精彩 are short lines; a long one naming them is text
_YEAR_RE = re.compile(r"((?:19|20)\d{2}|20[xX×＊*]{2})\s*(?:-\s*20\d\d\s*)?(?:学年|年度|年)")
_COLON_HEADING_RE = re.compile(r"^([\u4e00-\u9fff]{2,8})[：:]\s*")
_HEADING_NOUNS = (
    "思想", "目标", "任务", "工作", "措施", "要求", "安排", "原则", "思路", "重点", "内容",
    "保障", "方针", "目的", "指标", "计划", "打算", "形势", "情况",
)  # fmt: skip
_NOT_DIGIT_RE = re.compile(r"[^\d一二三四五六七八九十百]")
# In flattened text a heading ends at the first space: a lost line break (指导思想 以…).
_FLAT_HEADING_RE = re.compile(r"\s+(?=\S)")
_TITLE_END_RE = re.compile("[。；;：:！!？?]")
_DETAIL_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}\s*[：:]|[（(【].*[）)】]\s*[。.]?$)")
_MAX_CONTINUATION = 60
# A line after the schedule that speaks of the whole plan, not of the last activity.
_CLOSING_RE = re.compile(
    r"^(?:以上|上述|本计划|本方案|如有|注[：:]|备注|说明[：:]|各(?:分会|单位|部门))"
)
_STATEMENT_RE = re.compile(r"^(?:主要|工作|年度)?目标\s*[：:]\s*")
_PHRASE_SPLIT_RE = re.compile(r"[；;]")
_SIGNATURE_DATE_RE = re.compile(
    r"^((?:19|20)\d{2}|[一二][〇零○][一二三四五六七八九〇零○]{2})\s*年\s*"
    r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])\s*日$"
)
_MAX_SIGNER = 40
_SIGNER_PUNCTUATION_RE = re.compile(r"[。，,；;：:！!？?、]")
_SUMMARY_RE = re.compile(r"回顾|总结$|工作总结|取得的成[绩效]|主要成[绩效]|完成情况|基本情况")
# A line wholly in brackets right under the title says what the document is: （2027年度）,
# （征求意见稿）, （2026年3月5日工会委员会讨论通过）, （已通过，第3版，2027年1月16日批准）.
_TITLE_NOTE_RE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")
_MARKER_ONLY_RE = re.compile(r"^[（(][一二三四五六七八九十百\d]+[）)]$")
_CLOSERS = tuple('。.；;！!？?）)”"】》')
_KIND_RANK = {"head": -1, **{kind: rank for rank, kind in enumerate(SECTION_KINDS)}}


def build_plans(blocks: list[Block], *, simplified: bool = False) -> tuple[list[Plan], list[str]]:
    """The plans of a document, and warnings about what could not be understood."""
    units = _units(blocks, simplified=simplified)
    warnings: list[str] = []
    plans = [_PlanBuilder(title, simplified, warnings).build(body) for title, body in _split(units)]
    for number, plan in enumerate(plans, 1):
        if not (plan.sections or plan.schedule or plan.all_targets()):
            name = f"“{plan.title}”" if plan.title else f"第{number}份计划"
            warnings.append(f"{name}中没有识别出章节编号、活动安排或目标，请检查文件内容。")
    return plans, warnings


# --- lines ----------------------------------------------------------------------------------

Unit = Line | Table


def _units(blocks: list[Block], *, simplified: bool) -> list[Unit]:
    """Blocks as Lines (with their simplified shadow) and Tables, without blanks and junk."""
    texts = [block for block in blocks if isinstance(block, str)]
    shadows = to_simplified("\n".join(texts)).split("\n")
    if len(shadows) != len(texts):  # never expected; be safe rather than misaligned
        shadows = [to_simplified(text) for text in texts]
    lines = iter(zip(texts, shadows, strict=True))
    units: list[Unit] = []
    for block in blocks:
        if isinstance(block, Table):
            units.append(block)
            continue
        text, shadow = next(lines)
        line = Line.of(text, simplified=simplified, shadow=shadow).strip(" \t")
        if line and not (len(line.shadow) <= _MAX_JUNK and _JUNK_RE.search(line.shadow)):
            units.append(line)
    return _reflowed(drop_chrome(units))


def _reflowed(units: list[Unit]) -> list[Unit]:
    """Each run of lines between tables with its hard wraps and flattening undone."""
    out: list[Unit] = []
    run: list[Line] = []
    for unit in units:
        if isinstance(unit, Line):
            run.append(unit)
            continue
        out.extend(reflow(run))
        run = []
        out.append(unit)
    out.extend(reflow(run))
    return out


def _is_title_like(line: Line) -> bool:
    shadow = line.shadow
    return (
        len(shadow) <= _MAX_TITLE
        and "。" not in shadow
        and section_marker(shadow) is None
        and schedule_heading(shadow) is None
        and _COLON_HEADING_RE.match(shadow) is None
    )


# --- splitting a document into plans -------------------------------------------------------


def _split(units: list[Unit]) -> list[tuple[Line | None, list[Unit]]]:
    """(title, body) of each plan: at 篇一/篇二 lines, else at a repeated title, else one plan."""
    starts = [i for i, u in enumerate(units) if isinstance(u, Line) and _is_plan_heading(u)]
    if not starts:
        starts = _repeated_titles(units)
    if not starts:
        first = units[0] if units else None
        if isinstance(first, Line) and _is_title_like(first):
            return [(first, units[1:])]
        return [(None, units)]
    parts = []
    preamble = units[: starts[0]]
    if _has_structure(preamble):
        first = preamble[0]
        title = first if isinstance(first, Line) and _is_title_like(first) else None
        parts.append((title, preamble[1:] if title else preamble))
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(units)
        title = units[start]
        assert isinstance(title, Line)
        parts.append((title, units[start + 1 : end]))
    return parts


def _is_plan_heading(line: Line) -> bool:
    return _PIAN_RE.search(line.shadow) is not None and _is_title_like(line)


def _repeated_titles(units: list[Unit]) -> list[int]:
    keys: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if _is_repeatable_title(unit):
            key = re.sub(r"\W", "", unit.shadow)
            keys.setdefault(key, []).append(index)
    repeated = sorted(i for indexes in keys.values() if len(indexes) > 1 for i in indexes)
    return repeated


def _is_repeatable_title(unit: Unit) -> bool:
    return (
        isinstance(unit, Line)
        and len(unit.shadow) <= _MAX_TITLE
        and "，" not in unit.shadow
        and _TITLE_WORDS_RE.search(unit.shadow) is not None
        and _is_title_like(unit)
    )


def _has_structure(units: list[Unit]) -> bool:
    for unit in units:
        if isinstance(unit, Table):
            return True
        if section_marker(unit.shadow) or schedule_heading(unit.shadow):
            return True
    return False


def find_year(title: Line | None, body: list[Unit]) -> int | None:
    """The plan's year from its title or first lines; 20XX (a template) gives None."""
    lines = [title] if title else []
    lines += [unit for unit in body[:3] if isinstance(unit, Line)]
    for line in lines:
        match = _YEAR_RE.search(line.shadow)
        if match:
            year = match.group(1)
            return int(year) if year.isdigit() else None
    return None


# --- one plan -------------------------------------------------------------------------------


@dataclass
class _Open:
    kind: str
    section: Section
    value: int | None


@dataclass
class _PlanBuilder:
    title: Line | None
    simplified: bool
    warnings: list[str]
    stack: list[_Open] = field(default_factory=list)
    entry: Entry | None = None  # the schedule entry lines are added to
    heading: Entry | None = None  # the entry of the month heading above, if any
    entry_marked: bool = False  # the entry's items are numbered or bulleted
    counts: dict[str, int] = field(default_factory=dict)  # its items per marker kind
    first_kind: str | None = None  # the marker of its first numbered item
    list_kind: str | None = None  # the marker of a list whose entries each name their month
    details: bool = False  # lines under the last item are its 时间/规则/分组 details
    last_item: Item | None = None
    item_line: Line | None = None  # the line the last item came from
    undated: tuple[Line, Section | None, str] | None = None  # a numbered activity without month
    stated: set[int] = field(default_factory=set)  # sections whose aims a 工作目标： line lists
    stated_only: bool = False  # the plan lists its aims in 工作目标： lines
    item_count: int = 0
    closed_items: int = 0  # items whose line ends with a full stop or a bracket

    def build(self, body: list[Unit]) -> Plan:
        self.plan = Plan(self.title.text if self.title else "", find_year(self.title, body))
        body, self.plan.signed_by, self.plan.signed_on = _signature(body)
        if self.title is not None:
            body = _without_title_notes(body)
        # A plan that lists its aims in 工作目标：甲；乙。 lines (as our Word export writes
        # them) has its targets there; figures in its running text are not counted twice.
        self.stated_only = any(isinstance(u, Line) and _statement_targets(u) for u in body)
        for unit in body:
            if isinstance(unit, Table):
                self._table(unit)
            else:
                self._line(unit)
        if body and body[-1] is self.item_line:
            self._drop_truncated()
        return self.plan

    # body text and targets go to the innermost open section, or the plan's intro
    def _body(self, text: str, *, schedule: bool = False) -> None:
        if not self.stack:
            self.plan.intro.append(text)
            return
        section = self.stack[-1].section
        section.body.append(text)
        if not schedule:
            section.prose.append(text)

    def _prose(self, line: Line) -> None:
        self._body(line.text)
        if not (self._in_summary() or self.stated_only or self._container() in self.stated):
            _add_targets(self._targets(), find_targets(line))

    def _container(self) -> int:
        return id(self.stack[-1].section) if self.stack else 0

    def _targets(self) -> list[Target]:
        return self.stack[-1].section.targets if self.stack else self.plan.targets

    def _targets_statement(self, line: Line) -> bool:
        """工作目标：甲；乙。 — a line that lists the aims of its section (or of the plan, before
        any section): those are its targets, the figures of its running text are prose."""
        targets = _statement_targets(line)
        if not targets:
            return False
        if self._container() not in self.stated:
            self.stated.add(self._container())
            self._targets().clear()
        _add_targets(self._targets(), targets)
        if self.stack:  # written again from the targets on export: not part of the text
            self.stack[-1].section.body.append(line.text)
        return True

    def _in_summary(self) -> bool:
        """Inside 一、2023年工作回顾: figures there are achievements reported, not aims."""
        return any(_SUMMARY_RE.search(open_.section.title) for open_ in self.stack)

    def _table(self, table: Table) -> None:
        self._close_entry()
        entries = table_entries(table, simplified=self.simplified)
        self.plan.schedule.extend(entries)
        texts = [" | ".join(cell.replace("\n", " ") for cell in row) for row in table.rows]
        for line in Line.many(texts, simplified=self.simplified):  # one OpenCC call, not one a row
            self._body(line.text, schedule=True) if entries else self._prose(line)

    def _line(self, line: Line) -> None:
        when = schedule_heading(line.shadow)
        if when is not None:
            self._schedule_heading(line, when)
            return
        marker = section_marker(line.shadow)
        if marker is not None:
            rest = line.cut(marker.end)
            when = schedule_heading(rest.shadow)
            if when is not None and not rest.shadow[when.end :].strip():
                self._schedule_heading(rest, when, shown=line)  # （一）三月份： heads a list
                return
            if self._dated_item(line, rest, marker):
                return
        elif self._time_field(line):
            return
        if self.entry is not None and self._is_item(line, marker):
            return
        if marker is not None and marker.kind == self.list_kind and not self._continues(marker):
            self._close_entry()  # an entry of a dated list that names no month: not a section
            self.undated = (line.cut(marker.end), None, marker.kind)
            self._prose(line)
            return
        if marker is not None and self._open_section(marker.kind, line, marker):
            self.undated = (line.cut(marker.end), self.stack[-1].section, marker.kind)
            return
        if marker is None and self._targets_statement(line):
            return
        if marker is None and self._colon_heading(line):
            return
        if self.entry is not None:
            self._body(line.text, schedule=True)  # continuation inside the schedule: not an aim
            return
        self._prose(line)

    # --- schedule ---------------------------------------------------------------------------

    def _close_entry(self) -> None:
        self.entry = self.heading = self.last_item = None
        self.details = False

    def _start_entry(self, when: When, *, heading: bool) -> Entry:
        self.entry = Entry(when)
        self.heading = self.entry if heading else None
        self.entry_marked = not heading
        self.counts, self.first_kind = {}, None
        self.details = False
        self.last_item = None
        self.plan.schedule.append(self.entry)
        return self.entry

    def _add_item(self, entry: Entry, text: Line, source: Line) -> None:
        item = make_item(text, entry.when)
        entry.items.append(item)
        self.last_item, self.item_line, self.details = item, source, False
        self.item_count += 1
        self.closed_items += source.shadow.rstrip().endswith(_CLOSERS)
        self.undated = None

    def _schedule_heading(self, line: Line, when: When, *, shown: Line | None = None) -> None:
        self.list_kind = None
        entry = self._start_entry(when, heading=True)
        self._body((shown or line).text, schedule=True)
        start = len(line.shadow) - len(line.shadow.lstrip())
        rest = line.cut(start + when.end).strip()
        for activity in split_activities(rest, by_spaces=not line.flat) if rest else []:
            self._add_item(entry, activity, shown or line)

    def _dated_item(self, line: Line, rest: Line, marker: Marker) -> bool:
        """1、20xx年3月：毽球赛 / （1）4月左右… / …（二月）: a numbered activity naming its month."""
        when = month_prefix(rest.shadow)
        text = rest.cut(len(rest.shadow) - len(rest.shadow.lstrip()) + when.end) if when else rest
        if when is None:
            suffix = month_suffix(rest.shadow)
            if suffix is None:
                return False
            when = suffix[0]
        if not text.strip():
            return False
        heading = self.heading if self.entry is self.heading else None
        if heading is not None:
            inside = set(when.months) <= set(heading.when.months)
            if len(heading.when.months) == 1 or not inside:
                return False  # an item of the month heading above; its date is its day
            entry = Entry(when)  # 第一季度 … 3月…: the item keeps its own month
            self.plan.schedule.append(entry)
            self.entry_marked = True
            self.counts[marker.kind] = self.counts.get(marker.kind, 0) + 1
            self._add_item(entry, text, line)
            self._body(line.text, schedule=True)
            return True
        if self._continues(marker):
            return False
        self.list_kind = marker.kind
        entry = self._start_entry(when, heading=False)
        for activity in split_activities(text, by_spaces=False):
            self._add_item(entry, activity, line)
        self._body(line.text, schedule=True)
        return True

    def _time_field(self, line: Line) -> bool:
        """时间：3月末 under a numbered activity that named no month gives it one."""
        when = time_field(line.shadow)
        if when is None or self.undated is None:
            return False
        text, section, kind = self.undated
        if section is not None:
            self._unopen(section)
        self.list_kind = kind  # its numbered siblings are activities of their own time
        entry = self._start_entry(when, heading=False)
        self._add_item(entry, text, line)
        self.details = True
        self._body(line.text, schedule=True)
        return True

    def _unopen(self, section: Section) -> None:
        """Take back a section just opened for what turned out to be an activity."""
        if section.children or not self.stack or self.stack[-1].section is not section:
            return
        self.stack.pop()
        parent = self.stack[-1].section.children if self.stack else self.plan.sections
        if parent and parent[-1] is section:
            parent.pop()
            self._body(section.title, schedule=True)

    def _is_item(self, line: Line, marker: Marker | None) -> bool:
        """Add ``line`` to the open month as an activity (or a detail of one) if it is one."""
        assert self.entry is not None
        if marker is not None:
            if not self._marker_is_item(marker):
                return False
            text = line.cut(marker.end)
            self.entry_marked = True
            if not self.counts:
                self.first_kind = marker.kind
            self.counts[marker.kind] = self.counts.get(marker.kind, 0) + 1
        elif bullet_end(line.shadow):
            text = line.cut(bullet_end(line.shadow))
            self.entry_marked = True
        elif self._colon_heading_match(line) is not None:
            return False
        elif self.last_item is not None and (self.details or _is_detail(line.shadow)):
            self.details = True  # 具体分组：… 赛制：… (…另定。): details, not activities
            self._body(line.text, schedule=True)
            return True
        elif (
            self.entry_marked
            and self.last_item is not None
            and len(line) <= _MAX_CONTINUATION
            and not _CLOSING_RE.match(line.shadow)
        ):
            self.last_item.text += " " + line.text  # an unnumbered line continues the item
            self.item_line = line
            self._body(line.text, schedule=True)
            return True
        elif not self.entry_marked and len(line) <= 80:
            text = line
        else:
            return False
        if text.strip():
            self._add_item(self.entry, text, line)
        self._body(line.text, schedule=True)
        return True

    def _marker_is_item(self, marker: Marker) -> bool:
        """A numbered line under a month is an activity, unless it continues the sections
        around the schedule; 一、二、 restarting inside a month's cell are activities too."""
        if self.list_kind == marker.kind and self.heading is None:
            return False  # the next entry of a dated list, naming no month
        counted = self.counts.get(marker.kind, 0)
        value = _marker_value(marker.number)
        if self._continues(marker):
            return marker.kind in ("num", "pnum") and value == counted + 1
        if marker.kind in ("num", "pnum"):
            return True
        # 一、 under 3月 numbers that month's items only if it is how they are numbered: the
        # first item, or the next after items numbered so (一、保障措施 after 1. 2. is not)
        entry = self.entry
        assert entry is not None
        return value == counted + 1 and (not entry.items or self.first_kind == marker.kind)

    def _continues(self, marker: Marker) -> bool:
        """True when 4、 after 3、 continues the numbered sections that are open."""
        value = _marker_value(marker.number)
        for open_ in self.stack:
            if open_.kind == marker.kind and open_.value is not None and value is not None:
                return value == open_.value + 1
        return False

    def _drop_truncated(self) -> None:
        """The last line of a cut-off excerpt (…深入贯) is not an activity: drop it, say so.

        Only where the other activities end with a full stop, so that one without it stands out.
        """
        item, line = self.last_item, self.item_line
        if item is None or line is None or line.shadow.rstrip().endswith(_CLOSERS):
            return
        closed, total = self.closed_items - 1, self.item_count - 1  # the others
        if closed < 2 or closed * 2 < total:
            return
        for entry in self.plan.schedule:
            if item in entry.items:
                entry.items.remove(item)
        self.plan.schedule = [entry for entry in self.plan.schedule if entry.items]
        self.warnings.append(
            f"文末最后一项“{item.text[:30]}”似乎不完整（文件被截断），未作为活动导入，请核对原文。"
        )

    # --- sections ---------------------------------------------------------------------------

    def _open_section(self, kind: str, line: Line, marker: Marker | None) -> bool:
        """Open a section at the level its marker kind has in this plan; False if too deep."""
        kinds = [open_.kind for open_ in self.stack]
        depth = kinds.index(kind) if kind in kinds else None
        if depth is None:
            depth = len(kinds)
            while depth and _KIND_RANK[kinds[depth - 1]] > _KIND_RANK[kind]:
                depth -= 1
        if depth >= MAX_LEVEL:
            return False
        del self.stack[depth:]
        self._close_entry()
        self.list_kind = None
        end = marker.end if marker else 0
        title, body = _split_title(line.cut(end))
        number = line.text[:end].strip() if marker else None
        section = Section(depth + 1, number or None, title.text)
        if body:
            section.body.append(body.text)
            section.prose.append(body.text)
        if not self._in_summary() and not _SUMMARY_RE.search(title.shadow):
            _add_targets(section.targets, find_targets(title) + find_targets(body))
        parent = self.stack[-1].section.children if self.stack else self.plan.sections
        parent.append(section)
        value = _marker_value(marker.number) if marker else None
        self.stack.append(_Open(kind, section, value))
        return True

    def _colon_heading_match(self, line: Line) -> re.Match[str] | None:
        match = _COLON_HEADING_RE.match(line.shadow)
        if match and match.group(1).endswith(_HEADING_NOUNS):
            return match
        return None

    def _colon_heading(self, line: Line) -> bool:
        """指导思想：… as a section, while no numbered section is open."""
        if any(open_.kind != "head" for open_ in self.stack):
            return False
        if self._colon_heading_match(line) is None:
            return False
        return self._open_section("head", line, None)


def _statement_targets(line: Line) -> list[Target]:
    """The targets of a 工作目标：甲；乙。 line, when each of its phrases is one; else []
    (工作目标：以服务职工为中心… is a heading with its text)."""
    match = _STATEMENT_RE.match(line.shadow)
    if not match:
        return []
    rest = line.cut(match.end())
    phrases = [p for p in _PHRASE_SPLIT_RE.split(rest.shadow) if p.strip(STRIP)]
    targets = find_targets(rest)
    return targets if targets and len(targets) >= len(phrases) else []


def _add_targets(found: list[Target], new: list[Target]) -> None:
    """Add ``new`` targets to a section's, each aim once: a section that states an aim in
    its text and again in a 工作目标： sentence (as our Word export writes it) has it once."""
    seen = {_target_key(target) for target in found}
    for target in new:
        if _target_key(target) not in seen:
            seen.add(_target_key(target))
            found.append(target)


def _target_key(target: Target) -> tuple:
    return (to_simplified(target.text), target.comparator, target.value, target.high, target.unit)


def _without_title_notes(body: list[Unit]) -> list[Unit]:
    """The body without the bracketed notes under its title: they are about the document
    (its year, draft or approval), not text of the plan's introduction."""
    start = 0
    while start < len(body) and _is_title_note(body[start]):
        start += 1
    return body[start:]


def _is_title_note(unit: Unit) -> bool:
    if not isinstance(unit, Line):
        return False
    text = unit.shadow.strip()
    return bool(_TITLE_NOTE_RE.match(text)) and not _MARKER_ONLY_RE.match(text)


def _signature(body: list[Unit]) -> tuple[list[Unit], str, tuple[int, int, int] | None]:
    """The 落款 at the end of a plan — its organization and 成文日期 — taken off the body.

    A date line alone (2027年1月8日, 二〇二七年一月八日) is one; the short line before it
    is the organization when it reads as a name (no punctuation, no numbering).
    """
    if not body or not isinstance(body[-1], Line):
        return body, "", None
    date = _signature_date(body[-1].shadow)
    if date is None:
        return body, "", None
    before = body[-2] if len(body) > 1 else None
    if isinstance(before, Line) and _is_signer(before.shadow):
        return body[:-2], before.text, date
    return body[:-1], "", date


def _signature_date(shadow: str) -> tuple[int, int, int] | None:
    match = _SIGNATURE_DATE_RE.match(shadow.strip())
    if not match:
        return None
    year, month, day = (parse_chinese_number(part.replace("○", "〇")) for part in match.groups())
    if year is None or month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _is_signer(shadow: str) -> bool:
    return (
        0 < len(shadow) <= _MAX_SIGNER
        and not _SIGNER_PUNCTUATION_RE.search(shadow)
        and section_marker(shadow) is None
        and schedule_heading(shadow) is None
    )


def _is_detail(shadow: str) -> bool:
    """时间：… 规则：… 具体分组：… or a note in brackets: a detail of the activity above."""
    return _DETAIL_RE.match(shadow) is not None


def _split_title(rest: Line) -> tuple[Line, Line]:
    """Title up to the first 。/：/；, body after it; a line without one is all title.

    In text flattened onto one line, 指导思想 以服务职工为中心…。 has its title before the
    space when it is a heading word (…思想, …措施).
    """
    rest = rest.strip(" \t")
    end = _TITLE_END_RE.search(rest.shadow, 1)
    if rest.flat:
        space = _FLAT_HEADING_RE.search(rest.shadow)
        before = space.start() if space else -1
        if space and (end is None or before < end.start()):
            title = rest.shadow[:before]
            if title.endswith(_HEADING_NOUNS):
                return rest.cut(0, before), rest.cut(space.end()).strip(" \t")
    if end is not None:
        index = end.start()
        return rest.cut(0, index).strip(), rest.cut(index + 1).strip(" \t")
    return rest.strip(), Line("", "")


def _marker_value(number: str) -> int | None:
    digits = _NOT_DIGIT_RE.sub("", number)
    if number and number[0] in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return ord(number[0]) - ord("①") + 1
    return parse_chinese_number(digits) if digits else None
