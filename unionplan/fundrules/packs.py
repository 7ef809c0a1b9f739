"""Rule packs: reading, validating and choosing the one in force.

A pack file has a ``[pack]`` table (id, province, title, document_number, in_force_from,
optionally in_force_until, status, unverified, source, notes), one ``[rules.KIND]`` table per
kind of welfare it limits, and optional ``[[activities]]`` (published activity rules, shown
but not checked). A rule: name, per_event and/or per_person_year (yuan), frequency, eligible
(who qualifies, as the document says it), requires (the same as conditions the register
checks, see ``qualifying.CONDITIONS``), forms_allowed, forms_forbidden, article, optionally
occasions and occasion_caps (a per-event cap by occasion: 春节 500 where other festivals are
200; 手术 1000 where a stay is 500).
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from unionplan.errors import UserInputError
from unionplan.fundrules.qualifying import CONDITIONS

PACKS_DIR = Path(__file__).parent / "packs"
OPERATOR_DIR_VARIABLE = "UNIONPLAN_FUND_RULES_DIR"

KINDS: dict[str, str] = {
    "festival": "节日慰问",
    "birthday": "生日慰问",
    "wedding": "结婚慰问",
    "childbirth": "生育慰问",
    "hospital": "住院慰问",
    "member_death": "会员去世慰问",
    "relative_death": "直系亲属去世慰问",
    "retirement": "退休慰问",
    "hardship": "困难帮扶",
}
FREQUENCIES: dict[str, str] = {
    "any": "不限次数",
    "yearly": "每人每年一次",
    "per_illness_yearly": "同一疾病每年一次",
    "once": "每人一次",
}
STATUSES = ("待核对", "已核对")
_PACK_KEYS = {
    "id", "province", "title", "document_number", "in_force_from", "in_force_until",
    "status", "unverified", "source", "notes",
}  # fmt: skip
_RULE_KEYS = {
    "name", "per_event", "per_person_year", "frequency", "eligible", "forms_allowed",
    "forms_forbidden", "article", "occasions", "occasion_caps", "note", "requires",
}  # fmt: skip
_PROVINCE_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)


@dataclass(frozen=True)
class Rule:
    kind: str
    name: str
    article: str
    per_event: Decimal | None = None
    per_person_year: Decimal | None = None
    frequency: str = "any"
    eligible: str = ""
    requires: tuple[str, ...] = ()  # words of qualifying.CONDITIONS
    forms_allowed: tuple[str, ...] = ()
    forms_forbidden: tuple[str, ...] = ()
    occasions: tuple[str, ...] = ()
    occasion_caps: dict[str, Decimal] = field(default_factory=dict)
    note: str = ""

    @property
    def conditions(self) -> tuple[str, ...]:
        """The conditions of ``requires`` as the register says them (the rules page)."""
        return tuple(CONDITIONS[word] for word in self.requires)

    def event_cap(self, occasion: str | None = None) -> Decimal | None:
        if occasion and occasion in self.occasion_caps:
            return self.occasion_caps[occasion]
        return self.per_event

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "per_event": json_number(self.per_event),
            "per_person_year": json_number(self.per_person_year),
            "occasion_caps": {k: json_number(v) for k, v in self.occasion_caps.items()},
            "frequency": self.frequency,
            "frequency_text": FREQUENCIES[self.frequency],
            "eligible": self.eligible,
            "requires": {word: CONDITIONS[word] for word in self.requires},
            "forms_allowed": list(self.forms_allowed),
            "forms_forbidden": list(self.forms_forbidden),
            "occasions": list(self.occasions),
            "article": self.article,
            "note": self.note,
        }


@dataclass(frozen=True)
class Pack:
    id: str
    province: str
    title: str
    document_number: str
    in_force_from: dt.date
    status: str
    rules: dict[str, Rule]
    in_force_until: dt.date | None = None  # the first day it no longer applies
    unverified: tuple[str, ...] = ()
    source: str = ""
    notes: tuple[str, ...] = ()
    activities: tuple[dict, ...] = ()
    path: str = ""

    @property
    def document(self) -> str:
        """The citation as printed: 《title》（文号）, the 文号 omitted while unknown."""
        number = f"（{self.document_number}）" if self.document_number else "（文号待核对）"
        return f"《{self.title}》{number}"

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_until is None or day < self.in_force_until
        )

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "province": self.province,
            "title": self.title,
            "document_number": self.document_number,
            "document": self.document,
            "in_force_from": self.in_force_from.isoformat(),
            "in_force_until": self.in_force_until.isoformat() if self.in_force_until else None,
            "status": self.status,
            "unverified": list(self.unverified),
            "source": self.source,
            "notes": list(self.notes),
            "rules": {kind: rule.as_dict() for kind, rule in self.rules.items()},
            "activities": [dict(a) for a in self.activities],
        }


def json_number(value: Decimal | None) -> int | float | None:
    """Yuan as the JSON of the command line gives them: 1500, 12.5, or null."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def normalize_province(name: str) -> str:
    """安徽省 → 安徽, 广西壮族自治区 → 广西: how packs and organizations name a province."""
    name = (name or "").strip()
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


