"""Draw the report's charts with matplotlib's Agg canvas and the IPAexGothic font, so that Japanese renders."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from taikai.errors import TaikaiError
from taikai.labels import SENTIMENT_NAMES_JA, reason_name

FONT_FAMILY = "IPAexGothic"
SENTIMENT_COLOURS = {"positive": "#4c9a5f", "neutral": "#b8b8b8", "negative": "#c8553d"}


def japanese_font() -> str:
    """Register the IPAexGothic font shipped by matplotlib-fontja with matplotlib and return its family name."""
    try:
        from matplotlib import font_manager
        from matplotlib_fontja import get_font_ttf_path
    except ImportError as exc:
        raise TaikaiError("charts need matplotlib and matplotlib-fontja: pip install 'taikai[report]'") from exc
    if FONT_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(get_font_ttf_path())
    return FONT_FAMILY


def use_japanese_font() -> None:
    """Make IPAexGothic matplotlib's default font (for notebooks and pandas ``.plot``)."""
    import matplotlib

    matplotlib.rcParams["font.family"] = japanese_font()


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(
        {"font.family": japanese_font(), "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
    ):
        yield


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def to_data_uri(fig: Any) -> str:
    """Return the figure as a ``data:image/png;base64,…`` URI."""
    buffer = io.BytesIO()
    with _style():
        fig.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def reason_bars(distribution: pd.DataFrame) -> Any:
    """Return a horizontal bar chart of the count per reason (``analysis.reason_distribution``)."""
    with _style():
        fig = _figure(7, 0.4 * len(distribution) + 1)
        ax = fig.add_subplot()
        names = [f"{reason_name(r)} ({r})" for r in distribution.index][::-1]
        counts = distribution["count"].to_numpy()[::-1]
        bars = ax.barh(names, counts, color="#3b6ea5")
        shares = distribution["share"].to_numpy()[::-1]
        ax.bar_label(bars, labels=[f"{c:,} ({s:.0%})" for c, s in zip(counts, shares)], padding=3)
        ax.set_xlabel("件数")
        ax.set_title("退会理由の分布")
        ax.margins(x=0.15)
    return fig


def _share_bars(table: pd.DataFrame, title: str, names: list[str], colours: dict[str, str] | None = None) -> Any:
    shares = table.div(table.sum(axis=1).replace(0, 1), axis=0)
    with _style():
        fig = _figure(8, 0.4 * len(table) + 1.4)
        ax = fig.add_subplot()
        left = np.zeros(len(table))
        rows = list(table.index.astype(str))[::-1]
        for j, column in enumerate(table.columns):
            values = shares[column].to_numpy()[::-1]
            colour = (colours or {}).get(column, f"C{j % 10}")
            ax.barh(rows, values, left=left, label=names[j], color=colour)
            left += values
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter("{x:.0%}")
        ax.set_title(title)
        if len(table.columns) and len(table):
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def sentiment_bars(table: pd.DataFrame) -> Any:
    """Return 100 % bars of the sentiment mix per reason (``analysis.sentiment_by_reason``)."""
    labelled = table.rename(index=lambda r: f"{reason_name(r)} ({r})")
    names = [SENTIMENT_NAMES_JA.get(s, s) for s in table.columns]
    return _share_bars(labelled, "理由ごとの感情", names, SENTIMENT_COLOURS)


def segment_bars(table: pd.DataFrame) -> Any:
    """Return 100 % bars of the reason mix per segment (``analysis.segment_breakdown``)."""
    names = [reason_name(r) for r in table.columns]
    labelled = table.rename(index=lambda segment: f"{segment} (n={table.loc[segment].sum():,})")
    return _share_bars(labelled, f"{table.index.name} ごとの退会理由", names)


def trend_lines(table: pd.DataFrame) -> Any:
    """Return one line per reason of the count per period (``analysis.reasons_over_time``)."""
    with _style():
        fig = _figure(9, 4)
        ax = fig.add_subplot()
        x = np.arange(len(table))
        for j, column in enumerate(table.columns):
            ax.plot(x, table[column].to_numpy(), marker="o", markersize=3, label=reason_name(column), color=f"C{j}")
        step = max(1, len(table) // 12)
        ax.set_xticks(x[::step], [str(p) for p in table.index[::step]], rotation=45, ha="right")
        ax.set_ylabel("件数")
        ax.set_title("退会理由の推移")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


def confusion_plot(labels: list[str], confusion: Any, title: str = "混同行列") -> Any:
    """Return a heat map of a confusion matrix (rows: gold labels, columns: predicted)."""
    matrix = np.asarray(confusion)
    with _style():
        fig = _figure(0.7 * len(labels) + 3, 0.6 * len(labels) + 2)
        ax = fig.add_subplot()
        ax.imshow(matrix, cmap="Blues")
        names = [reason_name(label) for label in labels]
        ax.set_xticks(range(len(labels)), names, rotation=45, ha="right")
        ax.set_yticks(range(len(labels)), names)
        for (i, j), value in np.ndenumerate(matrix):
            colour = "white" if value > matrix.max() / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=colour)
        ax.set_xlabel("予測")
        ax.set_ylabel("正解")
        ax.set_title(title)
    return fig
