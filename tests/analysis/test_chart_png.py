"""A chart's PNG: laid out and drawn once, the PNG ``savefig`` gives."""

import base64
import io

import numpy as np
import pandas as pd
import pytest

from taikai import analysis
from taikai.analysis._chart_fonts import chart_style

REASONS = ["low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other"]


def _over_time(columns: list[str], name: str, periods: int = 14) -> pd.DataFrame:
    counts = np.random.default_rng(1).integers(0, 30, (periods, len(columns)))
    index = pd.period_range("2025-01", periods=periods, freq="M", name="period")
    return pd.DataFrame(counts, index=index, columns=pd.Index(columns, name=name))


def _distribution() -> pd.DataFrame:
    counts = np.arange(len(REASONS), 0, -1) * 7
    frame = pd.DataFrame({"count": counts, "share": counts / counts.sum()}, index=REASONS)
    return frame.rename_axis("reason")


def _stated() -> pd.DataFrame:
    primary = np.arange(len(REASONS), 0, -1) * 5
    stated = primary + 3
    shares = {"primary_share": primary / primary.sum(), "stated_share": stated / primary.sum()}
    return pd.DataFrame({"primary": primary, "stated": stated, **shares}, index=pd.Index(REASONS, name="reason"))


CHARTS = {
    "reason_bars": lambda: analysis.reason_bars(_distribution()),
    "stated_bars": lambda: analysis.stated_bars(_stated(), lang="en"),
    "segment_bars": lambda: analysis.segment_bars(_over_time(REASONS, "reason", 5).rename_axis("platform")),
    "sentiment_bars": lambda: analysis.sentiment_bars(
        _over_time(["positive", "neutral", "negative"], "sentiment", 8).set_axis(pd.Index(REASONS, name="reason"))
    ),
    "trend_counts": lambda: analysis.trend_counts(_over_time(REASONS, "reason")),
    "trend_shares": lambda: analysis.trend_shares(_over_time(REASONS, "reason"), lang="en"),
    "trend_shares_of_30_labels": lambda: analysis.trend_shares(_over_time([f"l{i}" for i in range(30)], "reason")),
    "confusion_plot": lambda: analysis.confusion_plot(["fees", "time"], [[3, 1], [0, 4]]),
}


def _png(uri: str) -> bytes:
    return base64.b64decode(uri.partition(",")[2])


@pytest.mark.parametrize("draw", CHARTS.values(), ids=CHARTS.keys())
def test_a_chart_is_drawn_once_into_the_png_savefig_gives(draw):
    """Regression: savefig of a figure laid out by constrained layout draws it twice (once with drawing turned off,
    to lay it out, then to render it), which was most of the report's charts' time; drawn once, the PNG is the
    same, byte for byte."""
    fig = draw()
    draws: list[object] = []
    fig.canvas.mpl_connect("draw_event", draws.append)
    png = _png(analysis.to_data_uri(fig))
    assert len(draws) == 1
    saved = io.BytesIO()
    with chart_style():
        draw().savefig(saved, format="png")
    assert png == saved.getvalue()


def test_a_figure_of_another_canvas_keeps_its_canvas():
    """A notebook's figure of another canvas (a window's, SVG) is drawn by savefig, on a canvas of its own for the
    time it takes, not taken from its window."""
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2), layout="constrained")
    canvas = FigureCanvasSVG(fig)
    fig.add_subplot().plot([0, 1], [1, 0])
    assert _png(analysis.to_data_uri(fig)).startswith(b"\x89PNG")
    assert fig.canvas is canvas
