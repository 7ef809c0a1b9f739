from unionplan.text.blocks import Table
from unionplan.text.html_reader import html_blocks


def test_blocks_lines_and_tables_in_reading_order():
    blocks = html_blocks(
        "<html><head><title>t</title><script>var x='一、';</script></head><body>"
        "<h1>工会计划</h1><p>一、目标<br>正文</p><!-- 注释 -->"
        "<ol start='3'><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>"
        "<table><tr><th>时间</th><th>内容</th></tr>"
        "<tr><td>1月</td><td><p>联欢</p><p>比赛</p></td></tr></table>"
        "<div>尾<span>声</span></div></body></html>"
    )
    assert blocks == [
        "工会计划",
        "一、目标",
        "正文",
        "3、甲",
        "4、乙",
        "丙",
        Table([["时间", "内容"], ["1月", "联欢\n比赛"]]),
        "尾声",
    ]


def test_text_rows_with_bars_inside_paragraphs_become_tables():
    blocks = html_blocks("<p>时间 |</p><p>内容 |</p><p>一月 |</p><p>联欢 |</p>")
    assert blocks == [Table([["时间", "内容"], ["一月", "联欢"]])]


def test_nested_tables_do_not_repeat_rows():
    blocks = html_blocks(
        "<table><tr><td>外</td><td><table><tr><td>内</td></tr></table></td></tr></table>"
    )
    assert blocks[0].rows == [["外", "内"]]


def test_merged_cells_are_expanded_into_their_grid():
    markup = """<table><tr><th>月份</th><th>活动内容</th><th>负责人</th></tr>
    <tr><td rowspan="2">三月</td><td>三八节慰问</td><td rowspan=3>李红</td></tr>
    <tr><td>植树活动</td></tr><tr><td>四月</td><td>运动会</td></tr>
    <tr><td>五月</td><td colspan="2">劳模座谈会</td></tr></table>"""
    (table,) = html_blocks(markup)
    assert table.rows == [
        ["月份", "活动内容", "负责人"], ["三月", "三八节慰问", "李红"], ["三月", "植树活动", "李红"],
        ["四月", "运动会", "李红"], ["五月", "劳模座谈会", ""],
    ]  # fmt: skip


def test_an_absurd_span_is_capped():
    (table,) = html_blocks('<table><tr><td colspan="999999">甲</td></tr></table>')
    assert len(table.rows[0]) == 50
