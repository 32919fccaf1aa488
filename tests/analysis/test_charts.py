"""The report's charts: readable trend charts (integer ticks, short period labels) in either language."""

import base64
import re

import numpy as np
import pandas as pd
import pytest
from support_frames import classified

from taikai import analysis
from taikai.errors import InputError
from taikai.labels import OwnLabels

REASONS = ["low_pay", "fees", "rejection", "time", "graduated", "platform_switch", "trouble", "other"]
SENTIMENTS = ["positive", "neutral", "negative"]


def _table(freq: str, periods: int) -> pd.DataFrame:
    index = pd.period_range("2025-01-01", periods=periods, freq=freq)
    counts = np.random.default_rng(0).integers(0, 9, (periods, len(REASONS)))
    return pd.DataFrame(counts, index=index, columns=REASONS).rename_axis(index="period", columns="reason")


@pytest.mark.parametrize(
    ("period", "short", "label"),
    [
        (pd.Period("2026-03", "M"), False, "2026-03"),
        (pd.Period("2026-03-18", "W"), False, "2026-W12"),
        (pd.Period("2026-03-18", "W"), True, "W12"),
        (pd.Period("2027-01-01", "W"), False, "2026-W53"),  # ISO weeks: 1 January 2027 is in week 53 of 2026
    ],
)
def test_period_label(period, short, label):
    assert analysis.period_label(period, short) == label


@pytest.mark.parametrize(("freq", "periods", "pattern"), [("M", 22, r"\d{4}-\d\d"), ("W", 95, r"W\d\d(\n\d{4})?")])
def test_trend_counts_small_multiples_are_readable(freq, periods, pattern):
    fig = analysis.trend_counts(_table(freq, periods), lang="en")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == len(REASONS)
    assert [ax.get_title() for ax in panels][6].startswith("Trouble, distrust (")
    fig.canvas.draw()
    for ax in panels:
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert ticks and all(float(t).is_integer() for t in ticks)
    labels = [t.get_text() for t in panels[4].get_xticklabels()]  # the bottom row shows them
    assert 2 <= len(labels) <= 4 and all(re.fullmatch(pattern, label) for label in labels), labels


def test_trend_shares_stack_to_one_with_counts_below():
    table = _table("W", 95)
    fig = analysis.trend_shares(table, lang="ja")
    top, bottom = fig.axes
    assert top.get_ylim() == (0, 1) and top.get_ylabel() == "割合" and bottom.get_ylabel() == "件数"
    labels = [t.get_text() for t in bottom.get_xticklabels()]
    assert len(labels) <= 12 and labels[0] == "W01\n2025" and all(len(x.split("\n")[0]) == 3 for x in labels)
    assert [t.get_text() for t in top.get_legend().get_texts()][:2] == ["報酬・単価が低い", "手数料が高い"]


def _top_of_stack(ax, period: int) -> float:
    """Return how high the stacked shares reach in *period* (NaN where nothing is drawn)."""
    from matplotlib.patches import StepPatch

    tops = [p.get_data().values[period] for p in ax.patches if isinstance(p, StepPatch)]
    return max(tops, default=float("nan"))


def test_trend_shares_leave_a_gap_for_a_period_without_reviews():
    table = _table("M", 6)
    table.iloc[1] = 0  # a month with no reviews, after one with a single review
    table.iloc[0] = 0
    table.iloc[0, 7] = 1
    top, _ = analysis.trend_shares(table, lang="en").axes
    assert _top_of_stack(top, 0) == pytest.approx(1.0)  # the one review: 100 %, drawn over its whole month
    assert np.isnan(_top_of_stack(top, 1))  # no reviews: no share at all, not 0 %
    assert _top_of_stack(top, 2) == pytest.approx(1.0)


def test_segment_bars_clip_long_names_and_keep_alike_ones_apart():
    long = "プレミアムプラン（年払い・法人向け・請求書払い）"
    table = pd.DataFrame(
        [[3, 1], [1, 3], [2, 2]], index=pd.Index([long + "A", long + "B", "Lancers"], name="plan"), columns=REASONS[:2]
    ).rename_axis(columns="reason")
    fig = analysis.segment_bars(table, lang="en")
    fig.canvas.draw()
    ax = fig.axes[0]
    ticks = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())), reverse=True)
    labels = [label for _, label in ticks]  # top to bottom
    assert labels[0] == "プレミアムプラン（年払い・法… (n=4)" and labels[2] == "Lancers (n=4)"
    assert labels[0] == labels[1]  # clipped alike, yet two bars, each in its own place
    assert sorted(round(p.get_y(), 1) for p in ax.patches[:3]) == [-0.4, 0.6, 1.6]


