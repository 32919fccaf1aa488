"""Each chart's alt text says its main finding in one sentence, in the page's language, from the chart's figures."""

import pandas as pd
import pytest

from taikai.analysis._report._blocks import Chart
from taikai.analysis._report._context import ReportContext, ReportOptions
from taikai.analysis._report._reasons import reasons_section
from taikai.analysis._report._segments import segments_section
from taikai.analysis._report._sentiment import sentiment_section
from taikai.analysis._report._trend import trend_section

SENTIMENT = {"fees": "positive", "trouble": "negative", "time": "neutral"}


def _frame() -> pd.DataFrame:
    """34 reviews over three months: fees 6, 2, 3 (platform A, positive), trouble 4, 10, 7 (B, negative but one
    neutral), time 0, 2, 0 (B, neutral)."""
    from support_frames import classified

    months = {"2026-01-15": (6, 4, 0), "2026-02-15": (2, 10, 2), "2026-03-15": (3, 7, 0)}
    rows = [(d, r) for d, n in months.items() for r, k in zip(("fees", "trouble", "time"), n) for _ in range(k)]
    frame = classified(pd.DataFrame(rows, columns=["posted_at", "reason"]))
    frame["platform"] = frame["reason"].map({"fees": "A"}).fillna("B")
    frame["sentiment"] = frame["reason"].map(SENTIMENT)
    frame.loc[len(frame) - 1, "sentiment"] = "neutral"  # the last trouble row of March
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    return frame


SECTIONS = {"reasons": reasons_section, "sentiment": sentiment_section, "trend": trend_section}
SECTIONS["segments"] = segments_section


@pytest.mark.parametrize(
    ("section", "lang", "alts"),
    [
        ("reasons", "ja", ["退会理由の分布: 最も多いのは「トラブル・不信」で 21 件 (分類された 34 件の 61.8%)。"]),
        ("reasons", "en", ["Reasons: the most frequent is 'Trouble, distrust', 21 reviews (61.8% of 34 classified)."]),
        (
            "sentiment",
            "ja",
            [
                "感情の推移: 割合が最も大きく動いたのは「ポジティブ」で、2026-02 に 60.0% から 14.3% (2026-01 比)。",
                "理由ごとの感情: 「ネガティブ」の割合が最も高い理由は「トラブル・不信」で 95.2% (20/21 件)。",
            ],
        ),
        (
            "sentiment",
            "en",
            [
                "Sentiment over time: the share that moved most is 'positive', from 60.0% to 14.3% in 2026-02 (against "
                "2026-01).",
                "Sentiment per reason: the reason with the highest share of 'negative' reviews is 'Trouble, "
                "distrust', "
                "95.2% (20 of 21).",
            ],
        ),
        (
            "trend",
            "ja",
            [
                "月ごとの件数 (理由別): 件数が最も大きく動いたのは「トラブル・不信」で、2026-02 に 4 件から 10 件 "
                "(2026-01 比)。",
                "月ごとの割合: 割合が最も大きく動いたのは「手数料が高い」で、2026-02 に 60.0% から 14.3% "
                "(2026-01 比)。",
            ],
        ),
        (
            "trend",
            "en",
            [
                "Count per month, per reason: the count that moved most is 'Trouble, distrust', from 4 to 10 reviews "
                "in 2026-02 (against 2026-01).",
                "Share per month: the share that moved most is 'High fees', from 60.0% to 14.3% in 2026-02 (against "
                "2026-01).",
            ],
        ),
        (
            "segments",
            "ja",
            [
                "セグメント別の内訳: platform: platform が A のレビューでは「手数料が高い」が 100.0% と、"
                "全体の 32.4% から最も離れています。"
            ],
        ),
        (
            "segments",
            "en",
            [
                "Segments: platform: on platform A, 'High fees' is 100.0% of reviews, the furthest from its 32.4% "
                "overall."
            ],
        ),
    ],
)
def test_each_chart_alt_says_its_main_finding(section, lang, alts):
    """Regression: every chart's alt text was its title only (退会理由の分布), which tells a reader without the image
    (a mail client that blocks it, a screen reader) nothing of what it shows."""
    ctx = ReportContext(_frame(), ReportOptions(date_column="posted_at", by="platform", lang=lang))
    assert [b.alt for b in SECTIONS[section](ctx).blocks if isinstance(b, Chart)] == alts


