"""目标分解 arithmetic: shares add up to the target exactly, whatever the rounding."""

from decimal import Decimal

import pytest

from unionplan.errors import UserInputError
from unionplan.plan import cascade

D = Decimal


def test_equal_shares_of_a_whole_number_are_whole_and_add_up():
    assert cascade.equal(D(10), 3) == [D(4), D(3), D(3)]
    assert sum(cascade.equal(D(100), 7)) == D(100)


def test_shares_of_a_decimal_target_are_hundredths_and_add_up():
    shares = cascade.equal(D("10.5"), 3)
    assert shares == [D("3.50"), D("3.50"), D("3.50")]
    shares = cascade.equal(D("1.00") + D("0.01"), 3)
    assert sum(shares) == D("1.01") and max(shares) - min(shares) == D("0.01")


def test_by_members_follows_the_largest_remainders():
    # exact parts 5.5, 3.3, 1.2 of 10 -> floors 5, 3, 1 and the one left goes to 5.5
    assert cascade.split(D(10), [55, 33, 12]) == [D(6), D(3), D(1)]
    assert sum(cascade.split(D(1000), [1, 1, 1, 97])) == D(1000)


def test_a_union_without_members_gets_nothing_by_members():
    assert cascade.split(D(4), [0, 10, 10]) == [D(0), D(2), D(2)]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: cascade.split(D(4), [0, 0]), "都还没有会员"),
        (lambda: cascade.split(D(4), []), "没有下级工会"),
        (lambda: cascade.check_typed(D(10), [D(4), D(5)], "次"), "合计9次，与目标10次不符"),
        (lambda: cascade.check_typed(D(10), [D(11), D(-1)]), "不能为负数"),
        (lambda: cascade.check_typed(D(1), [D("0.333"), D("0.667")]), "两位小数|2位小数"),
        (lambda: cascade.check_splittable("range", D(1), "次"), "区间目标"),
        (lambda: cascade.check_splittable(">=", None, "次"), "没有大于零"),
        (lambda: cascade.check_splittable(">=", D(90), "%"), "比率"),
    ],
)
def test_what_cannot_be_split_says_why(call, words):
    with pytest.raises(UserInputError, match=words):
        call()


def test_typed_shares_that_add_up_pass():
    cascade.check_typed(D(10), [D(4), D(6), D(0)])


def test_the_federation_stands_at_the_sum_of_what_its_unions_report():
    assert cascade.rolled_up([D(2), None, D(3)]) == D(5)
    assert cascade.rolled_up([None, None]) is None
