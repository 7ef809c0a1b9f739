"""The dashboard's charts as PNG images for the Word summary — matplotlib, no Django.

The web dashboard draws with ECharts in the browser; a Word document needs pictures, so the
same figures are drawn here with matplotlib. Chinese labels need a CJK font: the first one
installed of a short list is used; without any, the charts are still drawn (the labels may
show as boxes) rather than failing the whole document.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display on a server

from matplotlib import font_manager
from matplotlib.figure import Figure

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Serif CJK SC",
)
MONTHS = [f"{m}月" for m in range(1, 13)]
COLORS = {"done": "#1a7f37", "overdue": "#cf222e", "planned": "#8c959f", "budget": "#8c959f",
          "spent": "#b3261e"}  # fmt: skip


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed font that has Chinese characters, or None."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def _figure() -> Figure:
    figure = Figure(figsize=(6.2, 3.0), dpi=150)
    font = cjk_font()
    if font:
        figure.set_layout_engine("constrained")
        matplotlib.rcParams["font.family"] = ["sans-serif"]
        matplotlib.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return figure


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
    axes.set_title("各月活动完成情况")
    axes.set_ylabel("项")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(frameon=False, ncols=3, loc="upper right")
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
    axes.set_title("经费预算与支出（按类别）")
    axes.set_ylabel("元")
    axes.legend(frameon=False)
    _tidy(axes)
    return _png(figure)


def _tidy(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
