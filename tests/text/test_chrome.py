from unionplan.text.blocks import Table
from unionplan.text.chrome import drop_chrome
from unionplan.text.line import Line


def _texts(units):
    return [u.text if isinstance(u, Line) else u for u in units]


def test_menus_breadcrumbs_publishing_data_and_downloads_are_dropped():
    lines = [
        "购物车", "当前位置: 首页 >> 通知公告 >> 正文", "发布日期:2012-02-16 浏览次数:",
        "加入VIP免费下载 立即下载", "时间:2018-02-07 13:20:14来源:", "校工会计划",
        "一、指导思想", "- 2 -", "第3页 共10页", "计划表.doc", "以服务职工为中心。",
    ]  # fmt: skip
    kept = _texts(drop_chrome([Line.of(t) for t in lines]))
    assert kept == ["校工会计划", "一、指导思想", "以服务职工为中心。"]


def test_a_notice_takes_its_numbered_lines_with_it():
    lines = ["温馨提示:", "1.仅供参考。", "2.请勿转载。", "一、工作目标", "1.入会率达到95%。"]
    assert _texts(drop_chrome([Line.of(t) for t in lines])) == ["一、工作目标", "1.入会率达到95%。"]


def test_related_article_titles_are_dropped_and_what_follows_them_kept():
    table = Table([["月份", "内容"], ["三月", "植树"]])
    units = [Line.of("【工会计划】相关文章:"), Line.of("5.文体活动计划范文"), table]
    long = "我们要认真学习和领会党的十六大报告中关于建设社会主义政治文明的论述，加强对职工的教育。"
    units.append(Line.of(long))
    assert _texts(drop_chrome(units)) == [table, long]


def test_a_long_line_naming_a_menu_word_is_text():
    text = "来源：" + "职工" * 50
    assert _texts(drop_chrome([Line.of(text)])) == [text]
