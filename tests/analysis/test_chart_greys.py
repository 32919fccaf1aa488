"""The report's charts printed without colour (a black-and-white printer, a greyscale PDF): every label of a chart
stays apart, by its shade of grey or by its pattern."""

import itertools

import numpy as np
import pandas as pd
import pytest

from taikai import analysis

SENTIMENTS = ["positive", "neutral", "negative"]
APART = 40
"""Two greys at least this far apart (0–255, ITU-R BT.601 luma, as a greyscale printer or ``pdftoppm -gray`` turns a
colour into grey) are told apart on paper; the old positive and negative were 124 and 117."""


def _grey(colour) -> float:
    red, green, blue = colour[:3]
    return 255 * (0.299 * red + 0.587 * green + 0.114 * blue)


def _counts(columns: list[str], name: str, index: pd.Index) -> pd.DataFrame:
    counts = np.random.default_rng(2).integers(1, 9, (len(index), len(columns)))
    return pd.DataFrame(counts, index=index, columns=pd.Index(columns, name=name))


def _months(columns: list[str], name: str) -> pd.DataFrame:
    return _counts(columns, name, pd.period_range("2026-01", periods=4, freq="M").rename("period"))


def _reasons(columns: list[str]) -> pd.DataFrame:
    return _counts(columns, "sentiment", pd.Index(["low_pay", "fees", "other"], name="reason"))


def _legend(fig) -> dict[str, tuple]:
    legend = fig.axes[0].get_legend()
    return {t.get_text(): h.get_facecolor() for t, h in zip(legend.get_texts(), legend.legend_handles)}


@pytest.mark.parametrize(
    "draw",
    [
        lambda: analysis.sentiment_bars(_reasons(SENTIMENTS)),
        lambda: analysis.trend_shares(_months(SENTIMENTS, "sentiment")),  # as the notebook calls it
        lambda: analysis.trend_shares(_months(SENTIMENTS, "sentiment"), "en"),
    ],
    ids=["sentiment_bars", "trend_shares-ja", "trend_shares-en"],
)
def test_the_sentiments_are_apart_in_grey(draw):
    """Regression: positive (#4c9a5f) and negative (#c8553d) are 124 and 117 in grey: printed without colour, the
    sentiment charts could not tell a review's praise from its complaint."""
    greys = {label: _grey(colour) for label, colour in _legend(draw()).items()}
    assert len(greys) == 3, greys
    for (a, one), (b, other) in itertools.combinations(greys.items(), 2):
        assert abs(one - other) >= APART, (a, b, greys)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sentiment_shares_over_time_have_the_sentiment_colours(lang):
    """Regression: ``trend_shares(sentiment_over_time(...))``, as a notebook calls it, drew positive, neutral and
    negative in blue, orange and green (the reasons' first colours): negative in the green that every other chart,
    and the report's same chart, gives positive; and on a Japanese chart it named them positive, neutral, negative
    where the chart of sentiment per reason says ポジティブ, 中立, ネガティブ."""
    bars = _legend(analysis.sentiment_bars(_reasons(SENTIMENTS), lang))
    shares = _legend(analysis.trend_shares(_months(SENTIMENTS, "sentiment"), lang))
    assert {k: v[:3] for k, v in shares.items()} == {k: v[:3] for k, v in bars.items()}, (shares, bars)


def _labels(n: int) -> list[str]:
    return ["low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other"][:n] + [
        f"理由{i:02d}" for i in range(8, n)
    ]


@pytest.mark.parametrize(
    "draw",
    [
        lambda labels: analysis.segment_bars(_counts(labels, "reason", pd.Index(["a", "b", "c"], name="platform"))),
        lambda labels: analysis.trend_shares(_months(labels, "reason")),
    ],
    ids=["segment_bars", "trend_shares"],
)
@pytest.mark.parametrize("n", [3, 8, 12])  # 12: the most the report draws (11 labels and the rest)
def test_every_reason_is_told_apart_in_grey_by_its_shade_or_its_pattern(draw, n):
    """Regression: the reasons' colours (tab10) turn into near greys (blue, red and brown are 100, 92 and 101):
    printed without colour, the stacked shares over time and the segments' bars could not be matched to their
    legend. Labels of one grey now differ in their pattern, which the legend shows too."""
    legend = draw(_labels(n)).axes[0].get_legend()
    seen = {
        t.get_text(): (_grey(h.get_facecolor()), h.get_hatch() or "")
        for t, h in zip(legend.get_texts(), legend.legend_handles)
    }
    assert len(seen) == n, seen
    for (a, (grey, hatch)), (b, (other, other_hatch)) in itertools.combinations(seen.items(), 2):
        assert abs(grey - other) >= APART or hatch != other_hatch, (a, b, seen)
