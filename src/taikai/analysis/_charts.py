"""Draw the report's charts with matplotlib's Agg canvas and the IPAexGothic font (``_chart_fonts``), so that
Japanese renders."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from taikai.analysis._chart_fonts import chart_style
from taikai.analysis._chart_png import warned_png
from taikai.analysis._chart_words import words as _words
from taikai.analysis._count_table import SEGMENT_BARS, SENTIMENT_BARS, TREND_COUNTS, TREND_SHARES, counts, per_reason
from taikai.analysis._palette import fitted_legend, label_colours, label_hatches
from taikai.analysis._tables import shares_over_time
from taikai.errors import wrong_type
from taikai.labels import own_labels, reason_name, reason_with_id, sentiment_name
from taikai.text import clip, percent

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SEGMENT_WIDTH = 30  # a segment's name on the chart, in terminal columns (15 kanji); the table has it in full
SENTIMENT_COLOURS = {"positive": "#2d6a3e", "neutral": "#d9d9d9", "negative": "#e07a5f"}
"""Green, grey and red that stay apart printed without colour: 83, 217 and 149 in grey (BT.601 luma, 0–255); the
green and red of equal lightness that they replace were 124 and 117, one grey on paper."""
HATCH_EDGE: dict[str, Any] = {"edgecolor": "#ffffffaa", "lw": 0}
"""A pattern (``_palette.HATCHES``) is drawn in the edge colour: white, half seen, on the label's colour; no outline."""


def sentiment_colours(sentiments: Iterable[object]) -> dict[str, str]:
    """Return the colours of a model's *sentiments*: the taxonomy's (:data:`SENTIMENT_COLOURS`) when all are its
    sentiments, else none, so that labels of one's own take the palette's in their order, as the reasons do: a
    ``neutral`` beside ``bad`` and ``great`` is not grey (nor ``great`` the palette's green a second time)."""
    return SENTIMENT_COLOURS if {str(s) for s in sentiments} <= set(SENTIMENT_COLOURS) else {}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from taikai.analysis._chart_figure import ChartFigure

    fig = ChartFigure(figsize=(width, height), dpi=100, layout="constrained")  # a notebook shows it as a picture
    FigureCanvasAgg(fig)
    return fig


def _check_figure(value: object) -> None:
    """Raise ``TypeError`` unless *value* is a matplotlib figure (as the charts return), naming the argument and what
    to give instead of an ``AttributeError`` from deep inside; the tables the charts read are checked in
    ``_count_table``."""
    from matplotlib.figure import Figure

    if not isinstance(value, Figure):
        raise wrong_type("fig", value, "a matplotlib Figure, as taikai.analysis's charts return")


def to_data_uri(fig: Figure) -> str:
    """Return the figure as a ``data:image/png;base64,…`` URI.

    A character that no chart font has (an emoji, a rare kanji) is drawn as 〓 (*fig* itself is left as it was) and
    named in a :class:`~taikai.errors.DataWarning`.
    """
    return "data:image/png;base64," + base64.b64encode(chart_png(fig)).decode("ascii")


def chart_png(fig: Figure) -> bytes:
    """Return the figure as PNG bytes (as :func:`to_data_uri`, which a notebook shows: ``ChartFigure._repr_png_``)."""
    _check_figure(fig)
    return warned_png(fig)


