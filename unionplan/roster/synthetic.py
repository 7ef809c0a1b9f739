"""The demo's members: a believable roster per grassroots union, the same on every run.

Pure Python (no database): ``roster`` draws ``MemberRow``s — the rows a roster file would
give the import — from a seeded ``random.Random``. Ages are counted back from ``today`` so
that a demo built in any year still has 70-year-old retired teachers to visit at 重阳 and
children under 14 for 六一. ID numbers are valid (``generate_id_number``) and carry the
member's birth date and gender; ``used`` keeps them unique across the whole demo tree.

``person_name``, ``phone_number`` and ``unique_id_number`` draw one person's name, mobile
number and ID number; the benchmarks' million-member generator (bench/synthetic.py) draws
its people with the same three, so names and numbers are written once.
"""

# Long module: most of it is the word lists (surnames, given names, departments and posts
# by sector) that a believable roster needs.

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import accumulate

from unionplan.idcard import generate_id_number
from unionplan.roster import MemberRow

# Common surnames, most frequent first, with rough weights (王李张刘陈 about 7% each).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛顾毛钱严戴"
)
SURNAME_WEIGHTS = [7.0] * 5 + [3.0] * 10 + [1.5] * 15 + [1.0] * (len(SURNAMES) - 30)
# The same draw as with SURNAME_WEIGHTS, without summing them again for every name.
_SURNAME_CUMULATIVE = list(accumulate(SURNAME_WEIGHTS))
# Given names by the decade people were born in, as they are in real rosters.
GIVEN = {
    (
        "male",
        "old",
    ): "建国 建华 国强 志强 卫东 建军 建平 国平 德明 振华 海涛 立新 伟 军 强 明 刚 平 "
    "福根 永康 长林 金宝 文华",
    ("female", "old"): "秀英 桂英 玉兰 淑珍 秀兰 桂兰 凤英 丽华 玉梅 红梅 美华 芳 霞 萍 红 "
    "秀珍 月娥 素琴 爱华 凤珍",
    ("male", "mid"): "伟 磊 涛 勇 杰 斌 鹏 超 强 军 浩 峰 宇 晨 亮 俊 毅 健 海波 志刚 晓东 建伟 "
    "文杰 明辉 俊杰 雷 剑 波",
    ("female", "mid"): "静 敏 丽 娟 艳 燕 婷 颖 琳 丹 洁 慧 晓燕 晓丽 雪梅 丽娟 春燕 海燕 亚楠 "
    "文静 红霞 晓红 玲 莉",
    ("male", "young"): "浩 宇 晨 昊天 子豪 俊杰 浩然 宇航 博 鑫 子轩 天宇 一帆 志远 嘉豪 鹏飞 "
    "明轩 文博 思源",
    ("female", "young"): "欣怡 佳琪 雨萱 梦瑶 思雨 诗琪 婧 悦 佳怡 雪 梦婷 心怡 可欣 雨婷 晓彤 "
    "梓涵 思琪 一诺",
    ("male", "child"): "子轩 浩然 宇轩 俊熙 沐阳 博文 一鸣 梓睿 子墨 奕辰 皓轩 锦程 嘉懿",
    ("female", "child"): "梓萱 一诺 欣妍 若曦 诗涵 可馨 雨桐 语汐 梦琪 思彤 芷若 安琪 沐晴",
}
GIVEN = {key: value.split() for key, value in GIVEN.items()}
# Where people were born: mostly 江苏 (南京 and the province), some from the neighbours.
REGIONS = (
    ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115"] * 3
    + ["320302", "320505", "320602", "320703", "320803", "320902", "321002", "321202"]
    + ["340104", "370102", "410105", "330106", "420106", "360102"]
)
RETIREMENT_AGE = {"male": 60, "female": 55}


@dataclass(frozen=True)
class Profile:
    """How a sector's roster looks: its departments and posts, genders, retirees."""

    # (department, relative size, posts drawn there)
    departments: tuple[tuple[str, int, tuple[str, ...]], ...]
    # one-person posts: (department, post)
    leaders: tuple[tuple[str, str], ...]
    female_share: float
    retired_share: float
    retired_department: str
    old_retired_share: float = 0.25  # of the retired, aged 70 or more
    # posts that are mostly women's / men's whatever the sector's share
    female_posts: tuple[str, ...] = ()
    male_posts: tuple[str, ...] = ()
    with_class: tuple[str, ...] = ()  # teachers' posts that may add 兼班主任
    # words of the posts that are front-line work (一线职工: teaching, nursing, the shop floor)
    frontline: tuple[str, ...] = ()


