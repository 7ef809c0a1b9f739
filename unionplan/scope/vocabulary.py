"""The words of 参加范围 and of roster columns, mapped to filter fields and canonical values.

Tags are stored and filtered by their canonical *Chinese* name (劳模, 困难职工, 退役军人 …),
not by ASCII codes: the roster's 标签 column is typed by people, exported back to them and
shown on lists, so the Chinese name is the one thing everybody already reads. Synonyms are
folded into the canonical name by :func:`canonical_tag`, used by both the scope parser and the
roster reader, so 复转军人 in a plan and 退伍军人 in a roster meet as 退役军人.

Every word is simplified Chinese; callers convert traditional text first.
"""

from __future__ import annotations

from typing import NamedTuple


class Word(NamedTuple):
    """What a word does to a filter.

    ``field``: the filter field it sets (None for words that only carry grammar);
    ``value``: the value added; ``head``: True for nouns naming people (教师, 劳模, 子女), which
    end a coordinated group, False for modifiers (女, 退休, 生病) that share the next noun;
    ``extra``: further (field, value) pairs the word sets (基层工会主席: the tag and the level).
    """

    field: str | None
    value: object
    head: bool
    extra: tuple[tuple[str, object], ...] = ()


# canonical tag -> words that mean it, in plans and in rosters
TAG_SYNONYMS: dict[str, tuple[str, ...]] = {
    "劳模": ("劳模", "劳动模范", "劳模先进"),
    "困难职工": ("困难职工", "困难教师", "困难教职工", "困难会员", "困难员工", "困难户"),
    "特困职工": ("特困职工", "特困教师", "特困会员"),
    "患病": ("患病职工", "病患职工", "大病职工", "重病职工"),
    "退役军人": ("退役军人", "复转军人", "转业军人", "复员军人", "退伍军人", "复退军人",
                 "复转退伍军人", "军转干部", "军队转业干部"),
    "军属": ("军属", "军人家属", "现役军人家属", "军嫂"),
    "工会干部": ("工会干部", "工会基层干部", "基层工会干部", "工会骨干"),
    "工会主席": ("工会主席",),
    "工会副主席": ("工会副主席",),
    "工会委员": ("工会委员", "工会委员会委员"),
    "经审委员": ("经审委员", "经审会委员", "经费审查委员会委员", "工会经费审查委员会委员",
                 "经审委员会", "经费审查委员会", "工会经费审查委员会"),
    "女职工委员": ("女职工委员", "女职工委员会委员", "女职委委员", "女工委员",
                   "女职工委员会"),
    "工会财务人员": ("工会财务人员", "工会会计", "工会出纳", "工会财务"),
    "工会小组长": ("工会小组长",),
    "工会积极分子": ("工会积极分子", "工会活动积极分子"),
    "集体协商指导员": ("集体协商指导员", "协商指导员", "工资集体协商指导员"),
    "职工代表": ("职工代表", "教代会代表", "职代会代表", "教职工代表", "教工代表",
                 "教师代表", "会员代表", "职工代表大会代表"),
    "先进工作者": ("先进工作者", "先进个人"),
    "一线职工": ("一线职工", "一线员工", "一线工人", "一线生产岗位", "生产一线", "一线岗位",
                 "一线生产职工"),
    "党员": ("党员", "共产党员", "中共党员"),
    "残疾": ("残疾职工", "残疾人", "残疾"),
    "单亲": ("单亲", "单亲家庭", "单亲职工", "单亲母亲", "单亲父亲"),
    "农民工": ("农民工",),
}  # fmt: skip

# Modifier forms of tags: 生病、家庭困难的教师, 一线教师.
_TAG_MODIFIERS: dict[str, tuple[str, ...]] = {
    "患病": ("生病", "患病", "病患", "重病", "大病", "伤病", "有病", "生病住院", "患病住院",
             "住院"),
    "困难职工": ("困难", "家庭困难", "生活困难", "经济困难", "困难家庭"),
    "特困职工": ("特困",),
    "一线职工": ("一线",),
}  # fmt: skip

