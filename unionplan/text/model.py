"""What the parser finds, before it becomes JSON (DESIGN.md §5) or ``PlanData``.

Texts are kept as written (traditional stays traditional) unless simplified output was
asked for; days stay without a year until the plan's year is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from unionplan.text.markers import When


@dataclass
class Target:
    """A quantified aim: 不少于4次 -> (">=", 4, None, "次"); a range has ``high`` too."""

    text: str
    comparator: str
    value: Decimal
    high: Decimal | None = None
    unit: str = ""


@dataclass
class Item:
    """One activity of the schedule."""

    text: str
    scope: str | None = None
    day: tuple[int, int] | None = None  # (month, day) written in the activity or heading
    end_day: tuple[int, int] | None = None
    owner: str = ""
    budget: Decimal | None = None


@dataclass
class Entry:
    """A schedule heading (a month, a span, a quarter, a date, a table row) and its items."""

    when: When
    items: list[Item] = field(default_factory=list)


@dataclass
class Section:
    """A numbered (or 指导思想：-style) part of a plan."""

    level: int
    number: str | None
    title: str
    body: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    # The body less the lines that became schedule items: the text a saved plan keeps, so
    # that a Word export does not print the month table twice (as text and as a table).
    prose: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """One plan of a document; ``intro`` is the text before its first section."""

    title: str
    year: int | None = None
    intro: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    schedule: list[Entry] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)  # found outside any section
    # The 落款 at the end: who signed and when (year, month, day), if the plan has one.
    signed_by: str = ""
    signed_on: tuple[int, int, int] | None = None

    def all_targets(self) -> list[Target]:
        """Targets in document order: the intro's, then each section's, depth first."""
        found = list(self.targets)

        def walk(sections: list[Section]) -> None:
            for section in sections:
                found.extend(section.targets)
                walk(section.children)

        walk(self.sections)
        return found