@pytest.mark.parametrize("name", ["$$", "$\\yen$ plan", "$5〜$10 tier"])
def test_a_name_with_dollar_signs_is_drawn_as_written_not_as_a_formula(name):
    """Regression: a segment value such as ``$$`` stopped the report with matplotlib's mathtext ParseException
    (a traceback), and ``$5〜$10`` was drawn as a formula."""
    table = pd.DataFrame([[3, 1], [1, 3]], index=pd.Index([name, "Lancers"], name="plan"), columns=REASONS[:2])
    fig = analysis.segment_bars(table.rename_axis(columns="reason"), lang="en")
    assert analysis.to_data_uri(fig).startswith("data:image/png;base64,")
    labels = [t for t in fig.axes[0].get_yticklabels() if t.get_text().startswith(name)]
    assert labels and not any(t._preprocess_math(t.get_text())[1] for t in labels)  # drawn as plain text


@pytest.mark.parametrize(
    ("chart", "frame"),
    [
        (analysis.reason_bars, pd.DataFrame({"count": [2, 1], "share": [2 / 3, 1 / 3]})),
        (
            analysis.stated_bars,
            pd.DataFrame(
                {"primary": [2, 1], "primary_share": [2 / 3, 1 / 3], "stated": [2, 1], "stated_share": [2 / 3, 1 / 3]}
            ),
        ),
    ],
    ids=["reason_bars", "stated_bars"],
)
def test_the_count_axis_of_a_few_reviews_has_whole_numbers_only(chart, frame):
    """Regression: the reasons of a page of 3 reviews were counted on an axis of 0.0, 0.5, 1.0, 1.5, 2.0 reviews."""
    fig = chart(frame.set_axis(pd.Index(["fees", "other"], name="reason")))
    fig.canvas.draw()
    ticks = fig.axes[0].get_xticks()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks), ticks


def _own_labels(n: int, rows: int, freq: str | None = None) -> pd.DataFrame:
    """Counts of *n* own labels (the first one, 独立, as in a --free-labels model) over *rows* segments or periods."""
    columns = ["独立"] + [f"理由{i:02d}" for i in range(1, n)]
    counts = np.random.default_rng(n).integers(1, 9, (rows, n))
    index = pd.period_range("2026-01", periods=rows, freq=freq) if freq else pd.Index([f"seg{i}" for i in range(rows)])
    return pd.DataFrame(counts, index=index.rename("platform"), columns=columns).rename_axis(columns="reason")


def test_label_colours_start_with_tab10_as_before():
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    from taikai.analysis._palette import label_colours

    assert label_colours(10) == [to_hex(c) for c in colormaps["tab10"].colors]
    assert label_colours(40)[:20] == label_colours(20)  # more labels leave the first colours alone


@pytest.mark.parametrize("n", [13, 25, 40, 300])
def test_label_colours_are_distinct(n):
    from taikai.analysis._palette import label_colours

    colours = label_colours(n)
    assert len(colours) == n and len(set(colours)) == n, colours


@pytest.mark.parametrize("n", [13, 25, 40])
def test_every_label_has_its_own_colour_in_the_charts(n):
    segments = analysis.segment_bars(_own_labels(n, 3), lang="en")
    legend = segments.axes[0].get_legend()
    colours = {t.get_text(): c for t, c in zip(legend.get_texts(), _legend_colours(legend))}
    assert len(colours) == n and len(set(colours.values())) == n, colours
    top, _ = analysis.trend_shares(_own_labels(n, 6, "M"), lang="en").axes
    shares = _legend_colours(top.get_legend())
    assert len(set(shares)) == n and shares == list(colours.values())  # one label, one colour, in both charts
    counts = analysis.trend_counts(_own_labels(n, 6, "M"), lang="en")
    panels = [ax.patches[0] for ax in counts.axes if ax.get_visible()]
    assert [_hex(p.get_facecolor()) for p in panels] == shares