PRIMARY = Profile(
    departments=(
        ("语文组", 6, ("语文教师",)),
        ("数学组", 5, ("数学教师",)),
        ("英语组", 3, ("英语教师",)),
        ("科学组", 2, ("科学教师", "信息技术教师")),
        ("音体美组", 3, ("音乐教师", "体育教师", "美术教师")),
        ("后勤处", 2, ("后勤职工", "校医", "门卫", "食堂职工")),
    ),
    leaders=(
        ("行政办公室", "校长"),
        ("行政办公室", "副校长"),
        ("行政办公室", "副校长"),
        ("教导处", "教导主任"),
        ("教导处", "教务员"),
        ("行政办公室", "办公室主任"),
        ("行政办公室", "会计"),
    ),
    female_share=0.78,
    retired_share=0.22,
    retired_department="退休教职工",
    old_retired_share=0.45,
    male_posts=("门卫", "体育教师"),
    with_class=("语文教师", "数学教师"),
    frontline=("教师",),
)
MIDDLE = Profile(
    departments=(
        ("语文组", 5, ("语文教师",)),
        ("数学组", 5, ("数学教师",)),
        ("英语组", 5, ("英语教师",)),
        ("物理组", 3, ("物理教师",)),
        ("化学组", 2, ("化学教师",)),
        ("生物组", 2, ("生物教师",)),
        ("政史地组", 4, ("道德与法治教师", "历史教师", "地理教师")),
        ("体艺组", 3, ("体育教师", "音乐教师", "美术教师")),
        ("信息技术组", 1, ("信息技术教师",)),
        ("总务处", 3, ("后勤职工", "校医", "门卫", "食堂职工")),
    ),
    leaders=(
        ("校长室", "校长"),
        ("校长室", "副校长"),
        ("校长室", "副校长"),
        ("教务处", "教务处主任"),
        ("教务处", "教务员"),
        ("政教处", "政教处主任"),
        ("总务处", "总务处主任"),
        ("总务处", "会计"),
    ),
    female_share=0.62,
    retired_share=0.2,
    retired_department="退休教职工",
    old_retired_share=0.4,
    male_posts=("门卫", "体育教师"),
    with_class=("语文教师", "数学教师", "英语教师", "物理教师"),
    frontline=("教师",),
)
HOSPITAL = Profile(
    departments=(
        ("内科", 6, ("医生", "护士", "护士", "护士")),
        ("外科", 6, ("医生", "护士", "护士")),
        ("儿科", 3, ("医生", "护士", "护士")),
        ("妇产科", 3, ("医生", "护士", "护士")),
        ("急诊科", 3, ("医生", "护士", "护士")),
        ("检验科", 2, ("检验技师",)),
        ("放射科", 2, ("放射技师", "医生")),
        ("药剂科", 2, ("药师",)),
        ("行政后勤", 3, ("行政人员", "后勤职工", "收费员")),
    ),
    leaders=(
        ("院办", "院长"),
        ("院办", "副院长"),
        ("护理部", "护理部主任"),
        ("内科", "科主任"),
        ("外科", "科主任"),
        ("内科", "护士长"),
        ("外科", "护士长"),
        ("儿科", "护士长"),
    ),
    female_share=0.55,
    retired_share=0.15,
    retired_department="离退休",
    female_posts=("护士", "护士长", "护理部主任"),
    frontline=("医生", "护士", "技师", "药师"),
)
ENTERPRISE = Profile(
    departments=(
        ("金工车间", 6, ("车工", "铣工", "磨工", "钳工")),
        ("装配车间", 6, ("装配工", "装配工", "电工", "叉车工")),
        ("铸造车间", 4, ("铸造工", "焊工", "行车工")),
        ("质检部", 2, ("质检员",)),
        ("技术部", 3, ("技术员", "工程师")),
        ("销售部", 2, ("销售员",)),
        ("财务部", 1, ("会计", "出纳")),
        ("综合办公室", 2, ("文员", "行政专员", "驾驶员")),
    ),
    leaders=(
        ("总经理办公室", "总经理"),
        ("总经理办公室", "副总经理"),
        ("金工车间", "车间主任"),
        ("装配车间", "车间主任"),
        ("铸造车间", "车间主任"),
        ("金工车间", "班组长"),
        ("金工车间", "班组长"),
        ("装配车间", "班组长"),
        ("装配车间", "班组长"),
        ("铸造车间", "班组长"),
    ),
    female_share=0.25,
    retired_share=0.12,
    retired_department="离退休",
    female_posts=("会计", "出纳", "文员"),
    male_posts=("铸造工", "焊工", "行车工", "叉车工", "驾驶员"),
    frontline=("工", "质检员", "班组长"),
)
AGENCY = Profile(
    departments=(
        ("办公室", 2, ("科员", "一级科员", "二级主任科员")),
        ("社会救助科", 2, ("科员", "一级科员", "四级主任科员")),
        ("养老服务科", 2, ("科员", "一级科员")),
        ("儿童福利科", 1, ("科员", "一级科员")),
        ("社会事务科", 2, ("科员", "一级科员", "四级主任科员")),
        ("基层政权科", 1, ("科员", "一级科员")),
        ("财务审计科", 1, ("科员", "会计")),
        ("人事科", 1, ("科员",)),
    ),
    leaders=(
        ("局领导", "局长"),
        ("局领导", "副局长"),
        ("局领导", "副局长"),
        ("办公室", "办公室主任"),
        ("社会救助科", "科长"),
        ("养老服务科", "科长"),
        ("社会事务科", "科长"),
        ("财务审计科", "科长"),
    ),
    female_share=0.48,
    retired_share=0.18,
    retired_department="离退休",
)
COMMUNITY = Profile(
    departments=(
        ("社区居委会", 3, ("社区工作者",)),
        ("网格服务站", 3, ("网格员",)),
        ("物业服务中心", 3, ("保洁员", "保安员", "维修工")),
        ("快递驿站", 2, ("快递员",)),
        ("外卖站点", 2, ("外卖骑手",)),
    ),
    leaders=(
        ("社区居委会", "社区书记"),
        ("社区居委会", "居委会主任"),
        ("物业服务中心", "项目经理"),
        ("快递驿站", "站长"),
    ),
    female_share=0.4,
    retired_share=0.05,
    retired_department="离退休",
    female_posts=("社区工作者",),
    male_posts=("快递员", "外卖骑手", "保安员", "维修工"),
    frontline=("网格员", "保洁员", "保安员", "维修工", "快递员", "外卖骑手"),
)

