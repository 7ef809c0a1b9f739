import codecs

import pytest

from unionplan.errors import UserInputError
from unionplan.text.charset import common_hanzi, decode_text, text_score

PLAN = "工会工作计划：一月份慰问困难职工，组织全体教职工开展迎新春联欢活动。" * 3
TRADITIONAL = "工會工作計劃：一月份慰問困難職工，組織全體教職工開展迎新春聯歡活動。" * 3


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (PLAN.encode("utf-8"), PLAN, "utf-8"),
        (codecs.BOM_UTF8 + PLAN.encode("utf-8"), PLAN, "utf-8-sig"),
        (PLAN.encode("gbk"), PLAN, "gb18030"),
        (PLAN.encode("gb18030"), PLAN, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5hkscs"),
        (PLAN.encode("utf-16"), PLAN, "utf-16"),
    ],
)
def test_decode_detects_the_encoding(data, text, encoding):
    assert decode_text(data) == (text, encoding)


def test_short_gbk_text_is_not_taken_for_big5():
    assert decode_text("慰问".encode("gbk"))[0] == "慰问"


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n ", bytes(range(256)) * 10, b"\x00\x01\x02PK" * 100, b"\xff\xfe\xfd" * 300],
)
def test_non_text_is_refused_in_chinese(data):
    with pytest.raises(UserInputError) as error:
        decode_text(data)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error.value))


def test_text_score_tells_chinese_from_garbage():
    assert text_score(PLAN) > 0.95
    assert text_score("顒鍡鑰縭") < 0.5
    assert text_score("") == 0.0


def test_common_hanzi_cover_both_scripts():
    assert {"发", "發", "会", "會", "的"} <= common_hanzi()
    assert "顒" not in common_hanzi()