def reason_bars(distribution: pd.DataFrame, lang: str = "ja", labels: Sequence[str] | None = None) -> Figure:
    """Return a horizontal bar chart of the count per reason (``analysis.reason_distribution``).

    *labels*: the model's reasons (``ReportContext.reason_labels``), which say whether a label of its own is named
    as written (:class:`~taikai.labels.OwnLabels`); ``None``: the table's.
    """
    distribution = per_reason(distribution, "reason_bars")
    from matplotlib.ticker import MaxNLocator

    own = distribution.index if labels is None else labels
    words = _words(lang, own_labels(own))
    with chart_style():
        fig = _figure(7, 0.4 * len(distribution) + 1)
        ax = fig.add_subplot()
        names = [reason_with_id(r, lang, own) for r in distribution.index][::-1]
        counts = distribution["count"].to_numpy()[::-1]
        bars = ax.barh(names, counts, color="#3b6ea5")
        shares = distribution["share"].to_numpy()[::-1]
        ax.bar_label(bars, labels=[f"{c:,} ({percent(s, '')})" for c, s in zip(counts, shares)], padding=3)
        ax.set_xlabel(words["count"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: never a tick at 0.5 reviews
        ax.set_title(words["reasons"])
        ax.margins(x=0.15)
    return fig


def stated_bars(stated: pd.DataFrame, lang: str = "ja", labels: Sequence[str] | None = None) -> Figure:
    """Return paired bars per reason: rows where it is the primary reason, rows that state it (``stated_reasons``);
    *labels* as for :func:`reason_bars`."""
    stated = per_reason(stated, "stated_bars")
    from matplotlib.ticker import MaxNLocator

    own = stated.index if labels is None else labels
    words = _words(lang, own_labels(own))
    with chart_style():
        fig = _figure(8, 0.55 * len(stated) + 1.2)
        ax = fig.add_subplot()
        y = np.arange(len(stated))[::-1]
        names = [reason_with_id(r, lang, own) for r in stated.index]
        for offset, column, colour in ((0.2, "primary", "#3b6ea5"), (-0.2, "stated", "#9dbbd9")):
            counts = stated[column].to_numpy()
            shares = stated[f"{column}_share"].to_numpy()
            bars = ax.barh(y + offset, counts, height=0.4, color=colour, label=words[column])
            labels = [f"{c:,} ({percent(s, '')})" for c, s in zip(counts, shares)]
            ax.bar_label(bars, labels=labels, padding=3, fontsize=8)
        ax.set_yticks(y, names)
        ax.set_xlabel(words["count"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.margins(x=0.18)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1), ncols=2, frameon=False)  # above: it never covers a bar
        fig.suptitle(words["reasons"])  # above the legend
    return fig


def _share_bars(table: pd.DataFrame, title: str, names: list[str], colours: dict[str, str] | None = None) -> Figure:
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0)
    with chart_style():
        fig = _figure(8, 0.4 * len(table) + 1.4)
        ax = fig.add_subplot()
        left = np.zeros(len(table))
        y = np.arange(len(table))[::-1]  # positions, not the labels: two clipped labels may read alike
        n = len(table.columns)
        hatches = [""] * n if colours else label_hatches(n)  # colours of their own (sentiment) differ in grey
        for j, (column, colour) in enumerate(zip(table.columns, label_colours(n))):
            values = shares[column].to_numpy()
            colour = (colours or {}).get(column, colour)
            ax.barh(y, values, left=left, label=names[j], color=colour, hatch=hatches[j], **HATCH_EDGE)
            left += values
        ax.set_yticks(y, list(table.index.astype(str)))
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter("{x:.0%}")
        ax.set_title(title)
        if len(table.columns) and len(table):
            fitted_legend(fig, ax)
    return fig


def sentiment_bars(
    table: pd.DataFrame, lang: str = "ja", labels: Sequence[str] | None = None, sentiments: Sequence[str] | None = None
) -> Figure:
    """Return 100 % bars of the sentiment mix per reason (``analysis.sentiment_by_reason``); *labels* as for
    :func:`reason_bars`, *sentiments* (the model's sentiments) alike."""
    table = counts(table, SENTIMENT_BARS)
    labelled = table.rename(index=lambda r: reason_with_id(r, lang, table.index if labels is None else labels))
    own = table.columns if sentiments is None else sentiments
    names = [sentiment_name(s, lang, own) for s in table.columns]
    return _share_bars(labelled, _words(lang)["sentiment"], names, sentiment_colours(own))


def segment_bars(table: pd.DataFrame, lang: str = "ja", labels: Sequence[str] | None = None) -> Figure:
    """Return 100 % bars of the reason mix per segment (``analysis.segment_breakdown``); *labels* as for
    :func:`reason_bars`."""
    table = counts(table, SEGMENT_BARS)
    own = table.columns if labels is None else labels
    names = [reason_name(r, lang, own) for r in table.columns]
    rows = [f"{clip(str(s), SEGMENT_WIDTH)} (n={n:,})" for s, n in zip(table.index, table.sum(axis=1))]
    title = _words(lang, own_labels(own))["segments"].format(by=table.index.name)
    return _share_bars(table.set_axis(rows, axis=0), title, names)


def _period_ticks(ax: Any, index: pd.PeriodIndex, most: int = 6) -> None:
    """Label at most *most* periods with short names (``2026-03``, ``W12``), the year under a week's first label
    and wherever the year changes."""
    from taikai.analysis._tables import period_label

    step = max(1, -(-len(index) // most))
    positions = list(range(0, len(index), step))
    labels, year = [], None
    for i in positions:
        label = period_label(index[i], short=True)
        if label.startswith("W"):
            iso_year = index[i].start_time.isocalendar()[0]
            label = label if iso_year == year else f"{label}\n{iso_year}"
            year = iso_year
        labels.append(label)
    ax.set_xticks(positions, labels)
    ax.tick_params(axis="x", labelsize=8)


def trend_counts(
    table: pd.DataFrame, lang: str = "ja", columns: int = 4, labels: Sequence[str] | None = None
) -> Figure:
    """Return small multiples of the count per period, one panel per reason on one scale (``reasons_over_time``).

    Integer ticks; short period labels (``2026-03``, ``W12``); filled steps, so that ~100 weeks stay readable.
    *labels* as for :func:`reason_bars`.
    """
    table = counts(table, TREND_COUNTS)
    own = table.columns if labels is None else labels
    from matplotlib.ticker import MaxNLocator

    n = max(len(table.columns), 1)
    rows = -(-n // columns)
    with chart_style():
        fig = _figure(10, 2.1 * rows + 0.6)
        axes = fig.subplots(rows, columns, sharex=True, sharey=True, squeeze=False).ravel()
        for ax, column, colour in zip(axes, table.columns, label_colours(len(table.columns))):
            values = table[column].to_numpy()
            ax.stairs(values, np.arange(len(table) + 1) - 0.5, fill=True, color=colour)  # one artist
            ax.set_title(f"{reason_name(str(column), lang, own)} ({int(values.sum()):,})", fontsize=9)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            ax.grid(axis="y", color="#e5e5e5", linewidth=0.6)
            ax.set_axisbelow(True)
        for ax in axes[len(table.columns) :]:
            ax.set_visible(False)
        if len(table):
            for ax in axes[:columns]:
                _period_ticks(ax, table.index, most=3)
        fig.suptitle(_words(lang, own_labels(own))["trend"])
    return fig


def trend_shares(
    table: pd.DataFrame,
    lang: str = "ja",
    colours: dict[str, str] | None = None,
    names: list[str] | None = None,
    labels: Sequence[str] | None = None,
) -> Figure:
    """Return a stacked area of each column's share per period, with the period's total count below it.

    *table* is counts per period (``reasons_over_time`` or ``sentiment_over_time``); *names* label its columns.
    A period without reviews has no shares: the area leaves a gap there instead of dropping to 0 %. The title and
    the colours say which: the sentiment's (:data:`SENTIMENT_COLOURS`, unless *colours* are given) when the table's
    columns are named ``sentiment`` (as ``sentiment_over_time`` names them), else the reasons'. *labels* as for
    :func:`reason_bars`.
    """
    from matplotlib.ticker import MaxNLocator

    own = table.columns if labels is None else labels
    words = _words(lang, own_labels(own))
    sentiment = table.columns.name == "sentiment"
    colours = SENTIMENT_COLOURS if colours is None and sentiment else colours
    totals = counts(table, TREND_SHARES).sum(axis=1).to_numpy()
    shares = shares_over_time(table)
    if sentiment:
        names = names or [sentiment_name(str(c), lang, table.columns) for c in table.columns]
    names = names or [reason_name(str(c), lang, own) for c in table.columns]
    with chart_style():
        fig = _figure(10, 4.2)
        top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
        edges = np.arange(len(table) + 1) - 0.5
        below = np.zeros(len(table))
        palette = label_colours(len(table.columns))
        hatches = [""] * len(palette) if colours else label_hatches(len(palette))
        for j, column in enumerate(table.columns):  # stacked steps: each period its full width, as the counts below
            above = below + shares[column].to_numpy(dtype=float)
            colour = (colours or {}).get(str(column), palette[j])
            if len(table):  # no periods: empty panels, as trend_counts draws them (stairs of nothing fail)
                step = {"fill": True, "facecolor": colour, "alpha": 0.9, "label": names[j], "hatch": hatches[j]}
                top.stairs(above, edges, baseline=below, **step, **HATCH_EDGE)
            below = above
        top.set_ylim(0, 1)
        top.set_xlim(-0.5, max(len(table), 1) - 0.5)
        top.yaxis.set_major_formatter("{x:.0%}")
        top.set_ylabel(words["share"])
        if len(table):
            fitted_legend(fig, top, room=0.75, fontsize=8)
        bottom.stairs(totals, np.arange(len(table) + 1) - 0.5, fill=True, color="#8a8a8a")
        bottom.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
        bottom.set_ylabel(words["count"])
        if len(table):
            _period_ticks(bottom, table.index, most=12)
        top.set_title(words["sentiment_shares" if sentiment else "trend_shares"])
    return fig
