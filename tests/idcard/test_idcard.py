"""ID numbers: the GB 11643 check digit, dates, the 15-digit form, masking, generation."""

import random
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionplan.errors import UserInputError
from unionplan.idcard import (
    check_digit,
    generate_id_number,
    id_number_problem,
    is_valid_id_number,
    mask_id_number,
    mask_phone,
    mismatch_problems,
    normalize_id_number,
    parse_id_number,
    upgrade_15_to_18,
)

# The example number of the standard itself (GB 11643-1999, appendix).
STANDARD_EXAMPLE = "11010519491231002X"


def test_standard_example_is_valid_and_decoded():
    info = parse_id_number(STANDARD_EXAMPLE)
    assert info.number == STANDARD_EXAMPLE
    assert info.region == "110105"
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "female"  # sequence 002 is even


def test_check_digit_x_means_ten():
    assert check_digit("11010519491231002") == "X"


# GB 11643-1999's weights, for the textbook computation the fast one must agree with.
STANDARD_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_digit_is_the_standard_weighted_sum(first17):
    total = sum(w * int(d) for w, d in zip(STANDARD_WEIGHTS, first17, strict=True))
    assert check_digit(first17) == "10X98765432"[total % 11]


@pytest.mark.parametrize("text", ["1101051949123100", "110105194912310021", "1101051949123100X",
                                  "１１０１０５１９４９１２３１００２", "11010519491231_02"])  # fmt: skip
def test_check_digit_refuses_what_is_not_17_ascii_digits(text):
    with pytest.raises(ValueError):
        check_digit(text)


def test_male_with_numeric_check_digit():
    # Sum of weights × digits of 11010519800101001 is 116; 116 mod 11 = 6 -> "6".
    info = parse_id_number("110105198001010016")
    assert info.gender == "male"
    assert info.birth_date == date(1980, 1, 1)


def test_birth_before_1900_is_refused():
    first17 = "44052418800101001"
    assert "不合理" in id_number_problem(first17 + check_digit(first17))


def test_lower_case_x_and_fullwidth_digits_are_accepted():
    assert normalize_id_number("11010519491231002x") == STANDARD_EXAMPLE
    assert normalize_id_number(" １１０１０５１９４９１２３１００２Ｘ ") == STANDARD_EXAMPLE


def test_wrong_check_digit_is_refused():
    assert "校验位" in id_number_problem("110105194912310021")
    with pytest.raises(UserInputError, match="校验位"):
        parse_id_number("110105194912310021")


@pytest.mark.parametrize("birth", ["19750230", "19750431", "19751301", "19000229"])
def test_impossible_dates_are_refused(birth):
    first17 = f"110105{birth}001"
    number = first17 + check_digit(first17)
    assert "不存在" in id_number_problem(number)


def test_future_birth_date_is_refused():
    number = generate_id_number(date(2030, 1, 1), "male")
    assert "不合理" in id_number_problem(number, today=date(2025, 1, 1))


def test_unknown_province_is_refused():
    first17 = "99010519491231002"
    assert "地区码" in id_number_problem(first17 + check_digit(first17))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("", "0位"), ("1101051949123100", "16位"), ("1101051949123100AX", "前17位"),
     ("11010549123100A", "15位")],
)  # fmt: skip
def test_malformed_numbers(text, fragment):
    assert fragment in id_number_problem(text)
    assert not is_valid_id_number(text)


def test_old_15_digit_form_is_upgraded():
    assert upgrade_15_to_18("110105491231002") == STANDARD_EXAMPLE
    info = parse_id_number("110105491231002")
    assert info.number == STANDARD_EXAMPLE
    assert info.birth_date == date(1949, 12, 31)


def test_old_15_digit_form_with_impossible_date():
    assert "不存在" in id_number_problem("110105750230001")


def test_mismatch_with_given_birth_date_and_gender():
    info = parse_id_number(STANDARD_EXAMPLE)
    assert mismatch_problems(info, date(1949, 12, 31), "female") == []
    problems = mismatch_problems(info, date(1949, 12, 30), "male")
    assert len(problems) == 2
    assert "1949-12-31" in problems[0]
    assert "女" in problems[1]


def test_masking():
    assert mask_id_number(STANDARD_EXAMPLE) == "110105********002X"
    assert mask_id_number("110105491231002") == "110105*****1002"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("123") == "***"


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 12, 31)),
    st.sampled_from(["male", "female"]),
    st.integers(0, 499),
)
def test_generated_numbers_are_valid_and_round_trip(birth, gender, sequence):
    number = generate_id_number(birth, gender, region="320102", sequence=sequence)
    info = parse_id_number(number)
    assert (info.birth_date, info.gender, info.region) == (birth, gender, "320102")


def test_generator_is_reproducible_with_a_seeded_rng():
    one = generate_id_number(date(1980, 5, 1), "male", rng=random.Random(7))
    two = generate_id_number(date(1980, 5, 1), "male", rng=random.Random(7))
    assert one == two


@given(st.text(max_size=20))
def test_random_text_never_crashes(text):
    assert id_number_problem(text) is None or isinstance(id_number_problem(text), str)
