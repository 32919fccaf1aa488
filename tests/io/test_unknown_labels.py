"""Labels typed in the other label column: a sentiment in the reasons, a reason as the sentiment, or both swapped."""

import pandas as pd
import pytest

from taikai import InputError
from taikai.io import check_labelled
from taikai.labels import REASON_IDS, SENTIMENTS, OwnLabels

TAXONOMY = {"known_reasons": REASON_IDS, "known_sentiments": SENTIMENTS}
SWAPPED = "are the reasons and sentiment columns swapped?"


def frame(reasons: str, sentiment: str, more: str = "") -> pd.DataFrame:
    return pd.DataFrame(
        {"text": ["手数料が高い"], "reasons": [reasons], "sentiment": [sentiment], "more_reasons": [more]}
    )


@pytest.mark.parametrize(
    ("row", "known", "said"),
    [
        # Regression: 'negative' was offered its closest reason (time) and 'trouble' nothing
        (
            ("negative", "trouble"),
            TAXONOMY,
            [
                f"reasons: 'negative' is a sentiment label (and 'trouble' a reason): {SWAPPED}",
                f"sentiment: 'trouble' is a reason label (and 'negative' a sentiment): {SWAPPED}",
            ],
        ),
        # Japanese names are the taxonomy's labels too
        (
            ("ネガティブ", "トラブル・不信"),
            TAXONOMY,
            [
                f"reasons: 'ネガティブ' is a sentiment label (and 'トラブル・不信' a reason): {SWAPPED}",
                f"sentiment: 'トラブル・不信' is a reason label (and 'ネガティブ' a sentiment): {SWAPPED}",
            ],
        ),
        # one of them in the wrong column only
        (
            ("negative", "negative"),
            TAXONOMY,
            ["reasons: 'negative' is a sentiment label, not a reason: is it in the wrong column?"],
        ),
        (
            ("fees", "trouble"),
            TAXONOMY,
            ["sentiment: 'trouble' is a reason label, not a sentiment: is it in the wrong column?"],
        ),
        (
            ("fees", "negative", "positive"),
            TAXONOMY,
            ["more_reasons: 'positive' is a sentiment label, not a reason: is it in the wrong column?"],
        ),
        # labels of one's own, as written
        (
            ("怒り", "野球"),
            {"known_reasons": OwnLabels(["野球", "仕事"]), "known_sentiments": OwnLabels(["喜び", "怒り"])},
            [
                f"reasons: '怒り' is a sentiment label (and '野球' a reason): {SWAPPED}",
                f"sentiment: '野球' is a reason label (and '怒り' a sentiment): {SWAPPED}",
            ],
        ),
        # Regression: a sentiment's spelling of a reason of one's own (chABSa's polarity as reasons) was said to be
        # a sentiment in the wrong column, not offered the reason
        (
            ("Positive", ""),
            {"known_reasons": OwnLabels(["negative", "positive"]), "known_sentiments": None},
            ["reasons: unknown label 'Positive' (closest: 'positive')"],
        ),
        (
            ("fees", "ネガティブ", "NEGATIVE"),
            {"known_reasons": ["fees", "negative"], "known_sentiments": SENTIMENTS},
            ["more_reasons: unknown label 'NEGATIVE' (closest: 'negative')"],
        ),
        (
            ("ポジティブ", "fees"),
            {"known_reasons": OwnLabels(["negative", "positive"]), "known_sentiments": OwnLabels(["fees", "time"])},
            [
                "reasons: unknown label 'ポジティブ' (closest: 'positive', named 'ポジティブ' in the taxonomy; "
                "labels of one's own are read as written)"
            ],
        ),
        (
            ("fees", "Fees"),  # and a reason's spelling of a sentiment of one's own
            {"known_reasons": ["fees", "low_pay"], "known_sentiments": OwnLabels(["fees", "time"])},
            ["sentiment: unknown label 'Fees' (closest: 'fees')"],
        ),
        # a typo is told the closest label, as before
        (("fess", "negative"), TAXONOMY, ["reasons: unknown label 'fess' (closest: fees (手数料が高い))"]),
    ],
)
def test_a_label_of_the_other_column_is_said_to_be_one(row, known, said):
    with pytest.raises(InputError) as caught:
        check_labelled(frame(*row), "s2f.csv", lines=[9], **known)
    listed = str(caught.value).splitlines()[1:-1]
    assert listed == [f"  s2f.csv:9: {line}" for line in said]
    assert "--free-labels" not in str(caught.value)  # a label in the wrong column is no category of one's own