class _Reader:
    """Validation with messages that name the file and the place in it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, what: str) -> UserInputError:
        return UserInputError(f"经费规则文件 {self.name} 有误：{where}{what}")

    def text(self, table: dict, key: str, where: str, *, required: bool = True) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.fail(where, f"“{key}”应为文字")
        if required and not value.strip():
            raise self.fail(where, f"缺少“{key}”")
        return value.strip()

    def texts(self, table: dict, key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"“{key}”应为文字列表")
        return tuple(value)

    def money(self, value: object, where: str, key: str) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(where, f"“{key}”应为金额数字（元），而不是“{value}”")
        amount = Decimal(str(value))
        if amount <= 0:
            raise self.fail(where, f"“{key}”应大于0元")
        return amount

    def date(self, table: dict, key: str, where: str, *, required: bool = True) -> dt.date | None:
        value = table.get(key)
        if value is None and not required:
            return None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(where, f"“{key}”应为日期，写作 2018-03-12（不加引号）")
        return value


def _rule(reader: _Reader, kind: str, table: object) -> Rule:
    where = f"[rules.{kind}] "
    if kind not in KINDS:
        raise reader.fail(where, f"未知的慰问种类“{kind}”（可用：{'、'.join(KINDS)}）")
    if not isinstance(table, dict):
        raise reader.fail(where, "应为一个表")
    if unknown := set(table) - _RULE_KEYS:
        raise reader.fail(where, f"不认识的项“{'、'.join(sorted(unknown))}”")
    per_event = table.get("per_event")
    per_year = table.get("per_person_year")
    if per_event is None and per_year is None:
        raise reader.fail(where, "须有 per_event（每次上限）或 per_person_year（每人每年上限）")
    frequency = table.get("frequency", "any")
    if frequency not in FREQUENCIES:
        raise reader.fail(
            where, f"frequency 应为 {'、'.join(FREQUENCIES)} 之一，而不是“{frequency}”"
        )
    requires = reader.texts(table, "requires", where)
    if unknown := [word for word in requires if word not in CONDITIONS]:
        raise reader.fail(
            where,
            f"requires 里有不认识的条件“{'、'.join(unknown)}”（可用：{'、'.join(CONDITIONS)}）",
        )
    caps = table.get("occasion_caps", {})
    if not isinstance(caps, dict):
        raise reader.fail(where, "occasion_caps 应为一个表")
    return Rule(
        kind=kind,
        name=reader.text(table, "name", where, required=False) or KINDS[kind],
        article=reader.text(table, "article", where),
        per_event=None if per_event is None else reader.money(per_event, where, "per_event"),
        per_person_year=None
        if per_year is None
        else reader.money(per_year, where, "per_person_year"),
        frequency=frequency,
        eligible=reader.text(table, "eligible", where, required=False),
        requires=requires,
        forms_allowed=reader.texts(table, "forms_allowed", where),
        forms_forbidden=reader.texts(table, "forms_forbidden", where),
        occasions=reader.texts(table, "occasions", where),
        occasion_caps={k: reader.money(v, where, f"occasion_caps.{k}") for k, v in caps.items()},
        note=reader.text(table, "note", where, required=False),
    )


def parse_pack(text: str, name: str = "（未命名）", path: str = "") -> Pack:
    """One pack from TOML text; UserInputError in Chinese when it is broken."""
    reader = _Reader(name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise reader.fail("", f"不是有效的 TOML（{error}）") from None
    head = data.get("pack")
    if not isinstance(head, dict):
        raise reader.fail("", "缺少 [pack] 表")
    where = "[pack] "
    if unknown := set(head) - _PACK_KEYS:
        raise reader.fail(where, f"不认识的项“{'、'.join(sorted(unknown))}”")
    status = reader.text(head, "status", where)
    if status not in STATUSES:
        raise reader.fail(where, f"status 应为“待核对”或“已核对”，而不是“{status}”")
    rules_table = data.get("rules")
    if not isinstance(rules_table, dict) or not rules_table:
        raise reader.fail("", "没有任何 [rules.种类] 规则")
    start = reader.date(head, "in_force_from", where)
    until = reader.date(head, "in_force_until", where, required=False)
    if until is not None and until <= start:
        raise reader.fail(where, "in_force_until 应晚于 in_force_from")
    activities = data.get("activities", [])
    if not isinstance(activities, list) or not all(isinstance(a, dict) for a in activities):
        raise reader.fail("", "[[activities]] 应为表的列表")
    return Pack(
        id=reader.text(head, "id", where),
        province=normalize_province(reader.text(head, "province", where)),
        title=reader.text(head, "title", where),
        document_number=reader.text(head, "document_number", where, required=False),
        in_force_from=start,
        in_force_until=until,
        status=status,
        unverified=reader.texts(head, "unverified", where),
        source=reader.text(head, "source", where, required=False),
        notes=reader.texts(head, "notes", where),
        rules={kind: _rule(reader, kind, table) for kind, table in rules_table.items()},
        activities=tuple(activities),
        path=path,
    )


def load_pack_file(path: Path) -> Pack:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserInputError(f"无法读取经费规则文件 {path.name}（{error}）") from None
    return parse_pack(text, path.name, str(path))


def _folders(operator_dir: str | Path | None) -> list[Path]:
    folders = [PACKS_DIR]
    extra = operator_dir if operator_dir is not None else os.environ.get(OPERATOR_DIR_VARIABLE)
    if extra:
        folder = Path(extra)
        if not folder.is_dir():
            raise UserInputError(
                f"经费规则目录 {folder} 不存在（见环境变量 {OPERATOR_DIR_VARIABLE}）"
            )
        folders.append(folder)
    return folders


def load_packs(operator_dir: str | Path | None = None) -> list[Pack]:
    """Every pack, shipped ones first replaced by the operator's of the same id.

    A pack with no ``in_force_until`` ends where the next version of its province begins.
    """
    by_id: dict[str, Pack] = {}
    for folder in _folders(operator_dir):
        seen: dict[str, str] = {}
        for path in sorted(folder.glob("*.toml")):
            pack = load_pack_file(path)
            if pack.id in seen:
                raise UserInputError(
                    f"经费规则文件 {path.name} 与 {seen[pack.id]} 的 id 相同（“{pack.id}”）"
                )
            seen[pack.id] = path.name
            by_id[pack.id] = pack
    packs = sorted(by_id.values(), key=lambda p: (p.province, p.in_force_from))
    result = []
    for index, pack in enumerate(packs):
        following = packs[index + 1] if index + 1 < len(packs) else None
        if pack.in_force_until is None and following and following.province == pack.province:
            pack = _replace_until(pack, following.in_force_from)
        result.append(pack)
    return result


def _replace_until(pack: Pack, until: dt.date) -> Pack:
    return replace(pack, in_force_until=until)


def pack_in_force(packs: list[Pack], province: str, day: dt.date) -> Pack:
    """The pack of ``province`` in force on ``day``; UserInputError in Chinese if none is."""
    wanted = normalize_province(province)
    if not wanted:
        raise UserInputError(
            "本工会没有填写所在省份，无法确定适用的经费规则；请在工会资料里填写省份"
        )
    mine = [p for p in packs if p.province == wanted]
    if not mine:
        raise UserInputError(f"尚无{wanted}的经费规则；运营人员可在经费规则目录中添加")
    for pack in mine:
        if pack.in_force_on(day):
            return pack
    first = min(p.in_force_from for p in mine)
    raise UserInputError(
        f"{day.isoformat()} 不在{wanted}经费规则的施行期内（最早的规则自 {first.isoformat()} 起施行）"
    )
