import threading
import warnings
from decimal import Decimal

import matplotlib
import pytest

from unionplan.documents import charts

LABELS = ["节日活动", "帮扶慰问", "文体活动"]


def draw_both() -> tuple[bytes, bytes]:
    return (
        charts.items_by_month([1] * 12, [0] * 12, [2] * 12),
        charts.budget_against_spend(LABELS, [Decimal(1), Decimal(2), Decimal(3)], [0, 1, 2]),
    )


def test_charts_are_png_images():
    for png in draw_both():
        assert png.startswith(b"\x89PNG")


def test_chinese_labels_have_their_glyphs_from_the_shipped_font():
    # matplotlib warns "Glyph … missing from font(s)" for every character it draws as a box.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        draw_both()
    assert charts.cjk_font().get_family()[0] == "Noto Sans CJK SC"
    from matplotlib import font_manager

    path = font_manager.findfont(charts.cjk_font(), fallback_to_default=False)
    assert path.endswith("NotoSansCJK-Regular.ttc")


def test_charts_drawn_from_many_threads_match_and_leave_global_settings_alone():
    before = dict(matplotlib.rcParams)
    expected = draw_both()
    results, errors = [], []

    def work():
        try:
            results.append(draw_both())
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [expected] * 8
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("count", [1, 12])
def test_many_categories_still_draw(count):
    labels = [f"类别{n}" for n in range(count)]
    png = charts.budget_against_spend(labels, [Decimal(n) for n in range(count)], [0] * count)
    assert png.startswith(b"\x89PNG")
