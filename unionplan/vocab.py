"""The shared words of the domain: choices used by the libraries and the Django models alike.

Pure Python (no Django imports) so that the parser, the plan generator and the document
writers speak the same language as the database. Each list is ``(code, 中文名)``: documents
use the Chinese as it is; web pages show it translated (``unionplan.core.choices.translated``).
"""


def gettext_noop(message: str) -> str:
    """Marks ``message`` for makemessages (the Chinese is the msgid) and returns it unchanged."""
    return message


ORG_KINDS = [
    ("federation", gettext_noop("总工会/工会联合会")),
    ("grassroots", gettext_noop("基层工会")),
]

SECTORS = [
    ("enterprise", gettext_noop("企业")),
    ("school", gettext_noop("学校")),
    ("hospital", gettext_noop("医院")),
    ("agency", gettext_noop("机关事业单位")),
    ("community", gettext_noop("街道社区")),
    ("federation", gettext_noop("上级工会")),
    ("other", gettext_noop("其他")),
]

ROLES = [
    ("chair", gettext_noop("工会主席")),
    ("committee", gettext_noop("工会委员")),
    ("staff", gettext_noop("工作人员")),
    # 经费审查委员会: reads everything, changes nothing, signs off the year's 决算.
    ("auditor", gettext_noop("经费审查委员")),
    ("viewer", gettext_noop("查看者")),
]
# Roles that may change a plan; a viewer only reads.
EDITOR_ROLES = frozenset({"chair", "committee", "staff"})

PLAN_STATUSES = [
    ("draft", gettext_noop("草稿")),
    ("submitted", gettext_noop("已提交")),
    ("returned", gettext_noop("已退回")),
    ("approved", gettext_noop("已通过")),
    ("archived", gettext_noop("已归档")),
]
# A plan in one of these states is not edited in place: it is under review or decided.
LOCKED_PLAN_STATUSES = frozenset({"submitted", "approved", "archived"})

COMPARATORS = [
    (">=", gettext_noop("不少于")),
    ("<=", gettext_noop("不超过")),
    ("=", gettext_noop("等于")),
    ("range", gettext_noop("区间")),
]

ITEM_STATUSES = [
    ("planned", gettext_noop("计划中")),
    ("done", gettext_noop("已完成")),
    ("cancelled", gettext_noop("已取消")),
    ("postponed", gettext_noop("已延期")),
]

# What an activity is as people see it: its status, or overdue (never stored: it depends on
# today; see unionplan.plan.states).
ITEM_STATES = [
    *ITEM_STATUSES[:2],
    ("overdue", gettext_noop("已逾期")),
    *ITEM_STATUSES[2:],
]

# How far a target has come (unionplan.plan.progress decides which).
TARGET_PROGRESS = [
    ("met", gettext_noop("已达成")),
    ("on_track", gettext_noop("进度正常")),
    ("behind", gettext_noop("进度滞后")),
    ("missed", gettext_noop("未达成")),
    ("no_data", gettext_noop("暂无数据")),
]

# A member's standing in the registry and the roster file; the scope language's words for
# them (在职, 退休, 离退休…) are in unionplan.scope.vocabulary.
MEMBER_STATUSES = [
    ("active", gettext_noop("在职")),
    ("retired", gettext_noop("退休")),  # 离休 and 离退休 are counted here too
    ("left", gettext_noop("离职")),
]
# 会籍: a member's standing in the union itself, beside the working status above (a retired
# teacher is 退休 and, keeping the union card, 保留). The fund rules read it (only members in
# good standing receive collective welfare); a 转出 member is taken over by the union that
# registers the same ID number next (一次入会、动态接转).
MEMBERSHIP_STANDINGS = [
    ("normal", gettext_noop("正常")),
    ("retained", gettext_noop("保留")),  # kept on retiring (保留会籍)
    ("transferred_out", gettext_noop("转出")),
    ("withdrawn", gettext_noop("退会")),
]
# Seconded (借调) or agency (派遣) staff receive collective welfare in one place only.
SECONDMENTS = [
    ("", gettext_noop("否")),
    ("here", gettext_noop("借调/派遣人员，集体福利在本工会发放")),
    ("elsewhere", gettext_noop("借调/派遣人员，集体福利由他处发放")),
]
GENDERS = [("male", gettext_noop("男")), ("female", gettext_noop("女"))]

# Kinds of activity found in real plans (see shared/corpus/seed.txt).
CATEGORIES = [
    ("organization", gettext_noop("组织建设")),
    ("democracy", gettext_noop("民主管理")),
    ("rights", gettext_noop("维权与集体协商")),
    ("competition", gettext_noop("劳动竞赛与技能")),
    ("training", gettext_noop("学习培训")),
    ("welfare", gettext_noop("帮扶慰问")),
    ("festival", gettext_noop("节日活动")),
    ("culture", gettext_noop("文体活动")),
    ("women", gettext_noop("女职工工作")),
    ("publicity", gettext_noop("宣传教育")),
    ("evaluation", gettext_noop("评先评优")),
    ("finance", gettext_noop("经费与账务")),
    ("other", gettext_noop("其他")),
]


def label(choices: list[tuple[str, str]], code: str) -> str:
    """The Chinese name of ``code`` in ``choices``, or the code itself when unknown."""
    return dict(choices).get(code, code)


def codes(choices: list[tuple[str, str]]) -> list[str]:
    """The codes of ``choices``, in order."""
    return [code for code, _ in choices]
