"""A piece of text together with its simplified shadow, cut in step.

Markers and keywords are matched on the shadow (so 篇一, 一月份 and 不少於 are found in
traditional text too) while what is shown comes from the text as written. OpenCC's t2s almost
always keeps the length; where it does not, the shadow is shown instead, so that a cut made
on the shadow is always a cut of the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionplan.text.clean import to_simplified

_JOIN = "\u0001"  # a control character no cleaned text contains
STRIP = " \t\n。；;，,：:、.．!！?？"


@dataclass(frozen=True)
class Line:
    text: str
    shadow: str
    # Cut out of text flattened onto one line: its spaces are lost line breaks, not separators.
    flat: bool = False

    @classmethod
    def of(cls, text: str, *, simplified: bool = False, shadow: str | None = None) -> Line:
        """A line whose shadow is ``text`` in simplified characters."""
        if shadow is None:
            shadow = to_simplified(text)
        if simplified or len(shadow) != len(text):
            return cls(shadow, shadow)
        return cls(text, shadow)

    @classmethod
    def many(cls, texts: list[str], *, simplified: bool = False) -> list[Line]:
        """``Line.of`` for many texts with one call to OpenCC (each call has a cost)."""
        shadows = to_simplified(_JOIN.join(texts)).split(_JOIN)
        if len(shadows) != len(texts):
            shadows = [to_simplified(text) for text in texts]
        return [
            cls.of(text, simplified=simplified, shadow=shadow)
            for text, shadow in zip(texts, shadows, strict=True)
        ]

    def cut(self, start: int, end: int | None = None) -> Line:
        return Line(self.text[start:end], self.shadow[start:end], self.flat)

    def strip(self, chars: str = STRIP) -> Line:
        """Strip ``chars`` from both ends of text and shadow alike."""
        shadow = self.shadow
        if not shadow or (shadow[0] not in chars and shadow[-1] not in chars):
            return self  # most lines: nothing to strip, no new Line
        start = len(self.shadow) - len(self.shadow.lstrip(chars))  # in C, not a Python loop
        end = start + len(self.shadow[start:].rstrip(chars))
        return self.cut(start, end)

    def __bool__(self) -> bool:
        return bool(self.shadow)

    def __len__(self) -> int:
        return len(self.shadow)
