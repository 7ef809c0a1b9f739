import pytest

from unionplan.numerals import parse_chinese_number, to_chinese
from unionplan.plan.numbering import section_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10), ("十二", 12), ("二十", 20), ("二十五", 25), ("一百零五", 105),
        ("两", 2), ("五", 5), ("二〇二七", 2027), ("三万", 30000), ("一千二百", 1200),
        ("12", 12), ("", None), ("十x", None),
    ],
)  # fmt: skip
def test_parse_chinese_number(text, value):
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize("number", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005, 12345])
def test_to_chinese_round_trips(number):
    assert parse_chinese_number(to_chinese(number)) == number


def test_to_chinese_reads_naturally():
    assert to_chinese(12) == "十二"
    assert to_chinese(105) == "一百零五"


def test_section_number_by_level():
    assert [section_number(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
    with pytest.raises(ValueError):
        section_number(5, 1)