# Tags a scope does not take from the roster: who is a hardship worker, ill or a single
# parent is established in the hardship files (困难职工档案) and the welfare register
# (福利慰问台账), reviewed and made public, not by a label someone typed into a roster.
# 困难职工 and 特困职工 are read from the hardship files (the filter's ``hardship``: any
# recognised class, or 深度困难); the others stay unresolved, with this message, until
# their records say it.
HARDSHIP_SCOPES: dict[str, str] = {"困难职工": "any", "特困职工": "deep"}
WELFARE_SOURCES: dict[str, str] = {
    "患病": "生病住院、大病职工要按福利慰问台账的登记确定，台账功能上线后自动统计；"
            "目前请人工核定名单",
    "单亲": "单亲职工要按困难职工档案中的家庭情况确定，档案功能上线后自动统计；"
            "目前请人工核定名单",
}  # fmt: skip

STATUS_WORDS: dict[str, str] = {
    "在职": "active", "在岗": "active", "在编": "active", "正常": "active", "在册": "active",
    "退休": "retired", "离休": "retired", "离退休": "retired", "已退休": "retired",
    "离职": "left", "调离": "left", "辞职": "left", "退会": "left", "已离职": "left",
}  # fmt: skip

# Nouns for "members" in general: they name people without narrowing anything.
GENERIC_NOUNS = (
    "职工", "教职工", "教职员工", "教工", "员工", "会员", "工会会员", "人员", "同志",
    "干部职工", "职工群众", "教职员", "成员", "全员", "工友", "医务人员", "医护职工", "干部",
)  # fmt: skip
# The whole of a place or an organization: 全县 alone is everyone, as 全县职工 is.
WHOLE_WORDS = (
    "全院", "全校", "全厂", "全局", "全所", "全公司", "全单位", "全街道", "全镇", "全乡",
    "全系统", "全处", "全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全行业",
    "全市各级", "全区各级", "全县各级",
)  # fmt: skip
# Words that only say "all of them" or glue words together.
FILLERS = (
    "全体", "所有", "男女", "广大", "本单位", "本院", "本校", "本厂", "本系统", "辖区", "所属",
    "各", "全", "的", "之", "等", "们", "在内", "包括", "含", "(", ")", "[", "]", "“", "”", '"', "'", ".", "。",
    ":", "：", "!", "！", "-", "—",
)  # fmt: skip
POST_WORDS: dict[str, tuple[str, ...]] = {
    "教师": ("教师", "老师", "教员"),
    "护士": ("护士", "护理人员"),
    "医生": ("医生", "医师"),
    "护士长": ("护士长",),
    "班主任": ("班主任",),
    "部门负责人": ("部门负责人", "科室负责人", "部门领导"),
    "中层干部": ("中层干部", "中层领导", "中层"),
    "科主任": ("科主任", "科室主任"),
}
CHILD_NOUNS = ("子女", "孩子", "小孩", "儿女", "子弟")
# The grassroots unions below a federation as participants (各基层工会), not their members.
UNION_NOUNS: dict[str, tuple[tuple[str, object], ...]] = {
    "基层工会": (), "基层工会组织": (), "基层单位工会": (),
    "已建工会企业": (("sectors", "enterprise"),), "建会企业": (("sectors", "enterprise"),),
    "企业工会": (("sectors", "enterprise"),),
}  # fmt: skip
# Whose members: the organization's own (总工会机关干部) or those of grassroots unions.
LEVEL_WORDS = {"基层": "grassroots", "总工会": "own", "机关": "own", "总工会机关": "own",
               "市总工会": "own", "区总工会": "own", "县总工会": "own"}  # fmt: skip
# Members of the unions of a sector.
SECTOR_NOUNS = {"企业职工": "enterprise", "企业员工": "enterprise", "企业会员": "enterprise"}
# 新入职: hired in the plan year or the last twelve months (the hire date of the registry).
NEW_HIRE_MODIFIERS = ("新入职", "新进", "新录用", "新招录", "新招聘", "新入职的")
NEW_HIRE_NOUNS = ("新职工", "新员工", "新教工", "新教职工", "新入职人员", "新进人员")
GENDER_WORDS = {
    "女": "female", "女性": "female", "妇女": "female", "女工": "female", "女同胞": "female",
    "男": "male", "男性": "male", "男工": "male",
}  # fmt: skip
# Words that are too vague to become a filter on their own (老教师 without an age).
VAGUE_WORDS = ("老", "年轻", "中青年", "老年")
# 青年职工 is 35周岁以下 (the unions' and the youth leagues' usage for staff), unless the
# phrase gives its own age (28周岁以下青年).
YOUTH_WORDS = ("青年",)
YOUTH_AGE_MAX = 35
CONJUNCTIONS = ("、", ",", "，", ";", "；", "/", "和", "与", "及", "以及", "或", "或者", "跟", "同")


