from decimal import Decimal

import pytest

from unionplan.errors import UserInputError
from unionplan.plan.money import clean_amount


@pytest.mark.parametrize(
    ("text", "value"), [("200", "200.00"), ("1,200.5元", "1200.50"), ("￥35.10", "35.10")]
)
def test_amounts_people_type(text, value):
    assert clean_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [("-5", "须大于0"), ("0", "须大于0"), ("abc", "应为数字"), ("", "请填写"), ("NaN", "应为数字"),
     ("1.234", "精确到分"), ("99999999", "过大")],
)  # fmt: skip
def test_bad_amounts_get_a_chinese_message(text, message):
    with pytest.raises(UserInputError, match=message):
        clean_amount(text)