def _hex(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour, keep_alpha=False)


def _legend_colours(legend) -> list[str]:
    return [_hex(h.get_facecolor()) for h in legend.legend_handles]


@pytest.mark.parametrize(
    ("chart", "n", "rows"),
    [
        ("segments", 13, 2),  # two segments: a short chart, thirteen legend lines
        ("segments", 40, 12),
        ("shares", 25, 6),
        ("shares", 40, 6),
    ],
)
def test_a_long_legend_fits_the_figure(chart, n, rows, recwarn):
    if chart == "segments":
        fig = analysis.segment_bars(_own_labels(n, rows), lang="en")
    else:
        fig = analysis.trend_shares(_own_labels(n, rows, "M"), lang="en")
    fig.canvas.draw()
    legend = fig.axes[0].get_legend()
    box, page = legend.get_window_extent(), fig.bbox
    assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, (box, page)
    assert fig.axes[0].get_window_extent().width > 0.4 * page.width  # the chart keeps its room beside the legend
    assert [t.get_text() for t in legend.get_texts()] == list(_own_labels(n, 1).columns)
    assert not [w for w in recwarn if "constrained_layout" in str(w.message)]


@pytest.mark.parametrize(
    ("reasons", "shown"),
    [  # regression: a model of its own labels (fees beside Fees) had its fees bar named "High fees (fees)"
        (["fees", "Fees", "映画"], ["fees", "Fees", "映画"]),
        (["fees", "time"], ["High fees (fees)", "No time (time)"]),
    ],
)
def test_the_reason_bars_name_labels_of_ones_own_as_written(reasons, shown):
    distribution = pd.DataFrame({"count": [1] * len(reasons), "share": [0.5] * len(reasons)}, index=reasons)
    fig = analysis.reason_bars(distribution, lang="en")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][::-1] == shown


@pytest.mark.parametrize(
    ("chart", "frame"),
    [
        (analysis.reason_bars, pd.DataFrame({"count": [2_999, 1], "share": [2_999 / 3_000, 1 / 3_000]})),
        (
            analysis.stated_bars,
            pd.DataFrame(
                {
                    "primary": [2_999, 1],
                    "primary_share": [2_999 / 3_000, 1 / 3_000],
                    "stated": [2_999, 1],
                    "stated_share": [2_999 / 3_000, 1 / 3_000],
                }
            ),
        ),
    ],
    ids=["reason_bars", "stated_bars"],
)
def test_bar_labels_never_read_all_or_none_of_a_share_that_is_neither(chart, frame):
    """Regression: 2,999 of 3,000 rows were labelled (100%) and 1 of them (0%)."""
    fig = chart(frame.set_axis(pd.Index(["fees", "other"], name="reason")))
    labels = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert {"2,999 (99.97%)", "1 (0.03%)"} <= labels and not {"2,999 (100%)", "1 (0%)"} & labels


@pytest.mark.parametrize(
    ("lang", "title", "texts"),
    [
        ("ja", "混同行列", {"予測", "正解"}),
        ("en", "Confusion matrix", {"predicted", "gold"}),
    ],
)
def test_confusion_plot_speaks_the_language_asked_for(lang, title, texts):
    """Regression: confusion_plot alone had no lang=: its title and axes were Japanese on an English page."""
    from taikai.labels import reason_name

    ax = analysis.confusion_plot(["fees", "other"], [[3, 1], [0, 2]], lang=lang).axes[0]
    shown = {ax.get_title(), ax.get_xlabel(), ax.get_ylabel(), *(t.get_text() for t in ax.get_xticklabels())}
    assert {title, *texts} <= shown and reason_name("fees", lang) in shown  # High fees on the English page


def test_charts_refuse_an_unknown_language():
    with pytest.raises(InputError, match="lang must be one of ja, en, not 'fr'"):
        analysis.confusion_plot(["fees"], [[1]], lang="fr")