def test_rules_test_reads_no_sentiment_but_still_tells_of_a_swap():
    """rules test reads the reasons only (no sentiment column): the sentiment cell still says whether they are
    swapped."""
    with pytest.raises(InputError) as caught:
        check_labelled(
            frame("negative", "trouble"),
            "s2f.csv",
            sentiment_column=None,
            lines=[9],
            known_reasons=REASON_IDS,
            skip_blank=True,
        )
    assert str(caught.value).splitlines()[1] == (
        f"  s2f.csv:9: reasons: 'negative' is a sentiment label (and 'trouble' a reason): {SWAPPED}"
    )


def test_a_sentiment_column_not_read_is_not_checked():
    """sentiment_column=None (--no-sentiment on the command line) reads no sentiment: its cells, told of only for
    a swap, are not refused as unknown sentiments."""
    table = check_labelled(frame("fees", "良い"), sentiment_column=None, **TAXONOMY)
    assert table.frame["label_set"].tolist() == [["fees"]]


@pytest.mark.parametrize(
    ("known", "listed", "more"),
    [(5, 5, None), (20, 20, None), (21, 20, ", and 1 more (21 in all; "), (280, 20, ", and 260 more (280 in all; ")],
    ids=["five", "twenty", "twenty-one", "hundreds"],
)
def test_the_known_labels_are_listed_up_to_twenty_and_the_rest_counted(known, listed, more):
    """Regression: a model of 280 labels of its own was told a typo with every one of them, a wall of labels."""
    labels = OwnLabels([f"l{i:03d}" for i in range(known)])
    with pytest.raises(InputError) as caught:
        check_labelled(frame("l0x1", ""), "s.csv", sentiment_column=None, lines=[2], known_reasons=labels)
    advice = str(caught.value).splitlines()[-1]
    assert [f"l{i:03d}" in advice for i in range(known)] == [i < listed for i in range(known)]
    assert (more in advice) if more else ("more (" not in advice)
    assert advice.startswith("use one of the reasons l000, l001,") and ", or fix the typo" in advice


ALONE = "to train on the sentiments as the labels, add free_labels=True (--free-labels on the command line); else "
COLUMN = (
    "name the column of reasons with reasons_column= (--reasons-column on the command line): the reasons column "
    "'feeling' holds"
)


