"""Colours for a chart's labels, one distinct colour each for any number of labels, and a legend that fits the chart.

The first ten are matplotlib's tab10 (``C0`` … ``C9``, what the charts always used), the next ten tab20's light
shades of them, then hues spread by the golden angle at alternating saturation and brightness.
"""

from __future__ import annotations

import colorsys
import math
from typing import Any

TAB10 = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
TAB20_LIGHT = (
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#c7c7c7",
    "#dbdb8d",
    "#9edae5",
)
_GOLDEN = (math.sqrt(5) - 1) / 2
_SHADES = ((0.75, 0.65), (0.55, 0.9), (0.9, 0.45))  # (saturation, value): dark, bright, deep


def label_colours(n: int) -> list[str]:
    """Return *n* distinct colours (``#rrggbb``), the same first ones for any *n*.

    Past tab20 each new colour is the next golden-angle hue that stands far enough (in RGB) from those taken;
    "far enough" relaxes step by step, so that any *n* is reached.
    """
    colours = list((TAB10 + TAB20_LIGHT)[:n])
    taken = [_rgb(c) for c in colours]
    i, gap, misses = 0, 80.0, 0
    while len(colours) < n:
        saturation, value = _SHADES[i % len(_SHADES)]
        rgb = tuple(round(x * 255) for x in colorsys.hsv_to_rgb((0.07 + i * _GOLDEN) % 1, saturation, value))
        i += 1
        if min((math.dist(rgb, t) for t in taken), default=gap) >= gap and rgb not in taken:
            taken.append(rgb)
            colours.append("#{:02x}{:02x}{:02x}".format(*rgb))
        else:
            misses += 1
            if misses % 50 == 0:
                gap *= 0.8
    return colours


HATCHES = ("", "//", "..", "xx", "\\\\", "--", "++", "oo", "||", "*", "O", "/.")
"""Twelve patterns, one per label of a chart the report draws (11 labels and the rest at most): printed without
colour, labels whose colours turn into one grey (tab10's blue, red and brown are 100, 92 and 101 of 255) are told
apart by their pattern. The first is plain, so a chart of one label looks as before."""


def label_hatches(n: int) -> list[str]:
    """Return *n* hatch patterns for a chart's labels, in :data:`HATCHES`' order (repeating past 12, where the
    colours still differ)."""
    return [HATCHES[i % len(HATCHES)] for i in range(n)]


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[k : k + 2], 16) for k in (1, 3, 5))


def fitted_legend(fig: Any, ax: Any, room: float = 1.0, **options: Any) -> Any:
    """Draw *ax*'s legend right of it in as many columns as fit *room* (a share of the figure's height), and widen
    the figure by the columns added, so that a legend of many labels is neither cut off nor squeezes the chart."""
    renderer = fig.canvas.get_renderer()
    limit = fig.bbox.height * room - 2 * options.get("fontsize", 10) * fig.dpi / 72
    columns, widened = 1, 0.0
    while True:
        legend = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, ncols=columns, **options)
        box = legend.get_window_extent(renderer)
        if box.height <= limit or columns >= len(legend.get_texts()):
            break
        if columns == 1:
            widened = box.width / fig.dpi  # one column's width, in inches
        columns += 1
        legend.remove()
    if columns > 1:
        fig.set_figwidth(fig.get_figwidth() + (columns - 1) * widened)
    return legend
