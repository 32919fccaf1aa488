"""One column named for two roles (texts and reasons, reasons and sentiment) is refused, never read twice."""

import pandas as pd
import pytest

import taikai
from taikai import FeatureConfig, InputError
from taikai.io import check_labelled

TWICE = "both name the column"


def sentiment_only(tiny_csv):
    """Return the tiny fixture as a file coded with a sentiment only (no reasons column)."""
    return pd.read_csv(tiny_csv)[["text", "sentiment"]]


@pytest.mark.parametrize(
    ("columns", "said"),
    [
        (  # the sentiment column left at its default: both heads would train on the same labels
            {"reasons_column": "sentiment"},
            "reasons_column= and sentiment_column= (--reasons-column and --sentiment-column on the command line) "
            "both name the column 'sentiment', which cannot hold both the reasons and the sentiment: give each its "
            "own column with --reasons-column and --sentiment-column, or pass sentiment_column=None",
        ),
        (
            {"text_column": "sentiment", "reasons_column": "sentiment", "sentiment_column": None},
            "text_column= and reasons_column= (--text-column and --reasons-column on the command line) both name "
            "the column 'sentiment', which cannot hold both the review texts and the reasons",
        ),
        (
            {"text_column": "text", "reasons_column": "sentiment", "sentiment_column": "text"},
            "text_column= and sentiment_column= (--text-column and --sentiment-column on the command line) both "
            "name the column 'text'",
        ),
    ],
)
@pytest.mark.parametrize("use", ["train", "evaluate", "check_labelled"])
def test_one_column_for_two_roles_is_refused(tiny_csv, tiny_model, columns, said, use):
    df = sentiment_only(tiny_csv)
    with pytest.raises(InputError, match=TWICE) as caught:
        if use == "train":
            taikai.train(df, config=FeatureConfig(min_df=1), folds=0, test_size=0, free_labels=True, **columns)
        elif use == "evaluate":
            taikai.evaluate(tiny_model, df, free_labels=True, **columns)
        else:
            check_labelled(df, **columns)
    assert said in str(caught.value)


def test_the_advice_followed_trains_a_reason_head_on_the_sentiment_column(tiny_csv):
    model = taikai.train(
        sentiment_only(tiny_csv),
        config=FeatureConfig(min_df=1),
        folds=0,
        test_size=0,
        free_labels=True,
        reasons_column="sentiment",
        sentiment_column=None,
    )
    assert set(model.reason_labels) == {"positive", "neutral", "negative"} and not model.sentiment_labels