@pytest.mark.parametrize(
    ("feelings", "options", "said"),
    [
        # Regression: sentiment-only data trained without --free-labels listed up to 20 identical lines before the
        # advice; one line now, the advice first
        (
            ["negative", "neutral", "negative"],
            {"sentiment_column": None, "sentiment_only_hint": True},
            [
                f"f.csv: {ALONE}{COLUMN} sentiment labels ('neutral', 'negative'), not reasons, in 3 row(s), the first "
                "at f.csv:2"
            ],
        ),
        # evaluating, or an --add file: only the column to name
        (
            ["positive", "negative"],
            {"sentiment_column": None},
            [
                f"f.csv: {COLUMN} sentiment labels ('positive', 'negative'), not reasons, in 2 row(s), the first "
                "at f.csv:2"
            ],
        ),
        # one row keeps its line, with the known labels
        (
            ["negative"],
            {"sentiment_column": None},
            [
                "f.csv: 1 label(s) outside the known labels:",
                "  f.csv:2: feeling: 'negative' is a sentiment label, not a reason: is it in the wrong column?",
            ],
        ),
        # a typo among them: every row is listed, as before
        (
            ["negative", "fess"],
            {"sentiment_column": None},
            [
                "f.csv: 2 label(s) outside the known labels:",
                "  f.csv:2: feeling: 'negative' is a sentiment label, not a reason: is it in the wrong column?",
                "  f.csv:3: feeling: unknown label 'fess' (closest: fees (手数料が高い))",
            ],
        ),
    ],
    ids=["training", "evaluating", "one-row", "with-a-typo"],
)
def test_a_reasons_column_of_sentiments_is_said_in_one_line(feelings, options, said):
    df = pd.DataFrame({"text": ["手数料が高い"] * len(feelings), "feeling": feelings})
    with pytest.raises(InputError) as caught:
        check_labelled(
            df,
            "f.csv",
            reasons_column="feeling",
            lines=range(2, 2 + len(feelings)),
            **options,
            known_reasons=REASON_IDS,
        )
    assert str(caught.value).splitlines()[: len(said)] == said


SKILL = "reasons: unknown label 'スキル不足'"
TYPO = "reasons: unknown label 'low_pey' (closest: low_pay (報酬・単価が低い))"


@pytest.mark.parametrize(
    ("reasons", "lines", "said"),
    [
        # Regression: 30 rows of a reason the model lacks filled the 20 lines shown, hiding the typo after them
        (
            ["スキル不足"] * 30 + ["low_pey"],
            None,
            [
                "team.csv: 31 label(s) outside the known labels, 2 different:",
                f"team.csv:2: {SKILL} (the same on 29 more line(s): 3, 4, 5, 6, 7, and 24 more)",
                f"team.csv:32: {TYPO}",
            ],
        ),
        (
            ["スキル不足", "low_pey", "スキル不足"],
            None,
            [
                "team.csv: 3 label(s) outside the known labels, 2 different:",
                f"team.csv:2: {SKILL} (the same on 1 more line(s): 4)",
                f"team.csv:3: {TYPO}",
            ],
        ),
        (["スキル不足", "low_pey"], None, ["team.csv: 2 label(s) outside the known labels:", f"team.csv:2: {SKILL}"]),
        # a frame's rows have no lines: its places are named whole
        (
            ["スキル不足", "スキル不足"],
            False,
            [
                "team.csv: 2 label(s) outside the known labels, all one label:",
                f"team.csv: row 1 (data row, 1-based): {SKILL} (the same on 1 more row(s): team.csv: row 2 "
                "(data row, 1-based))",
            ],
        ),
    ],
    ids=["thirty-then-a-typo", "interleaved", "all-different", "frame-rows"],
)
def test_each_unknown_label_is_listed_once_with_the_lines_that_repeat_it(reasons, lines, said):
    df = pd.DataFrame({"text": ["手数料が高い"] * len(reasons), "reasons": reasons, "sentiment": "negative"})
    numbered = None if lines is False else list(range(2, len(reasons) + 2))
    with pytest.raises(InputError) as caught:
        check_labelled(df, "team.csv", lines=numbered, **TAXONOMY)
    shown = [line.strip() for line in str(caught.value).splitlines()]
    assert [line for line in said if line not in shown] == []
    assert "… and" not in str(caught.value)


SCORES = "if -1, 0 and 1 stand for negative, neutral and positive"


