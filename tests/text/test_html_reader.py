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
