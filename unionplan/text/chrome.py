"""Site chrome around a plan copied from the web: what a page shows that the author did not write.

Document-sharing and model-essay sites wrap a plan in breadcrumbs (当前位置：首页 >> 通知公告),
menus (购物车, 我的足迹), publishing data (发布日期, 浏览次数, 来源), download offers (加入VIP免费
下载), attachment names (计划表.doc), page numbers ("- 2 -", 第2页) and, at the end, lists of
related articles (【…】相关文章：, 猜你喜欢) and notices (温馨提示：1.… 4.…) with numbered
lines of their own. None of it is part of the plan: the lines are dropped before the plan is
read, and so are the short titles listed under a related-articles heading. Every test is anchored or bounded, so a
megabyte-long line costs one pass.
"""

from __future__ import annotations

import re
from typing import TypeVar

from unionplan.text.line import Line

T = TypeVar("T")

_MAX_CHROME = 80  # chrome lines are short; a long line is text even if it names a menu word
_CHROME_RE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|位置)\s*[：:]|>>|>\s*正文|首页\s*[>›»/]"
    r"|^(?:购物车|我的足迹|我的收藏|登录|注册|免费注册|会员中心|网站首页|首页|返回顶部|打印本页|关闭窗口"
    r"|分享到|收藏本页|举报|通知公告|新闻中心)\s*$"
    r"|(?:发布日期|发布时间|更新时间|浏览次数|阅读次数|点击次数|点击数|阅读量|作者|来源|编辑)\s*[：:]"
    r"|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
    r"|(?:VIP|vip|Vip)|免费下载|立即下载|下载文档|下载本文|文档下载|下载此文档|全文下载|付费下载"
    r"|\.(?:docx?|pdf|xlsx?|wps|pptx?|rar|zip)\s*$"
    r"|^[-—－\s]*\d{1,3}\s*[-—－]?\s*$|^第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?$"
    r"|^\d{1,3}\s*/\s*\d{1,3}$"
)
# A heading after which the page lists other articles: the plan has ended.
_RELATED_RE = re.compile(
    r"(?:相关(?:文章|推荐|阅读|范文|内容)|猜你喜欢|热门(?:文章|推荐)|推荐(?:阅读|文章)|延伸阅读|精彩推荐)"
    r"\s*[：:]?\s*$"
)
# A notice of the site (温馨提示：) and the numbered lines under it.
_NOTICE_RE = re.compile(
    r"^[【\[]?(?:温馨提示|友情提示|免责声明|版权声明|特别声明|下载说明|购买须知)"
)
_NOTICE_LINES = 8
_RELATED_LINKS = 20  # related articles listed under the heading, each a short title
_MAX_LINK = 40
_NUMBERED_RE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])")


def drop_chrome(units: list[T]) -> list[T]:
    """``units`` without the Lines that are site chrome (tables pass), nor the titles listed
    under a related-articles heading."""
    kept: list[T] = []
    notice_left = related_left = 0
    for line in units:
        if not isinstance(line, Line):
            kept.append(line)
            continue
        shadow = line.shadow
        if related_left and len(shadow) <= _MAX_LINK:
            related_left -= 1  # the title of a related article
            continue
        related_left = 0
        if len(shadow) <= _MAX_CHROME:
            if _RELATED_RE.search(shadow):
                related_left = _RELATED_LINKS
                continue
            if _NOTICE_RE.match(shadow):
                notice_left = _NOTICE_LINES
                continue
            if notice_left and _NUMBERED_RE.match(shadow):
                notice_left -= 1
                continue
            if _CHROME_RE.search(shadow):
                continue
        notice_left = 0
        kept.append(line)
    return kept
