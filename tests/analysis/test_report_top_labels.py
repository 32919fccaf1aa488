"""The report's charts for a model of many labels of its own: the most frequent drawn, the rest pooled in one bar."""

import re

import numpy as np
import pandas as pd
import pytest

from taikai.analysis._report._blocks import Chart, Note
from taikai.analysis._report._context import ReportContext, ReportOptions
from taikai.analysis._report._reasons import reasons_section
from taikai.analysis._report._segments import segments_section
from taikai.analysis._report._sentiment import sentiment_section
from taikai.analysis._report._top_labels import MAX_CHART_LABELS, ChartLabels
from taikai.analysis._report._trend import trend_section

SECTIONS = {"reasons": reasons_section, "sentiment": sentiment_section, "trend": trend_section}
SECTIONS["segments"] = segments_section


def predictions(labels: int, rows: int = 240) -> pd.DataFrame:
    """Return predictions of a model of *labels* labels of its own (``topic_000`` …): label i the primary reason of
    fewer rows as i grows, every third row stating the next label too."""
    rng = np.random.default_rng(0)
    names = [f"topic_{i:03d}" for i in range(labels)]
    weights = 1 / np.arange(1, labels + 1)
    primary = rng.choice(labels, size=rows, p=weights / weights.sum())
    second = (primary + 1) % labels
    frame = pd.DataFrame(
        {
            "text": [f"本文 {i}" for i in range(rows)],
            "date": pd.date_range("2024-01-01", periods=rows, freq="D").strftime("%Y-%m-%d"),
            "platform": rng.choice(["A", "B", "C"], size=rows),
            "status": "ok",
            "reason": [names[p] for p in primary],
            "sentiment": rng.choice(["positive", "neutral", "negative"], size=rows),
        }
    )
    frame["reasons"] = [
        f"{names[p]}|{names[s]}" if i % 3 == 0 else names[p] for i, (p, s) in enumerate(zip(primary, second))
    ]
    probabilities = pd.DataFrame(
        {f"p_reason_{n}": np.where(primary == i, 0.9, 0.1 / labels) for i, n in enumerate(names)}
    )
    return pd.concat([frame, probabilities], axis=1)


def figures(frame: pd.DataFrame, lang: str) -> dict[str, tuple[list[Chart], list[str]]]:
    """Return, per section with charts, its figures and its notes."""
    ctx = ReportContext(frame, ReportOptions(date_column="date", by="platform", lang=lang))
    out = {}
    for key, build in SECTIONS.items():
        blocks = build(ctx).blocks
        found = [b for b in blocks if isinstance(b, Chart)]
        out[key] = (found, [b.text for b in blocks if isinstance(b, Note)] + [f.caption for f in found if f.caption])
    return out


@pytest.mark.parametrize(
    ("labels", "lang", "pooled"),
    [
        (5, "ja", None),
        (MAX_CHART_LABELS, "en", None),
        (MAX_CHART_LABELS + 1, "ja", "ほか 2 件の理由"),
        (40, "en", "29 other reasons"),
        (40, "ja", "ほか 29 件の理由"),
    ],
)
def test_charts_of_many_labels_draw_the_most_frequent_and_pool_the_rest(labels, lang, pooled):
    """Regression: a model of 200 labels drew a Reasons chart 800×11,120 px, a bar per label (the sentiment per
    reason 8,140 px, the monthly small multiples 10,560 px, legends of 200 colours no one tells apart)."""
    frame = predictions(labels)
    for key, (charts, notes) in figures(frame, lang).items():
        assert charts, key
        said = [n for n in notes if re.search(r"ほか \d+ 件の理由|\d+ other reasons", n)]
        assert len(said) == (pooled is not None), (key, notes)  # the page says which reasons the charts pool
        assert all(pooled in n for n in said), (key, notes)  # and only when it pools them (12 labels: none)
        for chart in charts:
            fig = chart.draw(*chart.args)
            width, height = fig.get_size_inches()
            assert height <= 0.55 * MAX_CHART_LABELS + 1.3, (key, chart.alt, height)
            assert width <= 12, (key, chart.alt, width)


@pytest.mark.parametrize("labels", [5, 13, 40])
def test_the_pooled_reasons_bar_counts_what_pandas_counts(labels):
    """The pooled bar: rows whose primary reason is pooled, and rows stating any pooled reason, each row once."""
    frame = predictions(labels)
    (chart, *_), _ = figures(frame, "ja")["reasons"]
    stated = chart.args[0]
    assert len(stated) == min(labels, MAX_CHART_LABELS)
    drawn = set(stated.index[:-1]) if labels > MAX_CHART_LABELS else set(stated.index)
    if labels > MAX_CHART_LABELS:
        names = [c.removeprefix("p_reason_") for c in frame.columns if c.startswith("p_reason_")]
        top = frame["reason"].value_counts().reindex(names, fill_value=0)
        assert top[list(drawn)].min() >= top.drop(list(drawn)).max()  # the most frequent are drawn
        pooled = ~frame["reason"].isin(drawn)
        stating = frame["reasons"].str.split("|").map(lambda rs: bool(set(rs) - drawn))
        assert stated["primary"].iloc[-1] == pooled.sum()
        assert stated["stated"].iloc[-1] == stating.sum()
        assert stated["stated_share"].iloc[-1] == pytest.approx(stating.mean())
    assert stated["primary"].sum() == len(frame)  # no row lost from the chart


@pytest.mark.parametrize(("charts", "notes"), [(True, 4), (False, 0)])
def test_the_pooled_note_is_under_the_charts_and_not_on_a_page_without_them(charts, notes):
    """The note saying which reasons the charts pool: under each section's charts, none on a page without charts."""
    from taikai.analysis import build_report

    page = build_report(predictions(40), date_column="date", by="platform", drift=False, charts=charts, lang="en")
    assert page.count("pooled as &#x27;29 other reasons&#x27;") == notes


@pytest.mark.parametrize(
    ("kept", "rest", "columns"), [(("a", "b", "c"), (), ["a", "b", "c"]), (("a",), ("b", "c"), ["a", "+"])]
)
def test_the_pooled_reasons_are_summed_into_one_column_or_row(kept, rest, columns):
    table = pd.DataFrame({"a": [1, 10], "b": [2, 20], "c": [4, 40]})
    chart = ChartLabels(kept, rest, "+" if rest else "", None)
    summed = table[["a"]].assign(**{"+": [6, 60]}) if rest else table
    pd.testing.assert_frame_equal(chart.columns(table), summed)
    pd.testing.assert_frame_equal(chart.rows(table.T), summed.T)
    assert list(chart.columns(table).columns) == columns


@pytest.mark.parametrize(("rules_mode", "said"), [("flag", "the most probable one"), ("override", "first coding rule")])
def test_the_reasons_section_says_whose_the_primary_reason_is(rules_mode, said):
    frame = predictions(5)
    if rules_mode == "override":  # the model's own reason kept beside the rules'
        frame = frame.assign(model_reason=frame["reason"])
    ctx = ReportContext(frame, ReportOptions(lang="en"))
    notes = [b.text for b in reasons_section(ctx).blocks if isinstance(b, Note)]
    assert notes[0].startswith("240 classified reviews. The primary reason is the ") and said in notes[0], notes