@pytest.mark.parametrize(
    ("sentiment", "known", "said"),
    [
        # Regression: a sheet coding sentiment as -1/0/1 was told only "unknown label '-1'"
        ("-1", SENTIMENTS, f"unknown label '-1' (closest: negative (ネガティブ), {SCORES})"),
        ("0", SENTIMENTS, f"unknown label '0' (closest: neutral (中立), {SCORES})"),
        ("1", SENTIMENTS, f"unknown label '1' (closest: positive (ポジティブ), {SCORES})"),
        ("+1", SENTIMENTS, f"unknown label '+1' (closest: positive (ポジティブ), {SCORES})"),
        ("2", SENTIMENTS, "unknown label '2'\n"),  # no score of the three
        ("-1", OwnLabels(["good", "bad"]), "unknown label '-1'\n"),  # labels of one's own: no guess
    ],
)
def test_a_sentiment_written_as_a_score_is_offered_the_sentiment_it_stands_for(sentiment, known, said):
    with pytest.raises(InputError) as caught:
        check_labelled(frame("fees", sentiment), "s.csv", lines=[2], known_reasons=REASON_IDS, known_sentiments=known)
    assert f"s.csv:2: sentiment: {said}" in str(caught.value) + "\n"


NOT_KNOWN = "if it means not known, leave the cell empty: the row is read for its other labels, or skipped and counted"


@pytest.mark.parametrize(
    ("row", "said"),
    [
        # Regression (h341): a coder's "not known" was told only "unknown label '?'" and, with the list of labels,
        # "or fix the typo": nothing said that an empty cell is how a row labelled in part is read
        (("fees", "?"), f"sentiment: unknown label '?'; {NOT_KNOWN}"),
        (("fees", "？？"), f"sentiment: unknown label '??'; {NOT_KNOWN}"),  # full-width, read after NFKC
        (("fees", "不明"), f"sentiment: unknown label '不明'; {NOT_KNOWN}"),
        (("fees", "わからない"), f"sentiment: unknown label 'わからない'; {NOT_KNOWN}"),
        (("fees", "N/A"), f"sentiment: unknown label 'N/A'; {NOT_KNOWN}"),
        (("fees", "ー"), f"sentiment: unknown label 'ー'; {NOT_KNOWN}"),
        (("?", "negative"), f"reasons: unknown label '?'; {NOT_KNOWN}"),
        (("不明", "negative"), f"reasons: unknown label '不明' (closest: other (その他)); {NOT_KNOWN}"),
        (("fees", "negative", "-"), f"more_reasons: unknown label '-'; {NOT_KNOWN}"),
        (("fees", "ふめい"), "sentiment: unknown label 'ふめい'\n"),  # a typo of nothing: no such advice
        (("fees", "不明瞭な不満"), "sentiment: unknown label '不明瞭な不満' (closest: negative (ネガティブ))\n"),
    ],
)
def test_a_label_cell_saying_not_known_is_told_to_be_left_empty(row, said):
    with pytest.raises(InputError) as caught:
        check_labelled(frame(*row), "s.csv", lines=[2], **TAXONOMY)
    assert f"s.csv:2: {said}" in str(caught.value) + "\n"


ONE = "but a row takes one: keep the one meant"


@pytest.mark.parametrize(
    ("sentiment", "known", "said"),
    [
        # Regression: a cell of two sentiments was offered "(closest: negative (ネガティブ))", as if a typo of one
        ("negative|neutral", SENTIMENTS, f"'negative|neutral' gives 2 sentiments (negative, neutral), {ONE}, negative"),
        (
            "ネガティブ/中立",
            SENTIMENTS,
            f"'ネガティブ/中立' gives 2 sentiments (ネガティブ, 中立), {ONE}, ネガティブ or 中立",
        ),
        ("good|bad", OwnLabels(["good", "bad"]), f"'good|bad' gives 2 sentiments (good, bad), {ONE}, good or bad"),
        ("negative|bad", SENTIMENTS, "unknown label 'negative|bad'"),  # not two sentiments: said as before
    ],
)
def test_a_sentiment_cell_of_two_sentiments_is_told_a_row_takes_one(sentiment, known, said):
    with pytest.raises(InputError) as caught:
        check_labelled(frame("fees", sentiment), "s.csv", lines=[2], known_reasons=REASON_IDS, known_sentiments=known)
    assert f"s.csv:2: sentiment: {said}" in str(caught.value)
