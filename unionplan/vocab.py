"""The shared words of the domain: choices used by the libraries and the Django models alike.

Pure Python (no Django imports) so that the parser, the plan generator and the document
writers speak the same language as the database. Each list is ``(code, 中文名)``.
"""

ORG_KINDS = [
    ("federation", "总工会/工会联合会"),
    ("grassroots", "基层工会"),
]

SECTORS = [
    ("enterprise", "企业"),
    ("school", "学校"),
    ("hospital", "医院"),
    ("agency", "机关事业单位"),
    ("community", "街道社区"),
    ("federation", "上级工会"),
    ("other", "其他"),
]

ROLES = [
    ("chair", "工会主席"),
    ("committee", "工会委员"),
    ("staff", "工作人员"),
    ("viewer", "查看者"),
]
# Roles that may change a plan; a viewer only reads.
EDITOR_ROLES = frozenset({"chair", "committee", "staff"})

PLAN_STATUSES = [
    ("draft", "草稿"),
    ("approved", "已通过"),
    ("archived", "已归档"),
]

COMPARATORS = [
    (">=", "不少于"),
    ("<=", "不超过"),
    ("=", "等于"),
    ("range", "区间"),
]

ITEM_STATUSES = [
    ("planned", "计划中"),
    ("done", "已完成"),
    ("cancelled", "已取消"),
    ("postponed", "已延期"),
]

# Kinds of activity found in real plans (see shared/corpus/seed.txt).
CATEGORIES = [
    ("organization", "组织建设"),
    ("democracy", "民主管理"),
    ("rights", "维权与集体协商"),
    ("competition", "劳动竞赛与技能"),
    ("training", "学习培训"),
    ("welfare", "帮扶慰问"),
    ("festival", "节日活动"),
    ("culture", "文体活动"),
    ("women", "女职工工作"),
    ("publicity", "宣传教育"),
    ("evaluation", "评先评优"),
    ("finance", "经费与账务"),
    ("other", "其他"),
]


def label(choices: list[tuple[str, str]], code: str) -> str:
    """The Chinese name of ``code`` in ``choices``, or the code itself when unknown."""
    return dict(choices).get(code, code)


def codes(choices: list[tuple[str, str]]) -> list[str]:
    """The codes of ``choices``, in order."""
    return [code for code, _ in choices]
