"""The draft-plan generator: a sector's typical union year laid out on real dates. No Django.

Public API::

    from unionplan.generator import generate_plan, draft_warnings, load_library, LibraryError

    plan = generate_plan("school", 2027, organization="XX中学工会", holidays=calendar)
    # -> unionplan.plan.data.PlanData: sections (指导思想, 工作目标, 主要工作 with （一）…,
    #    保障措施), targets (plan-level and inside sections), items sorted by date, each with
    #    month, date (end_date/end_month for spans), scope, owner, budget, category.
    draft_warnings(2027, calendar)   # ["尚未收录2027年的法定节假日安排…"] when dates are tentative
    load_library("hospital")         # -> Library (validated); load_library_file(path) for one file

``sector`` is a code of ``unionplan.vocab.SECTORS``; "other" uses the enterprise library. An
unknown sector or a year outside 1950–2100 raises ``UserInputError``; a malformed library
file raises ``LibraryError`` (a UserInputError) naming the file and the entry.

The library is data, not code: one TOML file per sector in ``unionplan/generator/library/``
(format: ``library/README.md``). ``load_library(sector, directory)`` reads an operator's
edited copy from another directory. Budgets: ``budget`` (a fixed amount) or
``budget_per_person`` × ``headcount`` (the activity's, else the library's default headcount).
"""

from unionplan.generator.dating import date_activity
from unionplan.generator.library import (
    LIBRARY_DIR,
    Activity,
    Library,
    LibraryError,
    SectionTemplate,
    TargetTemplate,
    check_sector,
    load_library,
    load_library_file,
    parse_library,
)
from unionplan.generator.plan import draft_warnings, generate_plan, item_budget

__all__ = [
    "LIBRARY_DIR",
    "Activity",
    "Library",
    "LibraryError",
    "SectionTemplate",
    "TargetTemplate",
    "check_sector",
    "date_activity",
    "draft_warnings",
    "generate_plan",
    "item_budget",
    "load_library",
    "load_library_file",
    "parse_library",
]
