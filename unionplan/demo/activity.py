"""The demo's year so far: targets to measure, and records of what was done.

Targets are added to the generated plans (``plan_targets``) before they are saved, so the
plan text, its Word file and the plan page all show them; ``measure_targets`` then ties
this year's to record counts or enters a manual value, as a user would on the target page.

``record_year`` records most activities whose day has passed, through
``unionplan.records.services.save_record`` (the path of the record form): the attendees are
ticked from the item's 参加范围 resolved against the roster, the spending comes near the
item's budget. Some recent activities stay unrecorded (overdue), a few are cancelled or
postponed. Everything is drawn from a seeded generator: same day, same demo.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db.models import F

from unionplan.core.spending import OverBudget
from unionplan.members.participants import resolve_item
from unionplan.orgs.models import Organization
from unionplan.plan.data import PlanData, TargetData
from unionplan.plan.states import due_date
from unionplan.plans.models import Plan, ScheduleItem, Target
from unionplan.records.models import TargetMeasure, TargetValue
from unionplan.records.services import ExpenseInput, RecordInput, save_record

# --- targets --------------------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """How the targets whose text has ``fragment`` are measured in the demo."""

    fragment: str
    metric: str  # "records", "attendance" or "manual"
    category: str = ""  # records of this category count ("" = every activity)
    keyword: str = ""  # or only those of the items whose text has this word
    manual: dict[str, str] | str | None = None  # the value entered by hand (by sector)


# The generator's targets (and the one ``reach_target`` adds), first match wins; a target
# matching none is left unmeasured, as some are in real plans.
MEASURES = (
    Measure("参加工会活动累计", "attendance"),
    Measure(
        "入会率",
        "manual",
        manual={"school": "99.1", "hospital": "96.4", "agency": "100", "enterprise": "98.7"},
    ),
    Measure("工会委员", "records", "training", keyword="工会委员"),
    Measure("市总工会不少于", "records", "training", keyword="集中培训"),
    Measure("各基层工会", "manual", manual="1"),
    Measure("代表大会", "records", "democracy", keyword="代表大会"),
    Measure("文体活动", "records", "culture"),
    Measure("技能竞赛", "records", "competition"),
    Measure("工会干部业务培训", "records", "training", keyword="工会干部"),
    Measure("球赛", "records", "culture", keyword="球"),
    Measure("讲座", "records", "training", keyword="讲"),
    Measure("提案", "manual", manual={"hospital": "95", "school": "100"}),
    Measure("走访慰问率", "manual", manual="100"),
    Measure("体检率", "manual", manual="97.5"),
    Measure("建档帮扶率", "manual", manual="100"),
    Measure(
        "工资集体协商",
        "manual",
        manual={"enterprise": "100", "community": "86", "federation": "91.3"},
    ),
    Measure("示范工会", "manual", manual="6"),
    Measure("下基层", "manual", manual="64"),
)
REACH_NOUN = {"school": "教职工", "hospital": "职工", "enterprise": "职工"}


def reach_target(sector: str, size: int) -> list[TargetData]:
    """A target on people reached (人次), for unions whose plans have none: about 18 per
    member, which a union that records its activities all year just about makes."""
    if sector not in REACH_NOUN or not size:
        return []
    reach = round(size * 18, -2)
    text = f"{REACH_NOUN[sector]}参加工会活动累计不少于{reach}人次"
    return [TargetData(text, ">=", Decimal(reach), None, "人次")]


def add_targets(data: PlanData, targets: list[TargetData]) -> None:
    """Put ``targets`` in the plan's 工作目标 section (or at plan level when it has none)."""
    goals = next((s for s in data.sections if s.title == "工作目标"), None)
    (goals.targets if goals else data.targets).extend(targets)


