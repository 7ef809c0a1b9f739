"""Synthetic but realistic registry data for benchmarks: pure, seeded, fast.

``iter_federation`` yields 1,000,000 members of 1,000 unions by default (valid ID numbers,
names, departments and posts fitting the union's sector, statuses, tags, children), as plain
dataclasses so the caller decides how to store them. Names, phone and ID numbers are drawn
as the demo draws them (``unionplan.roster.synthetic``). ``write_roster_file`` writes the
100,000-row .xlsx the import benchmark reads. Same seed, same data.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from unionplan.roster.synthetic import person_name, phone_number, unique_id_number

PROVINCES = ("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36",
             "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
             "63", "64", "65")  # fmt: skip
SECTORS = {
    "school": (("语文组", "数学组", "英语组", "理化生组", "教务处", "后勤处", "行政办公室"),
               ("教师", "教师", "教师", "班主任", "教务员", "后勤职工")),
    "hospital": (("内科", "外科", "儿科", "妇产科", "护理部", "药剂科", "行政办公室"),
                 ("医生", "护士", "护士", "药师", "检验师", "行政人员")),
    "enterprise": (("生产车间", "技术部", "销售部", "财务部", "质检部", "办公室"),
                   ("工人", "工人", "技术员", "销售员", "会计", "班组长")),
    "agency": (("办公室", "综合科", "业务科", "财务科", "人事科"),
               ("科员", "科员", "科长", "主任", "办事员")),
}  # fmt: skip
TAGS = (("党员", 0.25), ("职工代表", 0.08), ("工会干部", 0.04), ("困难职工", 0.03),
        ("退役军人", 0.03), ("患病", 0.02), ("劳模", 0.01))  # fmt: skip
ROSTER_HEADERS = ("姓名", "性别", "出生日期", "身份证号", "手机", "部门", "职务")


@dataclass(slots=True)
class SyntheticUnion:
    index: int
    name: str
    sector: str
    region: str  # six digits, unique per union, so ID numbers never collide across unions


@dataclass(slots=True)
class SyntheticMember:
    union: int
    name: str
    gender: str
    birth_date: date
    id_number: str
    phone: str
    department: str
    post: str
    status: str
    joined_on: date
    tags: tuple[str, ...]
    children: tuple[tuple[str, date], ...]


def iter_unions(count: int = 1000, seed: int = 2025) -> Iterator[SyntheticUnion]:
    """Unions of every sector, each with its own region code."""
    rng = random.Random(seed)
    sectors = list(SECTORS)
    for index in range(count):
        sector = rng.choice(sectors)
        region = f"{PROVINCES[index % len(PROVINCES)]}{index // len(PROVINCES) + 100:04d}"
        kind = {"school": "学校", "hospital": "医院", "enterprise": "公司", "agency": "局"}[sector]
        yield SyntheticUnion(index, f"第{index + 1}{kind}工会", sector, region)


def union_sizes(unions: int, members: int, rng: random.Random) -> list[int]:
    """Uneven union sizes (a few large, many small) that add up to ``members`` exactly."""
    weights = [rng.paretovariate(1.5) for _ in range(unions)]
    total = sum(weights)
    sizes = [int(members * w / total) for w in weights]
    for i in range(members - sum(sizes)):
        sizes[i % unions] += 1
    return sizes


class _Person:
    """Draws one person at a time; kept as a class so the hot loop only does lookups."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today

    def name(self, gender: str, born: date) -> str:
        return person_name(self.rng, gender, born)

    def birth_and_status(self) -> tuple[date, str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.2:
            age_days = rng.randrange(60 * 365, 92 * 365)
            status = "retired"
        else:
            age_days = rng.randrange(20 * 365, 60 * 365)
            status = "left" if roll > 0.98 else "active"
        return self.today - timedelta(days=age_days), status

    def phone(self) -> str:
        return phone_number(self.rng)

    def tags(self) -> tuple[str, ...]:
        return tuple(tag for tag, share in TAGS if self.rng.random() < share)

    def children(self, birth: date) -> tuple[tuple[str, date], ...]:
        rng = self.rng
        kids = []
        for _ in range(rng.choice((0, 0, 1, 1, 1, 2))):
            born = birth + timedelta(days=rng.randrange(24 * 365, 40 * 365))
            if born < self.today:
                kids.append((self.name(rng.choice(("male", "female")), born), born))
        return tuple(kids)


def iter_federation(
    unions: int = 1000, members: int = 1_000_000, seed: int = 2025, today: date | None = None
) -> Iterator[SyntheticMember]:
    """``members`` people spread over ``unions`` unions, with valid and unique ID numbers."""
    rng = random.Random(seed)
    person = _Person(rng, today or date(2025, 1, 1))
    union_list = list(iter_unions(unions, seed))
    for union, size in zip(union_list, union_sizes(unions, members, rng), strict=True):
        departments, posts = SECTORS[union.sector]
        used: set[str] = set()
        for _ in range(size):
            yield _member(union, departments, posts, person, used)


def _member(
    union: SyntheticUnion,
    departments: tuple[str, ...],
    posts: tuple[str, ...],
    person: _Person,
    used: set[str],
) -> SyntheticMember:
    rng = person.rng
    birth, status = person.birth_and_status()
    gender = "male" if rng.random() < 0.5 else "female"
    id_number = unique_id_number(rng, birth, gender, union.region, used)
    joined = birth + timedelta(days=rng.randrange(20 * 365, 30 * 365))
    return SyntheticMember(
        union=union.index,
        name=person.name(gender, birth),
        gender=gender,
        birth_date=birth,
        id_number=id_number,
        phone=person.phone(),
        department=rng.choice(departments),
        post=rng.choice(posts),
        status=status,
        joined_on=min(joined, person.today),
        tags=person.tags(),
        children=person.children(birth) if status == "active" else (),
    )


def roster_rows(
    count: int = 100_000, seed: int = 7, changed: bool = False
) -> Iterator[tuple[object, ...]]:
    """Rows for ROSTER_HEADERS: one union-sized slice of synthetic people, as cell values.

    ``changed``: the same people, each with another phone number (last digit + 1), so that
    re-importing it updates every row instead of finding nothing to change.
    """
    for member in iter_federation(unions=1, members=count, seed=seed):
        gender = "男" if member.gender == "male" else "女"
        phone = member.phone
        if changed:
            phone = phone[:-1] + str((int(phone[-1]) + 1) % 10)
        yield (member.name, gender, member.birth_date, member.id_number, phone,
               member.department, member.post)  # fmt: skip


def write_roster_file(
    path: str | Path, count: int = 100_000, seed: int = 7, changed: bool = False
) -> Path:
    """Write a ``count``-row .xlsx roster (7 columns) with openpyxl's write-only mode."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员名册")
    sheet.append(ROSTER_HEADERS)
    for row in roster_rows(count, seed, changed):
        sheet.append(row)
    workbook.save(str(path))
    return Path(path)