def _stated(primary: list[int]) -> pd.DataFrame:
    n = 60
    return pd.DataFrame(
        {
            "primary": primary,
            "primary_share": [p / n for p in primary],
            "stated": [p + 3 for p in primary],
            "stated_share": [(p + 3) / n for p in primary],
        },
        index=pd.Index(REASONS[-len(primary) :], name="reason"),
    )


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    "primary",
    [
        [5, 3, 2, 2, 1, 1, 2, 40],  # other, the last bar, the longest: the legend sat on it and its count
        [40] * 8,  # every bar as long
        [40],  # one reason: the shortest chart
    ],
    ids=["other_longest", "all_alike", "one_reason"],
)
def test_the_stated_bars_legend_covers_no_bar_and_no_count(lang, primary):
    fig = analysis.stated_bars(_stated(primary), lang)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    covered = [p for p in ax.patches if p.get_window_extent(renderer).overlaps(legend)]
    covered += [t.get_text() for t in ax.texts if t.get_window_extent(renderer).overlaps(legend)]
    assert covered == [], covered
    page = fig.bbox
    assert page.x0 <= legend.x0 and legend.x1 <= page.x1 and page.y0 <= legend.y0 and legend.y1 <= page.y1


PREDICTIONS = pd.DataFrame({"text": ["手数料が高い"], "reason": ["fees"], "status": ["ok"]})


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: analysis.reason_bars([1, 2]),
            "reason_bars: table must be a DataFrame of count and share per reason, as "
            "taikai.analysis.reason_distribution(predictions) returns, not list [1, 2]",
        ),
        (
            lambda: analysis.reason_bars(PREDICTIONS),
            "reason_bars: table must hold count and share per reason, as "
            "taikai.analysis.reason_distribution(predictions) returns: it has no column 'count' (its columns: text, "
            "reason, status) (given the predictions, write reason_bars(reason_distribution(predictions)))",
        ),
        (
            lambda: analysis.stated_bars(PREDICTIONS),
            "stated_bars: table must hold primary and stated counts and shares per reason, as "
            "taikai.analysis.stated_reasons(predictions) returns: it has no column 'primary'",
        ),
        (
            lambda: analysis.to_data_uri("chart.png"),
            "fig must be a matplotlib Figure, as taikai.analysis's charts return, not str 'chart.png'",
        ),
    ],
    ids=["reason-bars-list", "reason-bars-predictions", "stated-bars-predictions", "uri-of-a-str"],
)
def test_a_chart_given_no_table_or_figure_names_the_argument_and_what_to_give(call, message):
    """Regression: these ended in a KeyError ('count'), a TypeError of a list's method, or an AttributeError
    ('str' object has no attribute 'findobj') from deep inside."""
    with pytest.raises(TypeError) as caught:
        call()
    assert str(caught.value).startswith(message), str(caught.value)


def _title(fig) -> str:
    """The chart's title: the figure's, else its first panel's."""
    return fig.get_suptitle() or fig.axes[0].get_title()


def _over_time(columns: list[str], name: str) -> pd.DataFrame:
    counts = np.random.default_rng(1).integers(1, 9, (4, len(columns)))
    index = pd.period_range("2026-01", periods=4, freq="M").rename("period")
    return pd.DataFrame(counts, index=index, columns=pd.Index(columns, name=name))


@pytest.mark.parametrize(
    ("lang", "draw", "title"),
    [
        ("ja", lambda lang: analysis.trend_shares(_over_time(REASONS, "reason"), lang), "退会理由の推移 (割合)"),
        ("en", lambda lang: analysis.trend_shares(_over_time(REASONS, "reason"), lang), "Reasons over time (share)"),
        ("ja", lambda lang: analysis.trend_shares(_over_time(SENTIMENTS, "sentiment"), lang), "感情の推移 (割合)"),
        (
            "en",
            lambda lang: analysis.trend_shares(_over_time(SENTIMENTS, "sentiment"), lang),
            "Sentiment over time (share)",
        ),
        ("ja", lambda lang: analysis.stated_bars(_stated([30, 20, 10, 0, 0, 0, 0, 0])), "退会理由の分布"),
        ("en", lambda lang: analysis.stated_bars(_stated([30, 20, 10, 0, 0, 0, 0, 0]), lang), "Reasons"),
    ],
    ids=[
        "reason-shares-ja",
        "reason-shares-en",
        "sentiment-shares-ja",
        "sentiment-shares-en",
        "stated-ja",
        "stated-en",
    ],
)
def test_every_chart_s_title_says_what_it_shows(lang, draw, title):
    """Regression: the report's two charts of shares over time were both titled 割合の推移 / "Shares over time",
    sentiment and reasons alike, and its chart of reasons (stated_bars) had no title: a chart copied out of the page
    did not say what it showed."""
    assert _title(draw(lang)) == title