@pytest.mark.parametrize(
    ("counts", "lang", "alt"),
    [
        (
            {"fees": 5, "trouble": 5, "time": 2},
            "ja",
            "退会理由の分布: 最も多いのは「手数料が高い」と「トラブル・不信」で、それぞれ 5 件 "
            "(分類された 12 件の 41.7%)。",
        ),
        (
            {"fees": 5, "trouble": 5, "time": 2},
            "en",
            "Reasons: the most frequent are 'High fees' and 'Trouble, distrust', 5 reviews each (41.7% of 12 "
            "classified).",
        ),
        (
            {"fees": 3, "trouble": 3, "time": 3},
            "en",
            "Reasons: the most frequent are 'High fees' and 'No time' and 'Trouble, distrust', 3 reviews each (33.3% "
            "of 9 classified).",  # in the model's order, as the table and the summary list them
        ),
        (
            {"fees": 5, "trouble": 4},
            "en",
            "Reasons: the most frequent is 'High fees', 5 reviews (55.6% of 9 classified).",
        ),
    ],
)
def test_the_reasons_alt_names_every_tied_top_reason(counts, lang, alt):
    """Regression: of two reasons tied at the top the alt text named only the first (最も多いのは「手数料が高い」),
    while the summary named both."""
    from support_frames import classified

    frame = classified(pd.DataFrame({"reason": [r for r, n in counts.items() for _ in range(n)]}))
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    ctx = ReportContext(frame, ReportOptions(lang=lang))
    assert next(b.alt for b in reasons_section(ctx).blocks if isinstance(b, Chart)) == alt


def _own_scale() -> pd.DataFrame:
    """12 reviews of a team's own topics (ニュース 8, スポーツ 4) and sentiment scale 1, 3, 5 (--free-labels)."""
    rows = [("ニュース", "1")] * 6 + [("ニュース", "5")] * 2 + [("スポーツ", "3")] * 3 + [("スポーツ", "1")]
    frame = pd.DataFrame(rows, columns=["reason", "sentiment"])
    frame["status"], frame["message"] = "ok", None
    frame["reason_ja"] = frame["reasons"] = frame["reason"]
    for r in ("ニュース", "スポーツ"):
        frame[f"p_reason_{r}"] = (frame["reason"] == r) * 0.8 + 0.1
    for s in ("1", "3", "5"):
        frame[f"p_sentiment_{s}"] = (frame["sentiment"] == s) * 0.7 + 0.1
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    return frame


@pytest.mark.parametrize(
    ("lang", "alt"),
    [
        ("en", "Sentiment per reason: the reason with the highest share of '1' reviews is 'ニュース', 75.0% (6 of 8)."),
        ("ja", "理由ごとの感情: 「1」の割合が最も高い理由は「ニュース」で 75.0% (6/8 件)。"),
    ],
)
def test_a_sentiment_of_ones_own_is_quoted_in_the_alt(lang, alt):
    """Regression: a team's sentiment scale of its own (1, 3, 5) read "the highest share of 1 reviews" in English,
    a count rather than a label; the Japanese quoted it (「1」), as the English quotes every other label."""
    ctx = ReportContext(_own_scale(), ReportOptions(lang=lang))
    assert alt in [b.alt for b in sentiment_section(ctx).blocks if isinstance(b, Chart)]


