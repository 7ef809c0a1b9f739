from unionplan.text.line import Line


def test_shadow_is_simplified_and_text_kept():
    line = Line.of("工會計劃")
    assert (line.text, line.shadow) == ("工會計劃", "工会计划")
    assert Line.of("工會計劃", simplified=True).text == "工会计划"


def test_cut_and_strip_move_in_step():
    line = Line.of("  一、工會；")
    assert line.strip().text == "一、工會"
    assert line.strip().cut(2).shadow == "工会"


def test_empty_line_is_false():
    assert not Line.of("")
    assert len(Line.of("工會")) == 2
