"""The scope language: a 参加范围 such as 70周岁以上退休老教师 read as a filter over members.

Pure Python, no Django. Public API::

    parse_scope(text: str) -> ScopeResult
        ScopeResult.text, .filter (ScopeFilter), .unresolved (list[str]), .notes (list[str]),
        .resolved (no unresolved words), .is_everyone,
        .to_json() -> {"text", "filter", "unresolved", "notes"}
    ScopeFilter  (dataclass; .to_dict() / ScopeFilter.from_dict(d); .is_everyone())
    MemberRecord (dataclass: birth_date, gender, status, tags, department, post,
                  children_birth_dates, name, hired_on, joined_on, own, grassroots, sector)
    UnionRecord  (dataclass: kind, sector) — a union below, for scopes of unions
    matches(filter: ScopeFilter, member: MemberRecord, on_date: date) -> bool
    union_matches(filter: ScopeFilter, union: UnionRecord) -> bool
    new_hire_window(on_date) -> (first, last)                # hire dates that are 新入职
    age_on(birth_date, on_date) -> int                       # 周岁
    age_bounds_to_birth_dates(age_min, age_max, on_date) -> (earliest_birth, latest_birth)
    canonical_tag(word) -> str; status_code(word) -> str | None   # shared with the roster
    normalize_scope_text(text) -> str

The filter shape (``ScopeFilter.to_dict()``, every key always present)::

    {"target": "members" | "children" | "unions",
     "age_min": int | null, "age_max": int | null,          # 周岁 on the reference date, inclusive
     "gender": "female" | "male" | null,
     "status": ["active" | "retired" | "left", ...],       # any-of
     "tags": ["劳模", "困难职工", ...],                      # any-of, canonical Chinese tag names
     "posts": ["教师", "护士", ...],                         # any-of, member.post contains the word
     "departments": ["内科", ...],                           # any-of, member.department equals it
     "birthday_month": 1..12 | "current" | null,           # "current": month of the reference date
     "children_age_min": int | null, "children_age_max": int | null,
     "new_hire": bool,                                       # 新入职 (see filter.py)
     "union_level": "own" | "grassroots" | null,            # 总工会机关干部 / 基层工会主席
     "sectors": ["enterprise", ...],                         # the member's union's sector
     "hardship": "any" | "deep" | null,                     # 困难职工 / 特困职工: hardship files
     "any_of": [ <same shape, no nested any_of> ]}          # member must also match one of them

Rules: set fields are AND-ed; see ``unionplan.scope.filter`` for the exact semantics and
``unionplan.scope.parser`` for how phrases are read (以上/以下/以内 include the number,
不满/超过 do not, 民法典 第1259条). A result with ``unresolved`` words must not be applied as
it stands: show the words to the user, with ``notes`` (where the answer to a welfare word
such as 生病住院 or 单亲 will come from); 困难职工 is read from the hardship files. 全体教职工 / 全市职工 / 全县 / 全体会员 give an
empty filter and no unresolved words (everyone); an empty text gives unresolved ["（空）"];
部分职工, 参赛职工, 高考 … give unresolved words because the registry cannot tell who they are.
"""

from unionplan.scope.filter import (
    CURRENT_MONTH,
    STATUSES,
    MemberRecord,
    ScopeFilter,
    UnionRecord,
    age_bounds_to_birth_dates,
    age_on,
    matches,
    new_hire_window,
    union_matches,
)
from unionplan.scope.parser import ScopeResult, normalize_scope_text, parse_scope
from unionplan.scope.vocabulary import TAG_SYNONYMS, canonical_tag, status_code

__all__ = [
    "CURRENT_MONTH",
    "STATUSES",
    "TAG_SYNONYMS",
    "MemberRecord",
    "ScopeFilter",
    "ScopeResult",
    "UnionRecord",
    "age_bounds_to_birth_dates",
    "age_on",
    "canonical_tag",
    "matches",
    "new_hire_window",
    "normalize_scope_text",
    "parse_scope",
    "status_code",
    "union_matches",
]