def _months(counts: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A frame of reviews per month (``{"2026-01-15": {"fees": 3}}``), each with its text."""
    from support_frames import classified

    rows = [(d, r) for d, n in counts.items() for r, k in n.items() for _ in range(k)]
    frame = classified(pd.DataFrame(rows, columns=["posted_at", "reason"]))
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    return frame


@pytest.mark.parametrize(
    ("section", "counts", "alt"),
    [
        (
            "reasons",
            {"2026-01-15": {"fees": 1}},
            "Reasons: the most frequent is 'High fees', 1 review (100.0% of 1 classified).",
        ),
        (
            "reasons",
            {"2026-01-15": {"fees": 1, "trouble": 1}},
            "Reasons: the most frequent are 'High fees' and 'Trouble, distrust', 1 review each (50.0% of 2 "
            "classified).",
        ),
        (
            "trend",
            {"2026-01-15": {"fees": 3}, "2026-02-15": {"fees": 1}},
            "Count per month, per reason: the count that moved most is 'High fees', from 3 to 1 review in 2026-02 "
            "(against 2026-01).",
        ),
        (
            "trend",
            {"2026-01-15": {"fees": 1}, "2026-02-15": {"fees": 3}},
            "Count per month, per reason: the count that moved most is 'High fees', from 1 to 3 reviews in 2026-02 "
            "(against 2026-01).",
        ),
    ],
)
def test_an_english_alt_says_one_review_in_the_singular(section, counts, alt):
    """Regression: a count of 1 read '1 reviews' in the English alt texts (the page's sentences said '1 review')."""
    ctx = ReportContext(_months(counts), ReportOptions(date_column="posted_at", lang="en"))
    assert alt in [b.alt for b in SECTIONS[section](ctx).blocks if isinstance(b, Chart)]


def _segments(counts: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A frame of reviews per platform (``{"A": {"fees": 2}}``), each with its text."""
    from support_frames import classified

    rows = [(p, r) for p, n in counts.items() for r, k in n.items() for _ in range(k)]
    frame = classified(pd.DataFrame(rows, columns=["platform", "reason"]))
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    return frame


EVEN = {"A": {"fees": 2, "trouble": 1, "time": 1}, "B": {"fees": 0, "trouble": 2, "time": 2}}
"""Two platforms of 4 reviews: 'High fees' is 50 % of A's and 0 % of B's, both 25 points from its 25 % overall."""


@pytest.mark.parametrize(
    ("counts", "lang", "alt"),
    [
        (
            EVEN,
            "en",
            "Segments: platform: the furthest from their overall shares, by as much, are 'High fees' on platform A "
            "(50.0% of reviews, 25.0% overall) and 'High fees' on platform B (0.0% of reviews, 25.0% overall).",
        ),
        (
            EVEN,
            "ja",
            "セグメント別の内訳: platform: 全体から同じ幅で最も離れているのは、platform が A のレビューの"
            "「手数料が高い」(50.0%、全体では 25.0%)と、platform が B のレビューの「手数料が高い」"
            "(0.0%、全体では 25.0%)。",
        ),
        (
            {"A": {"fees": 3, "trouble": 1}},
            "en",
            "Segments: platform: only one value of platform, so no difference between values.",
        ),
        (
            {"A": {"fees": 3, "trouble": 1}},
            "ja",
            "セグメント別の内訳: platform: platform の値が 1 つだけのため、値の間の違いはありません。",
        ),
        (
            {"A": {"fees": 3, "trouble": 1}, "B": {"fees": 6, "trouble": 2}},
            "en",
            "Segments: platform: every value of platform has the same mix of reasons.",
        ),
        (
            {"A": {"fees": 3, "trouble": 1}, "B": {"fees": 6, "trouble": 2}},
            "ja",
            "セグメント別の内訳: platform: platform のどの値でも理由の構成は同じです。",
        ),
    ],
)
def test_the_segments_alt_names_every_tied_segment(counts, lang, alt):
    """Regression: of two segments as far from the whole the alt text named the first only, and of one segment
    (or segments of one mix) it said "'Low pay' is 0.0% of reviews, the furthest from its 0.0% overall"."""
    ctx = ReportContext(_segments(counts), ReportOptions(by="platform", lang=lang))
    assert [b.alt for b in segments_section(ctx).blocks if isinstance(b, Chart)] == [alt]


@pytest.mark.parametrize(
    ("lang", "alt"),
    [
        (
            "en",
            "Share per month: the shares that moved most, by as much, are 'High fees', from 50.0% to 25.0% in "
            "2026-02 (against 2026-01) and 'Trouble, distrust', from 50.0% to 75.0% in 2026-02 (against 2026-01).",
        ),
        (
            "ja",
            "月ごとの割合: 割合が同じ幅で最も大きく動いたのは、「手数料が高い」(2026-02 に 50.0% から 25.0%、"
            "2026-01 比)と、"
            "「トラブル・不信」(2026-02 に 50.0% から 75.0%、2026-01 比)。",
        ),
    ],
)
def test_the_shares_alt_names_every_share_that_moved_as_much(lang, alt):
    """Regression: of two reasons whose shares moved by as much (one rose by what the other fell) the alt text
    named the first only."""
    frame = _months({"2026-01-15": {"fees": 2, "trouble": 2}, "2026-02-15": {"fees": 1, "trouble": 3}})
    ctx = ReportContext(frame, ReportOptions(date_column="posted_at", lang=lang))
    assert alt in [b.alt for b in trend_section(ctx).blocks if isinstance(b, Chart)]


_STEP = {"2026-01-15": {"fees": 2, "trouble": 2}, "2026-02-15": {"fees": 1, "trouble": 3}}
"""Two months of 4 reviews: 'High fees' fell by 1 and 'Trouble, distrust' rose by 1 in 2026-02."""
_FOUR = {"2026-01-15": {"fees": 1, "trouble": 1, "time": 1, "other": 1}, "2026-02-15": {"low_pay": 1}}
"""Four reasons that each fell by 1 in 2026-02, and a fifth that rose by 1."""


@pytest.mark.parametrize(
    ("counts", "lang", "alt"),
    [
        (
            _STEP,
            "en",
            "Count per month, per reason: the counts that moved most, by as much, are 'High fees', from 2 to 1 review "
            "in 2026-02 (against 2026-01) and 'Trouble, distrust', from 2 to 3 reviews in 2026-02 (against 2026-01).",
        ),
        (
            _STEP,
            "ja",
            "月ごとの件数 (理由別): 件数が同じ幅で最も大きく動いたのは、「手数料が高い」(2026-02 に 2 件から 1 件、"
            "2026-01 比)と、「トラブル・不信」(2026-02 に 2 件から 3 件、2026-01 比)。",
        ),
        (_FOUR, "en", "(against 2026-01), and 2 more."),
        (_FOUR, "ja", "2026-01 比)、ほか 2 件。"),
        (
            {"2026-01-15": {"fees": 2, "trouble": 2}, "2026-02-15": {"fees": 1, "trouble": 5}},
            "en",
            "Count per month, per reason: the count that moved most is 'Trouble, distrust', from 2 to 5 reviews in "
            "2026-02 (against 2026-01).",
        ),
    ],
)
def test_the_counts_alt_names_every_count_that_moved_as_much(counts, lang, alt):
    """Regression: of two reasons whose counts moved by as much the alt text named the first only ("the count that
    moved most is 'High fees'"), where the shares' and segments' alt texts name every tied one."""
    ctx = ReportContext(_months(counts), ReportOptions(date_column="posted_at", lang=lang))
    titles = ("Count per month, per reason: ", "月ごとの件数 (理由別): ")
    found = [b.alt for b in trend_section(ctx).blocks if isinstance(b, Chart) and b.alt.startswith(titles)]
    assert len(found) == 1 and found[0].endswith(alt), found  # the whole alt, or the end of one naming 3 of 5


@pytest.mark.parametrize(
    ("lang", "end"),
    [("en", "(0.0% of reviews, 50.0% overall), and 1 more."), ("ja", "(0.0%、全体では 50.0%)、ほか 1 件。")],
)
def test_the_alt_names_three_tied_findings_and_counts_the_rest(lang, end):
    """Regression: weeks of a few reviews each tie by the dozen, and the alt text named every one (400 weeks on a
    two-year page): it names three and says how many more."""
    counts = {"A": {"fees": 1, "trouble": 0}, "B": {"fees": 0, "trouble": 1}}
    ctx = ReportContext(_segments(counts), ReportOptions(by="platform", lang=lang))
    alt = next(b.alt for b in segments_section(ctx).blocks if isinstance(b, Chart))
    assert alt.endswith(end) and alt.count("50.0%") == 3, alt


@pytest.mark.parametrize(
    ("counts", "lang", "alts"),
    [
        (  # one reason throughout: 100 % in every month
            {"2026-01-15": {"fees": 3}, "2026-02-15": {"fees": 5}, "2026-03-15": {"fees": 2}},
            "ja",
            ["月ごとの割合: 割合はどの期間も同じで、動いていません。"],
        ),
        (
            {"2026-01-15": {"fees": 3}, "2026-02-15": {"fees": 5}},
            "en",
            ["Share per month: the shares are the same in every period: none moved."],
        ),
        (
            {"2026-01-15": {"fees": 2, "trouble": 1}, "2026-02-15": {"fees": 2, "trouble": 1}},
            "en",
            [
                "Count per month, per reason: the counts are the same in every period: none moved.",
                "Share per month: the shares are the same in every period: none moved.",
            ],
        ),
    ],
)
def test_the_trend_alts_say_that_nothing_moved_when_nothing_did(counts, lang, alts):
    """Regression: of a dump of one reason, the shares' alt said that every reason's share "moved most, by as much",
    「手数料が高い」(2025-02 に 100.0% から 100.0%) and the others from 0.0% to 0.0%."""
    ctx = ReportContext(_months(counts), ReportOptions(date_column="posted_at", lang=lang))
    found = [b.alt for b in trend_section(ctx).blocks if isinstance(b, Chart)]
    assert all(alt in found for alt in alts), found


def _per_reason(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """A frame of reviews of the given (reason, sentiment), each with its text."""
    from support_frames import classified

    frame = classified(pd.DataFrame({"reason": [r for r, _ in rows]}))
    frame["sentiment"] = [s for _, s in rows]
    frame["text"] = [f"本文 {i}" for i in range(len(frame))]
    return frame


_MONTH_OF_NINE = [("fees", "negative"), ("rejection", "negative"), ("time", "neutral"), ("time", "negative")]
_MONTH_OF_NINE += [("trouble", "negative")] * 5
"""A month of 9 reviews: 'negative' is 100 % of fees (1 of 1), of rejection (1 of 1) and of trouble (5 of 5)."""


@pytest.mark.parametrize(
    ("rows", "lang", "alt"),
    [
        (
            _MONTH_OF_NINE,
            "ja",
            "理由ごとの感情: 「ネガティブ」の割合が同じで最も高い理由は、「手数料が高い」(100.0%、1/1 件)と、"
            "「提案が通らない」(100.0%、1/1 件)と、「トラブル・不信」(100.0%、5/5 件)。",
        ),
        (
            _MONTH_OF_NINE,
            "en",
            "Sentiment per reason: the reasons with the highest share of 'negative' reviews, as high, are 'High "
            "fees', 100.0% (1 of 1) and 'Proposals rejected', 100.0% (1 of 1) and 'Trouble, distrust', 100.0% "
            "(5 of 5).",
        ),
        (
            [("fees", "negative"), ("fees", "neutral"), ("trouble", "negative"), ("trouble", "negative")],
            "ja",
            "理由ごとの感情: 「ネガティブ」の割合が最も高い理由は「トラブル・不信」で 100.0% (2/2 件)。",
        ),
        (
            [("fees", "negative")] * 4
            + [("trouble", "negative")] * 4
            + [("time", "negative")] * 4
            + [("other", "negative")] * 4,
            "en",
            "(4 of 4), and 1 more.",
        ),
    ],
)
def test_the_sentiment_alt_names_every_reason_as_high(rows, lang, alt):
    """Regression: of a small month in which three reasons were all negative (1 of 1, 1 of 1, 5 of 5), the alt
    text named the first alone as the reason with the highest share of negative reviews, 100.0% (1/1 件), where
    the other alt texts name every tied finding."""
    ctx = ReportContext(_per_reason(rows), ReportOptions(lang=lang))
    found = [b.alt for b in sentiment_section(ctx).blocks if isinstance(b, Chart)]
    assert len(found) == 1 and found[0].endswith(alt), found