def _tag_word(canonical: str, head: bool) -> Word:
    """A tag word; a welfare tag only names what the hardship and welfare records will say."""
    if canonical in HARDSHIP_SCOPES:
        return Word("hardship", HARDSHIP_SCOPES[canonical], head=head)
    if canonical in WELFARE_SOURCES:
        return Word("welfare", canonical, head=head)
    return Word("tags", canonical, head=head)


def _union_office_words(words: dict[str, Word]) -> None:
    """基层工会主席, 总工会委员 …: an office of a union and whose union it is."""
    for canonical in ("工会主席", "工会副主席", "工会委员", "工会干部", "工会财务人员",
                      "经审委员", "女职工委员", "工会积极分子"):  # fmt: skip
        for word in TAG_SYNONYMS[canonical]:
            if word.startswith("工会"):
                for prefix, level in (("基层", "grassroots"), ("总", "own")):
                    words[prefix + word] = Word("tags", canonical, True, (("union_level", level),))
            elif not word.startswith(("基层", "工会")):
                words["基层工会" + word] = Word(
                    "tags", canonical, True, (("union_level", "grassroots"),)
                )
    words["工会基层干部"] = Word("tags", "工会干部", True, (("union_level", "grassroots"),))
    words["机关干部"] = Word("union_level", "own", head=True)


def _lexicon() -> dict[str, Word]:
    words: dict[str, Word] = {}
    for filler in FILLERS:
        words[filler] = Word(None, None, head=False)
    for noun in (*GENERIC_NOUNS, *WHOLE_WORDS):
        words[noun] = Word(None, None, head=True)
    for canonical, synonyms in _TAG_MODIFIERS.items():
        for word in synonyms:
            words[word] = _tag_word(canonical, head=False)
    post_words = {w for synonyms in POST_WORDS.values() for w in synonyms}
    for canonical, synonyms in TAG_SYNONYMS.items():
        for word in synonyms:
            # 困难教师 in a plan is 困难 + 教师 (a tag and a post); in a roster's 标签 it is a tag.
            if not any(word.endswith(post) for post in post_words):
                words[word] = _tag_word(canonical, head=True)
    _union_office_words(words)
    for word, code in STATUS_WORDS.items():
        if word not in ("正常", "在册", "退会"):
            words[word] = Word("status", code, head=False)
    for canonical, synonyms in POST_WORDS.items():
        for word in synonyms:
            words[word] = Word("posts", canonical, head=True)
    for noun in CHILD_NOUNS:
        words[noun] = Word("target", "children", head=True)
    for noun, extra in UNION_NOUNS.items():
        words[noun] = Word("target", "unions", True, extra)
    for word, level in LEVEL_WORDS.items():
        words[word] = Word("union_level", level, head=False)
    for noun, sector in SECTOR_NOUNS.items():
        words[noun] = Word("sectors", sector, head=True)
    for word in NEW_HIRE_MODIFIERS:
        words[word] = Word("new_hire", True, head=False)
    for word in NEW_HIRE_NOUNS:
        words[word] = Word("new_hire", True, head=True)
    for word, code in GENDER_WORDS.items():
        words[word] = Word("gender", code, head=word in ("妇女", "女工", "男工", "女同胞"))
    for word in VAGUE_WORDS:
        words[word] = Word("vague", word, head=False)
    for word in YOUTH_WORDS:
        words[word] = Word("youth", YOUTH_AGE_MAX, head=False)
    return words


LEXICON: dict[str, Word] = _lexicon()
LONGEST_WORD = max(map(len, LEXICON))


def canonical_tag(word: str) -> str:
    """The canonical tag for ``word`` (退伍军人 -> 退役军人); unknown words stay as typed."""
    word = word.strip()
    for canonical, synonyms in TAG_SYNONYMS.items():
        if word == canonical or word in synonyms:
            return canonical
    for canonical, synonyms in _TAG_MODIFIERS.items():
        if word in synonyms:
            return canonical
    return word


def status_code(word: str) -> str | None:
    """The status code for a roster's 状态 cell (在职 -> "active"), or None when unknown."""
    return STATUS_WORDS.get(word.strip())
