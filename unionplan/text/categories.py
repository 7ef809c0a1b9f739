"""A first guess at an activity's category (vocab.CATEGORIES) from its words.

Only a suggestion for the import preview: the user can change it. Rules are tried in order,
so the more specific kinds (accounts, evaluation, democratic management) win over the broad
ones (culture and sports).
"""

from __future__ import annotations

import re

from unionplan import vocab
from unionplan.text.clean import to_simplified

_RULES = [
    ("finance", "账务|经费|财务|审计|预算|决算"),
    ("evaluation", "评比|评选|评优|先进|表彰|考核|总结大会|年度总结"),
    ("democracy", "职代会|教代会|职工代表大会|教职工代表大会|提案|民主|校务公开|厂务公开|院务公开|政务公开|票决|测评|座谈"),
    ("rights", "维权|集体协商|集体合同|劳动合同|工资协商|法律援助|劳动保护|安康杯|劳动争议"),
    ("women", "女职工|女教工|女教师|妇女|三八|女工"),
    ("welfare", "慰问|送温暖|帮扶|帮困|困难|特困|助学|救助|看望|探望|送凉|送清凉|体检|疗休养|互助保障"),
    ("festival", "春节|元旦|元宵|五一|劳动节|端午|中秋|国庆|重阳|教师节|儿童节|六一|护士节|节日|迎新|新年"),
    ("competition", "技能|基本功|练兵|比武|劳动竞赛|岗位竞赛|技术革新|合理化建议|创新工作室|技术创新"),
    ("training", "培训|学习|讲座|讲课|党课|知识竞赛|读书"),
    ("culture", "比赛|运动会|球|文艺|联欢|旅游|春游|秋游|登山|健身|跑|操|合唱|书法|摄影|电影|演出|艺术节|体育|龙舟|拔河|棋|舞|跳绳|文化"),
    ("organization", "入会|会员|组建|建会|换届|工会小组|职工之家|教工之家|委员会|例会|会员资料"),
    ("publicity", "宣传|博客|网站|信息|简报|征文|调研|展览"),
]  # fmt: skip
_COMPILED = [(code, re.compile(words)) for code, words in _RULES]
assert all(code in vocab.codes(vocab.CATEGORIES) for code, _ in _RULES)


def guess_category(text: str) -> str:
    """The code of the first category whose keywords occur in ``text``; "other" if none."""
    shadow = to_simplified(text)
    for code, pattern in _COMPILED:
        if pattern.search(shadow):
            return code
    return "other"
