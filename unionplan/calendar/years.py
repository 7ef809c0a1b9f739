"""The range of years the calendar answers for, and the check every entry point shares."""

from unionplan.errors import UserInputError

FIRST_YEAR = 1950
LAST_YEAR = 2100


def check_year(year: object) -> int:
    """``year`` as an int within 1950–2100; anything else is the user's mistake.

    The lunar library is reliable over a wider range, but plans are written for years a union
    can exist in; a typo such as 20277 must be caught, not silently computed.
    """
    if isinstance(year, bool):
        year = str(year)
    try:
        value = int(str(year).strip())
    except (TypeError, ValueError):
        raise UserInputError(
            f"年份应为{FIRST_YEAR}到{LAST_YEAR}之间的整数，而不是“{year}”。"
        ) from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise UserInputError(f"年份应在{FIRST_YEAR}到{LAST_YEAR}之间，而不是{value}。")
    return value
