"""DriftStatistics: the figures derived from its counts, the cap on stored words, and its JSON form."""

import math

import pytest

from taikai.model import CONFIDENCE_BINS, DriftStatistics


def stats(**values):
    return DriftStatistics("test", **values)


BINS = tuple([0] * 8 + [2, 0] + [0] * 5 + [3, 0, 0, 0, 5])  # 2 rows at 0.4–0.45, 3 at 0.75–0.8, 5 at 0.95–1


@pytest.mark.parametrize(
    ("values", "figure", "expected"),
    [
        ({"rows": 10, "empty": 1, "error": 2, "foreign": 1}, "unclassifiable_share", 0.4),
        ({"rows": 0}, "unclassifiable_share", math.nan),
        ({"tokens": 200, "oov_tokens": 30}, "oov_rate", 0.15),
        ({"tokens": 200, "oov_tokens": None}, "oov_rate", math.nan),  # no word vocabulary
        ({"tokens": 200, "rows": 10, "empty": 1, "error": 1, "word_rows": 30}, "tokens_per_row", 25.0),
        ({"tokens": 200, "rows": 2, "empty": 1, "error": 1, "word_rows": 30}, "tokens_per_row", math.nan),
        ({"confidence": BINS, "confidence_sum": 8.1}, "mean_confidence", 0.81),
        ({"confidence": BINS}, "low_confidence_share", 0.2),
        ({"confidence": BINS}, "classified", 10),
        ({}, "mean_confidence", math.nan),
    ],
)
def test_figures(values, figure, expected):
    got = getattr(stats(**values), figure)
    assert (math.isnan(got) and math.isnan(expected)) or got == pytest.approx(expected)


def test_unstored_word_shares_are_bounded_by_the_floor():
    s = stats(word_rows=100, words={"手数料": 30, "単価": 5}, words_floor=5)
    assert s.word_share("手数料") == 0.3
    assert s.word_share("ホテル") == 0.04  # not stored: in at most 4 rows


@pytest.mark.parametrize(
    ("rows", "words", "max_words", "kept", "floor"),
    [
        (100, {"a": 3, "b": 1, "c": 1}, 10, {"a": 3, "b": 1, "c": 1}, 1),  # 0.1 % of 100 rows: every word
        (3000, {"a": 9, "b": 3, "c": 2}, 10, {"a": 9, "b": 3}, 3),  # at least 3 rows of 3,000
        (100, {"a": 5, "b": 4, "c": 4, "d": 1}, 2, {"a": 5}, 5),  # the cap cuts inside df 4: all of it goes
        (100, {"b": 2, "a": 2, "c": 9}, 3, {"c": 9, "a": 2, "b": 2}, 1),
    ],
)
def test_capped_keeps_frequent_words_and_says_below_which_none_was_kept(rows, words, max_words, kept, floor):
    capped = stats(word_rows=rows, words=words).capped(max_words=max_words)
    assert capped.words == kept and list(capped.words) == list(kept)  # most frequent first
    assert capped.words_floor == floor
    assert all(n < floor for w, n in words.items() if w not in kept)


def test_json_round_trip():
    s = stats(
        rows=12,
        empty=1,
        error=1,
        tokens=99,
        oov_tokens=None,
        confidence=BINS,
        confidence_sum=8.1,
        reasons={"fees": 10},
        sentiments={"negative": 10},
        word_rows=10,
        words={"手数料": 4},
        words_floor=2,
    )
    assert DriftStatistics.from_dict(s.to_dict()) == s
    bad = s.to_dict() | {"confidence": {"bins": [1, 2], "sum": 0}}
    with pytest.raises(ValueError, match=f"not {CONFIDENCE_BINS}"):
        DriftStatistics.from_dict(bad)
