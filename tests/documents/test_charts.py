from decimal import Decimal

from unionplan.documents import charts


def test_charts_are_png_images():
    png = charts.items_by_month([1] * 12, [0] * 12, [2] * 12)
    assert png.startswith(b"\x89PNG")
    png = charts.budget_against_spend(["节日活动", "帮扶慰问"], [Decimal(1), Decimal(2)], [0, 1])
    assert png.startswith(b"\x89PNG")


def test_a_cjk_font_is_found_on_this_machine_or_none():
    font = charts.cjk_font()
    assert font is None or font in charts.CJK_FONTS