def measure_targets(plan: Plan, today: dt.date, user) -> None:
    """Tie the targets of ``plan`` to its records, or enter their value by hand."""
    sector = plan.organization.sector
    items = list(plan.items.all())
    for target in Target.objects.filter(plan=plan):
        how = next((m for m in MEASURES if m.fragment in target.text), None)
        if how is None:
            continue
        manual = how.manual.get(sector) if isinstance(how.manual, dict) else how.manual
        if how.metric == "manual" and manual is None:
            continue
        measure = TargetMeasure.objects.create(
            target=target, metric=how.metric, category="" if how.keyword else how.category
        )
        if how.keyword:
            chosen = [i for i in items if how.keyword in i.text and i.category == how.category]
            measure.items.set(chosen)
        if manual is not None:
            TargetValue.objects.create(
                target=target,
                value=Decimal(manual),
                date=today - dt.timedelta(days=12),
                note="据会员名册和单位人事数据统计",
                entered_by=user,
            )


# --- records --------------------------------------------------------------------------

SHOPS = ("苏果超市团购部", "京东企业购", "永辉超市", "金鹰购物中心")
SPORTS = ("迪卡侬体育用品", "李宁体育用品专卖店", "文体用品商行")
PRINT = ("快印图文社", "新华书店", "图文广告公司")
HOTELS = ("金陵饭店", "丁山宾馆", "双门楼宾馆")
TRAVEL = ("中国国旅", "安徽中旅")
VENUES = ("市工人文化宫", "市奥体中心")
# item category -> (expense category, note, payees), and an optional second line
SPENDING = {
    "festival": (("gift", "节日慰问品", SHOPS), ("prize", "游戏奖品", SHOPS)),
    "welfare": (("gift", "慰问金、慰问品", ("",)), ("gift", "水果、营养品", SHOPS)),
    "women": (("gift", "女职工慰问品", SHOPS), ("venue", "活动场地", VENUES)),
    "culture": (("supplies", "文体用品", SPORTS), ("prize", "奖品", SHOPS)),
    "competition": (("prize", "奖品", SHOPS), ("materials", "证书及资料", PRINT)),
    "training": (("training", "讲课费", ("授课专家",)), ("materials", "培训资料印刷", PRINT)),
    "evaluation": (("prize", "荣誉证书及奖品", SHOPS), ("materials", "证书印制", PRINT)),
    "publicity": (("materials", "宣传资料印刷", PRINT), None),
    "democracy": (("materials", "会议资料印刷", PRINT), ("meals", "工作餐", HOTELS)),
}
OTHER_SPENDING = (("materials", "资料印刷", PRINT), ("meals", "工作餐", HOTELS))
TRIP_SPENDING = (("transport", "包车及门票", TRAVEL), ("meals", "餐费", HOTELS))
CHECKUP_SPENDING = (("other", "健康体检费", ("市第一人民医院体检中心",)), None)