# The federation's own office (机关): its staff are members of the federation itself, and
# its committee and audit committee (总工会委员, 总工会经费审查委员会) are among them.
FEDERATION_OFFICE = Profile(
    departments=(
        ("办公室", 3, ("科员", "一级科员")),
        ("组织部", 2, ("科员", "一级主任科员")),
        ("权益保障部", 2, ("科员", "一级主任科员")),
        ("经济工作部", 2, ("科员",)),
        ("女职工部", 1, ("科员",)),
        ("财务部", 1, ("会计", "出纳")),
    ),
    leaders=(
        ("领导班子", "主席"),
        ("领导班子", "副主席"),
        ("领导班子", "副主席"),
        ("办公室", "办公室主任"),
        ("组织部", "部长"),
        ("权益保障部", "部长"),
    ),
    female_share=0.5,
    retired_share=0.1,
    retired_department="离退休",
)


@dataclass
class Drawn:
    """A person being drawn, before the roster row is made."""

    name: str
    gender: str
    birth: dt.date
    department: str
    post: str
    status: str
    tags: set[str] = field(default_factory=set)
    children: list[tuple[str, dt.date]] = field(default_factory=list)


class People:
    """Draws people from one seeded generator; ``used`` ID numbers span the whole demo."""

    def __init__(self, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)
        # Union offices, standings and hire dates are drawn from their own generator, so that
        # adding them left every name, birth date and tag drawn before unchanged.
        self.offices_rng = random.Random(seed + 1)
        self.today = today
        self.used: set[str] = set()

    def roster(self, profile: Profile, size: int) -> list[MemberRow]:
        """``size`` members of a union with ``profile``: leaders, staff, then the retired."""
        rng = self.rng
        retired = round(size * profile.retired_share)
        people = [self._active(profile, dept, post) for dept, post in profile.leaders]
        weights = [share for _dept, share, _posts in profile.departments]
        while len(people) < size - retired:
            dept, _share, posts = rng.choices(profile.departments, weights)[0]
            people.append(self._active(profile, dept, rng.choice(posts)))
        old = max(2, round(retired * profile.old_retired_share)) if retired else 0
        for index in range(retired):
            people.append(self._retired(profile, old=index < old))
        _unique_names(people, self)
        self._tag(people, profile)
        self._offices(people, profile)
        return [self._row(number, person) for number, person in enumerate(people, 2)]

    # --- one person ------------------------------------------------------------------

    def _gender(self, profile: Profile, post: str) -> str:
        if post in profile.female_posts:
            return "female" if self.rng.random() < 0.95 else "male"
        if post in profile.male_posts:
            return "male" if self.rng.random() < 0.95 else "female"
        return "female" if self.rng.random() < profile.female_share else "male"

    def _active(self, profile: Profile, dept: str, post: str) -> Drawn:
        rng = self.rng
        gender = self._gender(profile, post)
        senior = post.endswith(("长", "主任", "经理", "书记")) or post in ("局长", "副局长")
        low, high = (40, RETIREMENT_AGE[gender] - 1) if senior else (23, RETIREMENT_AGE[gender] - 1)
        # more people in their thirties and forties than at either end
        age = round(rng.triangular(low, high, (low + high) / 2))
        if post in profile.with_class and rng.random() < 0.35:
            post += "兼班主任"
        person = Drawn("", gender, self._born(age), dept, post, "active")
        person.name = self._name(gender, person.birth)
        person.children = self._children(person)
        return person

    def _retired(self, profile: Profile, old: bool) -> Drawn:
        rng = self.rng
        _dept, _share, posts = rng.choices(
            profile.departments, [share for _dept, share, _posts in profile.departments]
        )[0]
        post = rng.choice(posts)
        gender = self._gender(profile, post)
        age = rng.randint(70, 88) if old else rng.randint(RETIREMENT_AGE[gender], 69)
        born = self._born(age)
        return Drawn(self._name(gender, born), gender, born, profile.retired_department, post,
                     "retired")  # fmt: skip

    def _born(self, age: int) -> dt.date:
        """A birth date of someone ``age`` years old today."""
        days = self.rng.randrange(365)
        birthday = _years_before(self.today, age) - dt.timedelta(days=days)
        return birthday

    def _name(self, gender: str, born: dt.date) -> str:
        return person_name(self.rng, gender, born)

    def _surname(self) -> str:
        return surname(self.rng)

    def _children(self, parent: Drawn) -> list[tuple[str, dt.date]]:
        """None, one or two children, born when the parent was 24 to 38."""
        rng = self.rng
        kids = []
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
            born = _years_before(parent.birth, -rng.randint(24, 38)) + dt.timedelta(
                days=rng.randrange(365)
            )
            if born < self.today:
                gender = rng.choice(("male", "female"))
                # a mother's child mostly has the father's surname
                mother = parent.gender == "female" and rng.random() < 0.8
                surname = self._surname() if mother else parent.name[0]
                name = surname + rng.choice(GIVEN[(gender, "child")])
                kids.append((name, born))
        return sorted(kids, key=lambda kid: kid[1])

    # --- tags --------------------------------------------------------------------------

    def _tag(self, people: list[Drawn], profile: Profile) -> None:
        """Union officers, representatives, party members and the few the plans visit."""
        rng = self.rng
        active = [p for p in people if p.status == "active"]
        retired = [p for p in people if p.status == "retired"]
        for person in rng.sample(active, max(5, len(active) // 15)):
            person.tags |= {"工会委员", "工会干部"}
        groups: dict[str, list[Drawn]] = {}
        for person in active:
            groups.setdefault(person.department, []).append(person)
        for members in groups.values():  # one 工会小组 per department of some size
            if len(members) >= 4:
                rng.choice(members).tags |= {"工会小组长", "工会干部"}
        for person in rng.sample(active, max(6, len(active) // 8)):
            person.tags.add("职工代表")
        for person in people:
            if rng.random() < (0.45 if person.status == "retired" else 0.3):
                person.tags.add("党员")
        for person in rng.sample(active, max(2, len(active) // 30)):
            person.tags.add("困难职工")
        sick = rng.sample(active, max(1, len(active) // 40)) + rng.sample(
            retired, min(2, len(retired))
        )
        for person in sick:
            person.tags.add("患病")
        older = [p for p in active if p.birth.year < self.today.year - 40]
        for person in rng.sample(older, min(len(older), 1 + len(people) // 100)):
            person.tags.add("劳模")
        men = [p for p in people if p.gender == "male"]
        for person in rng.sample(men, min(len(men), max(1, len(people) // 35))):
            person.tags.add("退役军人")
        for person in rng.sample(active, max(1, len(active) // 60)):
            person.tags.add("军属")

    def _offices(self, people: list[Drawn], profile: Profile) -> None:
        """The union's chair and officers, activists, 先进工作者, front-line workers."""
        rng = self.offices_rng
        active = [p for p in people if p.status == "active"]
        committee = [p for p in active if "工会委员" in p.tags]
        seniors = sorted(committee, key=lambda p: p.birth)
        seniors[0].tags.add("工会主席")
        seniors[1].tags.add("工会副主席")
        women = [p for p in committee if p.gender == "female"] or committee
        others = [p for p in active if p.gender == "female" and p not in women]
        for person in [women[0], *rng.sample(others, min(2, len(others)))]:
            person.tags |= {"女职工委员", "工会干部"}
        accountants = [p for p in active if "会计" in p.post] or active
        rng.choice(accountants).tags |= {"工会财务人员", "工会干部"}
        outside = [p for p in active if "工会委员" not in p.tags]
        for person in rng.sample(outside, min(3, len(outside))):
            person.tags.add("经审委员")
        for person in rng.sample(active, max(2, len(active) // 12)):
            person.tags.add("工会积极分子")
        for person in rng.sample(active, max(1, len(active) // 25)):
            person.tags.add("先进工作者")
        for person in active:
            if any(word in person.post for word in profile.frontline):
                person.tags.add("一线职工")
        retired = [p for p in people if p.status == "retired"]
        for person in rng.sample(retired, min(len(retired), max(1, len(retired) // 15))):
            person.tags.add("劳模")  # model workers of earlier years, visited at 重阳

    def _hired(self, person: Drawn, started: dt.date) -> dt.date:
        """入职: most at their first job, some moved here later, a few in the last year."""
        rng = self.offices_rng
        if person.status == "active" and rng.random() < 0.06:
            return self.today - dt.timedelta(days=rng.randrange(20, 360))
        if rng.random() < 0.2:
            latest = max(started, _years_before(self.today, 2))
            return min(started + dt.timedelta(days=rng.randrange(365 * 15)), latest)
        return started

    # --- the roster row ----------------------------------------------------------------

    def _row(self, number: int, person: Drawn) -> MemberRow:
        rng = self.rng
        region = rng.choice(REGIONS)
        id_number = unique_id_number(rng, person.birth, person.gender, region, self.used)
        started = min(_years_before(person.birth, -rng.randint(21, 27)), self.today)
        hired = self._hired(person, started)
        return MemberRow(
            row=number,
            name=person.name,
            gender=person.gender,
            birth_date=person.birth,
            id_number=id_number,
            phone=phone_number(rng),
            department=person.department,
            post=person.post,
            status=person.status,
            joined_on=min(started, hired),  # a member who moved here keeps the union card
            hired_on=hired,
            tags=tuple(sorted(person.tags)),
            children=tuple(person.children),
        )


def surname(rng: random.Random) -> str:
    return rng.choices(SURNAMES, cum_weights=_SURNAME_CUMULATIVE)[0]


def person_name(rng: random.Random, gender: str, born: dt.date) -> str:
    """A name as common as it is for people of that gender born in that decade."""
    era = "old" if born.year < 1972 else "mid" if born.year < 1990 else "young"
    if born.year >= 2010:
        era = "child"
    return surname(rng) + rng.choice(GIVEN[(gender, era)])


def phone_number(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10**9):09d}"


def unique_id_number(
    rng: random.Random, birth: dt.date, gender: str, region: str, used: set[str]
) -> str:
    """A valid ID number of that person that is not in ``used`` yet (and now is)."""
    id_number = generate_id_number(birth, gender, region, rng=rng)
    while id_number in used:
        id_number = generate_id_number(birth, gender, region, rng=rng)
    used.add(id_number)
    return id_number


def _years_before(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` years earlier (later when negative); 29 February becomes the 28th."""
    year = day.year - years
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _unique_names(people: list[Drawn], drawer: People) -> None:
    """No two members of one union share a name (real rosters avoid it with 大/小 too)."""
    seen: set[str] = set()
    for person in people:
        surname, tries = person.name[0], 0
        while person.name in seen:
            tries += 1
            name = drawer._name(person.gender, person.birth)
            person.name = surname + name[1:] if tries < 10 else name
        seen.add(person.name)
