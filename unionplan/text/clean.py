"""Cleaning text copied from the web or Word before it is parsed or shown.

Model plans found on the web carry scrape noise: pinyin in brackets after characters
(發(fā)展), HTML leftovers (</p>, &nbsp;), characters garbled by a wrong decode (慶?;顒?),
mixed full- and half-width punctuation, and runs of blank lines. Cleaning removes the noise
but keeps the script: traditional text stays traditional unless simplified output is asked
for. ``to_simplified`` gives the simplified "shadow" against which markers and keywords are
matched, so traditional input parses as well as simplified.
"""

from __future__ import annotations

import html
import re
from functools import cache

import opencc

from unionplan.text.charset import common_hanzi

CJK = "\u3400-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê"
_SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv{_TONED}]{{1,3}}(?:ng|n|r)?[1-5]?"
# 發(fā)展 -> 發展: one to four pinyin syllables in brackets right after a Chinese character.
_PINYIN_RE = re.compile(
    rf"(?<=[{CJK}])[(（]\s*{_SYLLABLE}(?:\s+{_SYLLABLE}){{0,3}}\s*[)）]", re.IGNORECASE
)
_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>")
# A closing tag whose "<" was lost: 活動?/p>
_BROKEN_TAG_RE = re.compile(r"/(?:p|div|span|br|li|td|tr|th|strong|b|font|a)>", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE_RE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_WIDE_ALNUM = {chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B)]}
_WIDE_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_WIDE_ALNUM.update({"．": ".", "％": "%", "﹪": "%", "｜": "|", "～": "~"})
_WIDE_RE = re.compile(f"[{''.join(_WIDE_ALNUM)}]")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
# ASCII punctuation touching a Chinese character (spaces allowed) becomes full-width.
_HALF_PUNCT_RE = re.compile(rf"(?<=[{CJK}])[ \t]*[,;:!?()]|[,;:!?()](?=[ \t]*[{CJK}“”‘’《])")
# A full stop typed as "." between Chinese words (…权益.充分发挥…) ends a sentence.
_HALF_STOP_RE = re.compile(rf"(?<=[{CJK}”\"])[ \t]*\.(?=[ \t]*(?:[{CJK}“\"]|$))", re.MULTILINE)
_BLANK_RUNS_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
# Only from the start of a run of spaces: "[ \t]+\n" alone retries at every space of a long
# run without a line break, which is quadratic (a megabyte of spaces took minutes).
_TRAILING_SPACE_RE = re.compile(r"(?<![ \t])[ \t]+\n")
_MOJIBAKE_CHARS = "?\ufffd;"
_MARK_RE = re.compile("[?\ufffd]")
_MARK = "\u0001"  # a control character on a line of its own separates texts (clean_many)


def clean_text(text: str) -> str:
    """``text`` without scrape noise, with normalised punctuation and spacing."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    text = _TAG_RE.sub("", text)
    text = _BROKEN_TAG_RE.sub("", text)
    text = _ENTITY_RE.sub(_unescape_entity, text)
    text = _SPACES_RE.sub(" ", text)  # &nbsp; became U+00A0
    text = _PINYIN_RE.sub("", text)
    text = drop_mojibake(text)
    text = _WIDE_RE.sub(lambda match: _WIDE_ALNUM[match.group()], text)
    text = _HALF_PUNCT_RE.sub(_widen, text)
    text = _HALF_STOP_RE.sub("。", text)
    text = _TRAILING_SPACE_RE.sub("\n", text)
    text = _BLANK_RUNS_RE.sub("\n\n", text)
    return text.strip()


def clean_many(texts: list[str]) -> list[str]:
    """``clean_text`` of each text, in one pass of each regex over all of them.

    Each call of clean_text costs a dozen regex passes; a table of 100,000 cells cleaned one
    cell at a time spent seconds on that alone. The separator line survives cleaning and
    no pattern reaches across it (none crosses a line break into a control character).
    """
    if len(texts) < 2 or any(_MARK in text for text in texts):
        return [clean_text(text) for text in texts]
    pieces = clean_text(f"\n{_MARK}\n".join(texts)).split(_MARK)
    if len(pieces) != len(texts):  # not expected; be safe rather than misaligned
        return [clean_text(text) for text in texts]
    return [piece.strip() for piece in pieces]


def clean_line(text: str) -> str:
    """``clean_text`` for one line or table cell: inner line breaks become spaces."""
    return " ".join(clean_text(text).split("\n")).strip()


def _unescape_entity(match: re.Match[str]) -> str:
    value = html.unescape(match.group())
    if value.isspace():
        return " "
    return value if value.isprintable() else ""


def _widen(match: re.Match[str]) -> str:
    return _HALF_TO_FULL[match.group().strip(" \t")]


def drop_mojibake(text: str) -> str:
    """Remove runs like ``?;顒?`` left by a wrong decode: a ? or U+FFFD next to rare hanzi.

    A question mark between ordinary words is kept; U+FFFD is always dropped. Each run is
    judged once, however many marks it holds, so a long run of ? stays linear.
    """
    if "?" not in text and "\ufffd" not in text:
        return text
    common = common_hanzi()
    pieces, position, judged = [], 0, 0
    for match in _MARK_RE.finditer(text):
        if match.start() < judged:
            continue  # inside a run already judged
        start, end = _garbled_run(text, match.start(), common)
        judged = end
        run = text[start:end]
        if "\ufffd" in run or any(_is_rare(ch, common) for ch in run):
            pieces.append(text[position:start])
            position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _garbled_run(text: str, index: int, common: frozenset[str]) -> tuple[int, int]:
    start, end = index, index + 1
    while start > 0 and _is_garbage(text[start - 1], common):
        start -= 1
    while end < len(text) and _is_garbage(text[end], common):
        end += 1
    return start, end


def _is_garbage(ch: str, common: frozenset[str]) -> bool:
    return ch in _MOJIBAKE_CHARS or _is_rare(ch, common)


def _is_rare(ch: str, common: frozenset[str]) -> bool:
    return "\u3400" <= ch <= "\u9fff" and ch not in common


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (OpenCC t2s); simplified text comes back unchanged."""
    return _converter("t2s").convert(text) if text else text