PLACES = {
    "school": ("学校会议室", "学校多功能厅", "教工之家"),
    "hospital": ("门诊楼三楼会议室", "医院学术报告厅", "职工活动中心"),
    "enterprise": ("公司大会议室", "职工之家", "公司食堂二楼"),
    "agency": ("局机关三楼会议室", "机关职工活动室"),
    "community": ("街道党群服务中心", "社区职工服务驿站"),
    "federation": ("市总工会会议室", "市工人文化宫"),
}
SPORT_PLACES = {
    "school": ("学校体育馆", "学校操场"),
    "hospital": ("市全民健身中心", "医院职工活动中心"),
    "enterprise": ("厂区篮球场", "市全民健身中心"),
    "agency": ("市全民健身中心", "机关职工活动室"),
    "community": ("社区文体广场", "街道文体中心"),
    "federation": ("市奥体中心", "市工人文化宫"),
}
SUMMARIES = {
    "festival": ("为{n}名会员发放节日慰问品，签收表已存档。", "{n}人参加，活动喜庆热闹，会员反映良好。"),
    "welfare": ("走访慰问{n}人，送去慰问金和慰问品，了解身体和生活情况。",
                "慰问{n}人，对家庭困难情况作了登记，后续跟进帮扶。"),
    "women": ("{n}名女职工参加，活动温馨有序，大家收获很多。",),
    "culture": ("共{n}人参加，活动气氛热烈，增进了同事之间的交流。",
                "{n}人参加，赛出了风格，展示了良好的精神面貌。"),
    "competition": ("{n}人参赛，评出一等奖{a}名、二等奖{b}名、三等奖{c}名。",),
    "training": ("{n}人参加学习，课后进行了交流讨论。", "{n}人参加培训，学习材料已发放存档。"),
    "democracy": ("{n}人参加，意见建议已整理汇总，逐条反馈。",),
    "evaluation": ("评选出先进个人{a}名，在全体会议上予以表彰。",),
    "publicity": ("{n}人参加，发放宣传资料，营造了良好氛围。",),
}  # fmt: skip
SPECIAL_SUMMARIES = (  # (word in the activity, summary), first match wins
    ("重阳", "走访慰问{n}位退休老同志，送上节日祝福和慰问金，了解身体和生活情况。"),
    ("六一", "为{n}名会员的子女送去节日礼物，孩子们很开心。"),
    ("体检", "{n}人参加体检，体检报告已发放到个人，异常情况已提醒复查。"),
    ("代表大会", "应到{m}人，实到{n}人，会议审议通过了各项议题。"),
    ("生日", "为当月过生日的{n}名会员送上生日蛋糕券和祝福。"),
    ("团拜", "{n}人参加团拜会，领导致新春贺词，节目精彩纷呈。"),
)
OTHER_SUMMARIES = ("按计划完成，{n}人参加，相关材料已整理归档。",)
GIFTS = ("festival", "welfare", "women")  # everyone in scope receives something
SPORTS_WORDS = (
    "运动会",
    "健身",
    "健步",
    "羽毛球",
    "篮球",
    "乒乓球",
    "登山",
    "登塔",
    "跳绳",
    "健美操",
    "球赛",
    "植树",
    "健身跑",
)
TRIP_WORDS = ("疗休养", "春游", "秋游")
FEDERATION_TICKS = 40
# What the chair writes when told that a record's spending goes past its line's budget.
OVER_BUDGET_REASON = "超出部分经工会委员会研究同意，在年度经费结余中列支。"
# Activities the demo always records: the visits and trainings people look for first.
SURE_WORDS = (
    "70周岁以上",
    "集中培训",
    "代表大会",
)  # a federation's event: representatives ticked, the rest counted


def record_year(
    plans: list[Plan], today: dt.date, seed: int, users: dict,
    spent_elsewhere: Callable[[ScheduleItem], bool] = lambda item: False,
) -> None:  # fmt: skip
    """Records for the activities of ``plans`` (this year's) whose day has passed, entered
    by ``users[organization id]`` (the union's chair), else by ``users[None]``; an item
    whose money is ``spent_elsewhere`` (the welfare register) gets no expense lines."""
    rng = random.Random(seed)
    for plan in plans:
        org = plan.organization
        leaf = not Organization.objects.filter(parent=org).exists()
        unrecorded: list[ScheduleItem] = []
        for item in plan.items.select_related("plan__organization").order_by("month", "order"):
            days = _record_days(item, plan.year, today, rng)
            if days is None:
                continue
            if not days:
                unrecorded.append(item)
                continue
            share = item.budget / len(_months(item)) if item.budget else None
            share = None if spent_elsewhere(item) else share
            for day in days:
                _record(item, org, day, share, leaf, rng, users.get(org.pk, users[None]))
        _cancel_and_postpone(unrecorded, leaf, rng)


def _months(item: ScheduleItem) -> list[int]:
    return list(range(item.month, (item.end_month or item.month) + 1))


def _record_days(item: ScheduleItem, year: int, today: dt.date, rng) -> list[dt.date] | None:
    """The days ``item`` was held on; [] when it is left unrecorded, None when not yet due."""
    if item.status != "planned":
        return None
    first = item.date or dt.date(year, item.month, 15)
    days = [
        first if month == item.month else dt.date(year, month, min(first.day, 28))
        for month in _months(item)
    ]
    days = [day for day in days if day < today]
    due = due_date(year, item.month, item.end_month, item.date, item.end_date)
    if not days:
        return None
    if due >= today:  # under way: its past months are recorded
        return days
    # What is left unrecorded is mostly recent: the paperwork of last month, not of March.
    late = (today - due).days
    chance = 0.55 if late <= 30 else 0.85 if late <= 90 else 0.96
    sure = any(word in item.scope + item.text for word in SURE_WORDS)
    if sure or rng.random() < chance:
        return days
    return []


