import pytest

from unionplan.text.clean import clean_line, clean_text, drop_mojibake, to_simplified


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("科學發(fā)展觀", "科學發展觀"),
        ("有關(guān)工會", "有關工會"),
        ("節（jié）日", "節日"),
        ("發(fa1)展", "發展"),
        ("卡拉(ok)大賽", "卡拉（ok）大賽"),  # not pinyin: kept
        ("工作(一)", "工作（一）"),
    ],
)
def test_pinyin_in_brackets_is_removed(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("慶祝活動</p>", "慶祝活動"),
        ("<p>一月份</p>", "一月份"),
        ("學校慶?;顒?/p>", "學校慶"),
        ("工会&nbsp;计划&amp;安排", "工会 计划&安排"),
        ('<span style="x">慰问</span>', "慰问"),
    ],
)
def test_html_leftovers_are_removed(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("指导思想:在医院", "指导思想：在医院"),
        ("夯实基础,强化建设", "夯实基础，强化建设"),
        ("(一)夯实", "（一）夯实"),
        ("１２３ＡＢｃ", "123ABc"),
        ("工会\u3000计划", "工会 计划"),
        ("3.8妇女节", "3.8妇女节"),
        ("a, b", "a, b"),
    ],
)
def test_punctuation_and_spaces_are_normalised(raw, clean):
    assert clean_text(raw) == clean


def test_runs_of_blank_lines_become_one():
    assert clean_text("一\n\n\n  \n\n二\r\n三 \n") == "一\n\n二\n三"


def test_question_marks_in_prose_are_kept():
    assert drop_mojibake("怎么写?好") == "怎么写?好"
    assert drop_mojibake("乱\ufffd码") == "乱码"


def test_traditional_is_kept_and_converted_only_on_request():
    assert clean_text("工會工作計劃") == "工會工作計劃"
    assert to_simplified("工會工作計劃") == "工会工作计划"
    assert to_simplified("") == ""


def test_clean_line_joins_lines():
    assert clean_line("春节\n慰问") == "春节 慰问"