OWN = ["独立", "理由01", "理由02"]


def _own_distribution(labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"count": [3, 2, 1], "share": [0.5, 1 / 3, 1 / 6]}, index=pd.Index(labels, name="reason"))


def _own_stated(labels: list[str]) -> pd.DataFrame:
    return _stated([3, 2, 1]).set_axis(pd.Index(labels, name="reason"))


def _own_segments(labels: list[str]) -> pd.DataFrame:
    return _over_time(labels, "reason").set_axis(pd.Index(["a", "b", "c", "d"], name="platform"))


@pytest.mark.parametrize(
    "draw",
    [
        lambda labels, given: analysis.reason_bars(_own_distribution(labels), labels=given),
        lambda labels, given: analysis.stated_bars(_own_stated(labels), labels=given),
        lambda labels, given: analysis.segment_bars(_own_segments(labels), labels=given),
        lambda labels, given: analysis.trend_counts(_over_time(labels, "reason"), labels=given),
        lambda labels, given: analysis.trend_shares(_over_time(labels, "reason"), labels=given),
    ],
    ids=["reason_bars", "stated_bars", "segment_bars", "trend_counts", "trend_shares"],
)
@pytest.mark.parametrize(
    ("labels", "given", "churn"),
    [
        (REASONS[:3], None, True),  # the churn taxonomy: 退会理由
        (OWN, None, False),  # labels of one's own (news topics): 理由
        (REASONS[:3], OwnLabels(REASONS[:3]), False),  # of one's own, spelt as taxonomy ids (--free-labels)
    ],
    ids=["taxonomy", "own", "own-as-ids"],
)
def test_a_chart_of_labels_of_one_s_own_is_not_titled_with_the_churn_words(draw, labels, given, churn):
    """Regression: the page of a model trained with --free-labels on news topics is headed 理由レポート, but its
    charts were titled 退会理由の分布, 退会理由の推移 (件数) and platform ごとの退会理由."""
    title = _title(draw(labels, given))
    assert ("退会理由" in title) == churn and "理由" in title, title


def _predictions() -> pd.DataFrame:
    """Twelve classified rows over three months and two platforms."""
    reasons = ["fees", "time", "other", "fees"] * 3
    dates = pd.date_range("2026-01-05", periods=12, freq="8D")
    return classified(pd.DataFrame({"reason": reasons, "platform": ["A", "B"] * 6, "posted_at": dates}))


_EVERY_CHART = {
    "reason_bars": lambda t: analysis.reason_bars(analysis.reason_distribution(t)),
    "stated_bars": lambda t: analysis.stated_bars(analysis.stated_reasons(t)),
    "sentiment_bars": lambda t: analysis.sentiment_bars(analysis.sentiment_by_reason(t)),
    "segment_bars": lambda t: analysis.segment_bars(analysis.segment_breakdown(t, "platform")),
    "trend_counts": lambda t: analysis.trend_counts(analysis.reasons_over_time(t, "posted_at")),
    "trend_shares": lambda t: analysis.trend_shares(analysis.reasons_over_time(t, "posted_at")),
    "confusion_plot": lambda t: analysis.confusion_plot(["fees", "time"], [[3, 1], [0, 2]]),
}


@pytest.mark.parametrize("draw", _EVERY_CHART.values(), ids=_EVERY_CHART.keys())
def test_a_notebook_shows_every_chart_as_a_picture_without_pyplot(draw):
    """A notebook that had not imported pyplot nor run %matplotlib inline showed '<Figure size 700x420 with 1
    Axes>' for a chart: IPython's formatters, as Jupyter calls them, now find its PNG, drawn as the report draws it."""
    formatters = pytest.importorskip("IPython.core.formatters")
    fig = draw(_predictions())
    data, _ = formatters.DisplayFormatter().format(fig)
    assert "image/png" in data, list(data)
    png, report = data["image/png"], base64.b64decode(analysis.to_data_uri(fig).partition(",")[2])
    assert png.startswith(b"\x89PNG") and png[16:24] == report[16:24]  # the report's picture, of its width and height
