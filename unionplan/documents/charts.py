"""The dashboard's charts as PNG images for the Word summary — matplotlib, no Django.

The web dashboard draws with ECharts in the browser; a Word document needs pictures, so the
same figures are drawn here with matplotlib. Chinese labels need a CJK font: Noto Sans CJK
(SIL Open Font License) comes with the pinned ``noto-cjk-sans-otc`` package, so charts look
the same on every machine without installing fonts.

Charts are made with the object-oriented API only (a ``Figure`` per chart, fonts passed to
each text): no pyplot and no ``rcParams`` changes, because the server draws charts from
several threads at once and global settings would leak between them.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from decimal import Decimal
from functools import cache

from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

CJK_FONT = "Noto Sans CJK SC"
MONTHS = [f"{m}月" for m in range(1, 13)]
COLORS = {"done": "#1a7f37", "overdue": "#cf222e", "planned": "#8c959f", "budget": "#8c959f",
          "spent": "#b3261e"}  # fmt: skip
_REGISTER = threading.Lock()


@cache
def cjk_font() -> FontProperties:
    """Noto Sans CJK SC from its package, registered once with matplotlib's font list."""
    # A large font package: loaded once, when the first chart is drawn.
    import noto_cjk_sans_otc

    with _REGISTER:
        installed = {font.name for font in font_manager.fontManager.ttflist}
        if CJK_FONT not in installed:
            font_manager.fontManager.addfont(str(noto_cjk_sans_otc.FONT_PATH))
    return FontProperties(family=[CJK_FONT, "DejaVu Sans"], size=9)


def _figure() -> Figure:
    return Figure(figsize=(6.2, 3.0), dpi=150, layout="constrained")


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def items_by_month(done: Sequence[int], overdue: Sequence[int], other: Sequence[int]) -> bytes:
    """Stacked bars: activities done, overdue and still to come in each month."""
    figure = _figure()
    axes = figure.add_subplot()
    x = range(12)
    axes.bar(x, done, color=COLORS["done"], label="已完成")
    axes.bar(x, overdue, bottom=done, color=COLORS["overdue"], label="已逾期")
    base = [a + b for a, b in zip(done, overdue, strict=True)]
    axes.bar(x, other, bottom=base, color=COLORS["planned"], label="其他")
    axes.set_xticks(list(x), MONTHS)
    axes.set_title("各月活动完成情况", fontproperties=_title())
    axes.set_ylabel("项", fontproperties=cjk_font())
    axes.yaxis.get_major_locator().set_params(integer=True)
    # Below the bars, not over them: a full month would hide under a legend in the corner.
    figure.legend(frameon=False, ncols=3, loc="outside lower center", prop=cjk_font())
    _tidy(axes)
    return _png(figure)


def budget_against_spend(
    labels: Sequence[str], budget: Sequence[Decimal], spent: Sequence[Decimal]
) -> bytes:
    """Paired bars per category: budget and what was spent."""
    figure = _figure()
    axes = figure.add_subplot()
    x = list(range(len(labels)))
    width = 0.38
    axes.bar([i - width / 2 for i in x], [float(v) for v in budget], width,
             color=COLORS["budget"], label="预算")  # fmt: skip
    axes.bar([i + width / 2 for i in x], [float(v) for v in spent], width,
             color=COLORS["spent"], label="支出")  # fmt: skip
    axes.set_xticks(x, list(labels), rotation=20 if len(labels) > 5 else 0)
    axes.set_title("经费预算与支出（按类别）", fontproperties=_title())
    axes.set_ylabel("元", fontproperties=cjk_font())
    figure.legend(frameon=False, ncols=2, loc="outside lower center", prop=cjk_font())
    _tidy(axes)
    return _png(figure)


def _title() -> FontProperties:
    title = cjk_font().copy()
    title.set_size(11)
    return title


def _tidy(axes) -> None:
    axes.tick_params(labelfontfamily=cjk_font().get_family(), labelsize=8)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
