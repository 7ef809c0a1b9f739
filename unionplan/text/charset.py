"""Decoding the bytes of a text file whose encoding nobody told us.

Plans come as UTF-8 (with or without BOM), GB18030/GBK from old Windows machines, or Big5
from Taiwan and Hong Kong pages. A wrong guess gives plausible-looking garbage, so every
candidate decode is scored by how much of it is ordinary Chinese text: the common characters
of GB2312 (level 1) and Big5 (常用字), ASCII and CJK punctuation. charset-normalizer's guess
is one candidate among the strict decodes, never taken on trust.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from functools import cache

from charset_normalizer import from_bytes

from unionplan.errors import UserInputError

# Only the head of a big file is scored: enough to tell encodings apart, cheap on 20 MB.
_SAMPLE_BYTES = 64 * 1024
# Below this share of ordinary characters the bytes are not a text document.
MIN_TEXT_SCORE = 0.6
_CANDIDATES = ("utf-8", "gb18030", "big5hkscs")
_SCORE_CHARS = 16_000
_PUNCTUATION = frozenset("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』～％　＃＊＋－／＝")


@cache
def common_hanzi() -> frozenset[str]:
    """The ~6,800 characters of everyday Chinese, simplified and traditional."""
    chars: set[str] = set()
    for high in range(0xB0, 0xD8):  # GB2312 level 1: the 3,755 most frequent hanzi
        for low in range(0xA1, 0xFF):
            _add_decoded(chars, bytes([high, low]), "gb2312")
    for high in range(0xA4, 0xC7):  # Big5 常用字 (frequently used characters)
        for low in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            _add_decoded(chars, bytes([high, low]), "big5")
    return frozenset(chars)


def _add_decoded(chars: set[str], raw: bytes, encoding: str) -> None:
    with contextlib.suppress(UnicodeDecodeError):
        chars.add(raw.decode(encoding))


def text_score(text: str) -> float:
    """Share of ``text`` that is ordinary: ASCII, common hanzi, CJK punctuation."""
    text = text[:_SCORE_CHARS]
    if not text:
        return 0.0
    unusual = _ordinary_re().sub("", text)
    return 1 - len(unusual) / len(text)


@cache
def _ordinary_re() -> re.Pattern[str]:
    """One character class for all ordinary characters: matched in C, not in a Python loop."""
    chars = "".join(sorted(common_hanzi() | _PUNCTUATION))
    return re.compile(f"[ -~\t\r\n{re.escape(chars)}]+")


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` for the bytes of a text file; UserInputError if it is not text."""
    if not data.strip():
        raise UserInputError("文件为空，没有可以识别的内容。")
    bom = _decode_bom(data)
    if bom is not None:
        return bom
    if b"\x00" in data[:_SAMPLE_BYTES]:
        raise UserInputError(
            "文件不是文本文件（含有二进制内容），请上传 .txt、.docx 或 .html 文件。"
        )
    best = _best_candidate(data)
    if best is None:
        raise UserInputError("无法识别文件的文字编码，请另存为 UTF-8 编码的文本后再试。")
    encoding, score = best
    if score < MIN_TEXT_SCORE:
        raise UserInputError("文件内容不像中文文本（可能是二进制文件或编码已损坏）。")
    return data.decode(encoding, errors="replace"), encoding


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    boms = [
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ]
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UserInputError(f"文件声明为 {encoding} 编码，但内容已损坏。") from None
            if not text.strip():
                raise UserInputError("文件为空，没有可以识别的内容。")
            if text_score(text[:_SAMPLE_BYTES]) < MIN_TEXT_SCORE:
                raise UserInputError("文件内容不像中文文本（可能是二进制文件或编码已损坏）。")
            return text, encoding
    return None


def _best_candidate(data: bytes) -> tuple[str, float] | None:
    """The encoding whose strict decode of the sample reads most like Chinese text."""
    sample = data[:_SAMPLE_BYTES]
    truncated = len(data) > len(sample)
    utf8 = _strict_decode(sample, "utf-8", truncated=truncated)
    utf8_score = text_score(utf8) if utf8 is not None else 0.0
    if utf8_score >= MIN_TEXT_SCORE:
        # Valid UTF-8 with Chinese in it is practically never another encoding.
        return "utf-8", utf8_score
    candidates = list(_CANDIDATES)
    guess = _normalizer_guess(sample)
    if guess and guess not in candidates:
        candidates.append(guess)
    scored: list[tuple[float, int, str]] = []
    for rank, encoding in enumerate(candidates):
        text = _strict_decode(sample, encoding, truncated=truncated)
        if text is not None:
            scored.append((text_score(text), -rank, encoding))
    if not scored:
        return None
    score, _, encoding = max(scored)
    return encoding, score


def _normalizer_guess(sample: bytes) -> str | None:
    match = from_bytes(sample).best()
    if match is None:
        return None
    try:
        return codecs.lookup(match.encoding).name
    except LookupError:
        return None


def _strict_decode(sample: bytes, encoding: str, *, truncated: bool) -> str | None:
    """The sample decoded without errors; a multi-byte character cut at the end is allowed."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        return decoder.decode(sample, final=not truncated)
    except (UnicodeDecodeError, LookupError):
        return None