def _record(item, org, day, share, leaf: bool, rng, user) -> None:
    participants = resolve_item(item)
    ids: list[int] = []
    others = invited = 0
    if participants.complete:
        members = participants.members
        if "生日" in item.text:
            members = members.filter(birth_month=day.month)
        ids = list(members.values_list("pk", flat=True))
        invited = len(ids)
        ids = rng.sample(ids, round(len(ids) * _turnout(item, rng)))
    if not leaf:
        ids = rng.sample(ids, min(len(ids), FEDERATION_TICKS))
        others = rng.randint(30, 300)
    elif not ids:
        others = rng.randint(8, 40)
    elif item.category == "culture" and rng.random() < 0.3:
        others = rng.randint(2, 15)  # family members, a neighbouring school's team
    people = len(ids) + others
    data = RecordInput(
        date=day,
        place=_place(item, org, rng),
        others_count=others,
        summary=_summary(item, people, invited, rng),
        attendee_ids=ids,
        expenses=_expenses(item, share, rng) if share else [],
    )
    try:
        save_record(item, org, data, user=user)
    except OverBudget:  # the form says so; the chair gives the committee's reason
        save_record(item, org, replace(data, override_reason=OVER_BUDGET_REASON), user=user)


def _turnout(item: ScheduleItem, rng) -> float:
    """Share of the people in scope ticked: all of them for a gift, fewer for a match."""
    if item.category in GIFTS:
        return 1.0
    if item.category in ("culture", "competition") and "全" in item.scope:
        return rng.uniform(0.3, 0.6)
    return rng.uniform(0.8, 1.0)


def _place(item: ScheduleItem, org: Organization, rng) -> str:
    sector = org.sector if org.sector in PLACES else "community"
    if item.category == "welfare" and "慰问" in item.text:
        return "会员家中及医院"
    if "体检" in item.text:
        return "市第一人民医院体检中心"
    if any(word in item.text for word in TRIP_WORDS):
        return rng.choice(("巢湖半汤", "黄山", "天堂寨"))
    if any(word in item.text for word in SPORTS_WORDS):
        return rng.choice(SPORT_PLACES[sector])
    return rng.choice(PLACES[sector])


def _summary(item: ScheduleItem, people: int, invited: int, rng) -> str:
    special = next((text for word, text in SPECIAL_SUMMARIES if word in item.text), None)
    if special and "{m}" in special and invited < people:
        special = None
    template = special or rng.choice(SUMMARIES.get(item.category, OTHER_SUMMARIES))
    first = max(1, people // 20)
    return template.format(n=people, m=invited, a=first, b=first * 2, c=first * 3)


def _expenses(item: ScheduleItem, share: Decimal, rng) -> list[ExpenseInput]:
    """One or two lines adding up to a little under the budget (now and then a little over)."""
    if any(word in item.text for word in TRIP_WORDS):
        lines = TRIP_SPENDING
    elif "体检" in item.text:
        lines = CHECKUP_SPENDING
    else:
        lines = SPENDING.get(item.category, OTHER_SPENDING)
    factor = rng.uniform(1.02, 1.08) if rng.random() < 0.06 else rng.uniform(0.82, 0.99)
    total = _round(share * Decimal(str(factor)))
    first, second = lines
    if second is None or rng.random() < 0.45 or total < 300:
        parts = [(first, total)]
    else:
        main = _round(total * Decimal(str(rng.uniform(0.65, 0.85))))
        parts = [(first, main), (second, total - main)]
    return [
        ExpenseInput(category=category, amount=amount, payee=rng.choice(payees), note=note)
        for (category, note, payees), amount in parts
        if amount > 0
    ]


def _round(amount: Decimal) -> Decimal:
    step = Decimal(10) if amount >= 1000 else Decimal(1)
    return (amount / step).quantize(Decimal(1)) * step


def _cancel_and_postpone(items: list[ScheduleItem], leaf: bool, rng) -> None:
    """Of the activities left unrecorded, a grassroots union cancels or postpones one now
    and then (a match rained off, a visit moved to next month); the rest are overdue."""
    if not leaf or len(items) < 2:
        return
    for status in ("cancelled", "postponed"):
        if rng.random() < 0.5:
            item = items.pop(rng.randrange(len(items)))
            ScheduleItem.objects.filter(pk=item.pk).update(status=status, version=F("version") + 1)
