"""The report's charts printed without colour (a black-and-white printer, a greyscale PDF): every label of a chart
stays apart, by its shade of grey or by its pattern."""

import numpy as np
import pandas as pd
import pytest

from taikai import analysis

SENTIMENTS = ["positive", "neutral", "negative"]


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


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_sentiment_shares_over_time_have_the_sentiment_colours(lang):
    """Regression: ``trend_shares(sentiment_over_time(...))``, as a notebook calls it, drew positive, neutral and
    negative in blue, orange and green (the reasons' first colours): negative in the green that every other chart,
    and the report's same chart, gives positive; and on a Japanese chart it named them positive, neutral, negative
    where the chart of sentiment per reason says ポジティブ, 中立, ネガティブ."""
    bars = _legend(analysis.sentiment_bars(_reasons(SENTIMENTS), lang))
    shares = _legend(analysis.trend_shares(_months(SENTIMENTS, "sentiment"), lang))
    assert {k: v[:3] for k, v in shares.items()} == {k: v[:3] for k, v in bars.items()}, (shares, bars)
