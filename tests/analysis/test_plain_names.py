"""A column named as the frame names it: a labelled frame's own sentiment beside the model's prefixed one."""

import re
import warnings

import pandas as pd
import pytest

from taikai import analysis

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて数百円にしかならない",
    "本業が忙しくなった",
    "提案しても返事がない",
]
GOLD = ["金", "銀", "銅", "鉄"]  # the frame's own sentiment column: values no model writes


@pytest.fixture(scope="module")
def scored(tiny_model) -> pd.DataFrame:
    """A labelled frame (its own ``sentiment``) with the model's columns beside it under ``pred_``."""
    labelled = pd.DataFrame({"text": TEXTS * 5, "sentiment": GOLD * 5})
    return tiny_model.predict_frame(labelled, prefix="pred_")


def _values(table: pd.DataFrame) -> set[str]:
    return set(map(str, table.index))


def _context(table: pd.DataFrame) -> set[str]:
    """The cells of the last sentiment column: the context column asked for (the model's is shown anyway)."""
    return set(map(str, table[[c for c in table.columns if "sentiment" in str(c)][-1]]))


def _page(scored: pd.DataFrame, by: str) -> set[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = analysis.build_report(scored, by=by, embed_font=False, charts=False, drift=False, lang="en")
    segments = re.search(r'<section id="segments">(.*?)</section>', page, re.S).group(1)
    return {v for v in [*GOLD, "positive", "neutral", "negative"] if f">{v}<" in segments}


@pytest.mark.parametrize(
    ("call", "column", "own"),
    [
        (lambda df, c: _values(analysis.segment_breakdown(df, c)), "sentiment", True),
        (lambda df, c: _values(analysis.segment_breakdown(df, c)), "pred_sentiment", False),
        (lambda df, c: _context(analysis.least_confident(df, n=20, context=[c])), "sentiment", True),
        (lambda df, c: _context(analysis.least_confident(df, n=20, context=[c])), "pred_sentiment", False),
        (lambda df, c: _context(analysis.representative_reviews(df, per_reason=5, context=[c])), "sentiment", True),
        (lambda df, c: _page(df, c), "sentiment", True),
        (lambda df, c: _page(df, c), "pred_sentiment", False),
    ],
    ids=[
        "segments-own",
        "segments-model",
        "least-confident-own",
        "least-confident-model",
        "representative-own",
        "report-own",
        "report-model",
    ],
)
def test_a_column_is_the_one_the_frame_names_so(scored, call, column, own):
    """Regression: on predict_frame(labelled, prefix="pred_"), segment_breakdown(df, "sentiment") grouped by the
    model's sentiment (pred_sentiment, read under the plain name), not the frame's own sentiment column, and said
    nothing; "pred_sentiment" was refused as no column, the error listing input_sentiment, a name the frame does
    not have. The same in the review tables' context columns and the report's by=."""
    shown = call(scored, column)
    assert shown and (shown <= set(GOLD)) == own and (shown.isdisjoint(GOLD)) == (not own), shown


def _gold(tiny_model) -> pd.DataFrame:
    """A labelled frame (its own ``reasons``, every row wrong for the model) classified under ``pred_``."""
    labelled = pd.DataFrame({"text": TEXTS * 5, "reasons": ["trouble", "graduated"] * 10, "sentiment": GOLD * 5})
    return tiny_model.predict_frame(labelled, prefix="pred_")


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda df: analysis.misclassified(df, "reasons", prefix="pred_").columns, {"reasons", "pred_reason"}),
        (lambda df: analysis.misclassified(df, "reasons").columns, {"reasons", "sentiment", "pred_sentiment"}),
        (lambda df: analysis.classified(df, prefix="pred_").columns, {"reasons", "pred_reasons", "pred_status"}),
        (lambda df: analysis.least_confident(df, context=["sentiment"]).columns, {"pred_reason", "sentiment"}),
        (
            lambda df: analysis.representative_reviews(df, context=["sentiment"], prefix="pred_").columns,
            {"pred_reason", "pred_sentiment", "sentiment"},
        ),
        (lambda df: analysis.segment_breakdown(df, "sentiment", prefix="pred_").index.names, {"sentiment"}),
    ],
    ids=["misclassified", "misclassified-found", "classified", "least-confident", "representative", "segments"],
)
def test_the_rows_come_back_under_the_callers_names(tiny_model, call, named):
    """Regression: misclassified(scored, gold_column="reasons", prefix="pred_") returned the frame under plain names,
    the gold column as input_reasons (a name the call nowhere gives) and the model's as reason; the review tables
    showed the frame's own sentiment as input_sentiment and segment_breakdown named its index so."""
    shown = {str(c) for c in call(_gold(tiny_model))}
    assert named <= shown and not any(c.startswith("input_") for c in shown), shown


@pytest.mark.parametrize(
    ("call", "missing"),
    [
        (lambda df: analysis.least_confident(df), "text"),
        (lambda df: analysis.least_confident(df, text_column="本文", context=["platform"]), "platform"),
        (lambda df: analysis.representative_reviews(df), "text"),
        (lambda df: analysis.segment_breakdown(df, "platform"), "platform"),
        (lambda df: analysis.reasons_over_time(df, "posted_at"), "posted_at"),
        (lambda df: analysis.sentiment_over_time(df, "posted_at"), "posted_at"),
        (lambda df: analysis.distinctive_words(df, "text"), "text"),
    ],
    ids=["least-confident", "context", "representative", "segments", "reasons-over-time", "sentiments", "words"],
)
def test_a_column_not_found_lists_the_columns_as_the_frame_names_them(tiny_model, call, missing):
    """Regression: on predict_frame(df, text_column="本文", prefix="pred_") (the notebook's frame), a column not found
    was refused listing 'reason', 'status', 'p_reason_fees', …: names the frame does not have (its columns are
    pred_reason, …), read under the plain names; the list is the frame's own."""
    scored = tiny_model.predict_frame(pd.DataFrame({"本文": TEXTS, "日付": ["2026-03-01"] * 4}), "本文", prefix="pred_")
    with pytest.raises(ValueError, match=f"no column '{missing}'") as raised:
        call(scored)
    listed = re.search(r"the columns are (\[.*?\])", str(raised.value)).group(1)
    assert listed == repr(list(scored.columns)), listed
