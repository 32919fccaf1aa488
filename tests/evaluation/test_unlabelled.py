"""evaluate refuses data it cannot score (taikai.evaluation._unlabelled): an unlabelled dump, and a predictions file
of ``taikai batch --prefix pred_`` whose only labels are the model's."""

import re

import pandas as pd
import pytest

from taikai import evaluate
from taikai.errors import InputError

PREFIXED = {
    "text": ["手数料が高すぎる"],
    "platform": ["A"],
    "pred_status": ["ok"],
    "pred_message": [""],
    "pred_reason": ["fees"],
    "pred_reason_ja": ["手数料が高い"],
    "pred_reasons": ["fees"],
    "pred_sentiment": ["negative"],
    "pred_p_reason_fees": [0.9],
}
MODEL_LABELS = "column(s) are the model's labels, not gold labels; pass a labelled file instead"
PREDICTIONS = "this is a predictions file (it has the model's pred_status and pred_p_reason_* columns, as taikai batch"


@pytest.mark.parametrize(
    ("columns", "options", "said"),
    [
        # No gold labels at all: said so, and the model's columns are not offered as reasons_column=.
        ({}, {}, f"no column 'reasons' nor 'sentiment', no labels: {PREDICTIONS} --prefix pred_ writes): its "),
        ({}, {"sentiment_column": None}, "no column 'reasons', no labels: this is a predictions file"),
        # The model's own columns given as the gold ones: refused, as the unprefixed ones are.
        ({}, {"reasons_column": "pred_reasons", "sentiment_column": "pred_sentiment"}, f"pred.csv: {PREDICTIONS}"),
        ({}, {"reasons_column": "pred_reason", "sentiment_column": None}, "its pred_reason column(s) are the model's"),
        ({"gold": ["fees"]}, {"reasons_column": "gold", "sentiment_column": "pred_sentiment"}, "its pred_sentiment "),
    ],
)
def test_a_prefixed_predictions_file_is_not_scored_against_its_own_predictions(
    tiny_model, tmp_path, columns, options, said
):
    """Regression: evaluate told to pass pred_reasons as reasons_column=, then scored it: accuracy 1.000."""
    path = tmp_path / "pred.csv"
    pd.DataFrame(PREFIXED | columns).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        evaluate(tiny_model, path, **options)
    message = str(caught.value)
    assert said in message and MODEL_LABELS in message
    assert "reasons_column=" not in message and "--reasons-column" not in message


@pytest.mark.parametrize(
    ("columns", "options"),
    [
        ({"reasons": ["fees"], "sentiment": ["negative"]}, {}),  # a labelled file batched with --prefix pred_
        ({"理由": ["fees"], "感情": ["negative"]}, {"reasons_column": "理由", "sentiment_column": "感情"}),
    ],
)
def test_a_prefixed_predictions_file_with_labels_of_its_own_is_scored(tiny_model, tmp_path, columns, options):
    path = tmp_path / "pred.csv"
    pd.DataFrame(PREFIXED | columns).to_csv(path, index=False)
    assert evaluate(tiny_model, path, **options).n_scored == 1


@pytest.mark.parametrize(
    ("columns", "said"),
    [
        (
            ["text", "category", "tone"],
            "no column 'reasons' nor 'sentiment', but 'category' and 'tone' look to hold labels: give them as "
            "reasons_column='category' (--reasons-column category on the command line) and sentiment_column='tone' "
            "(--sentiment-column tone on the command line); the columns are ['text', 'category', 'tone']",
        ),
        (["text", "class", "polarity"], "give them as reasons_column='class' (--reasons-column class"),
        (["text", "review_tags", "Tone"], "reasons_column='review_tags' (--reasons-column review_tags"),
        (
            ["text", "分類"],
            "but '分類' looks to hold labels: give it as reasons_column='分類' (--reasons-column '分類' on the command "
            "line), and the column of sentiment to sentiment_column= (--sentiment-column on the command line), or "
            "pass sentiment_column=None (--no-sentiment on the command line)",
        ),
        (["text", "カテゴリ", "感情"], "reasons_column='カテゴリ' (--reasons-column 'カテゴリ' on the command line)"),
        (["text", "区分"], "give it as reasons_column='区分'"),
        (["text", "tone"], "give it as sentiment_column='tone' (--sentiment-column tone on the command line), and "),
        (["text", "label"], "but 'label' looks to hold labels: give it as reasons_column='label'"),
        # label, reason and sentiment count inside a name, as before the words above came (h153: "no labels")
        (["text", "ReasonCode"], "but 'ReasonCode' looks to hold labels: give it as reasons_column='ReasonCode'"),
        (["text", "goldlabel"], "give it as reasons_column='goldlabel'"),
        (["text", "reasoning", "primarySentiment"], "and sentiment_column='primarySentiment' (--sentiment-column"),
    ],
)
def test_labels_under_other_names_are_named_with_the_arguments_that_read_them(tiny_model, tmp_path, columns, said):
    """Regression: a file of category and tone columns was called an unlabelled dump, the fix said last."""
    path = tmp_path / "labelled.csv"
    pd.DataFrame([["手数料が高い", "fees", "negative"][: len(columns)]], columns=columns).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        evaluate(tiny_model, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert said in message and "unlabelled dump" not in message


@pytest.mark.parametrize("columns", [["text", "stage", "milestone"], ["id", "text", "vintage"], ["text", "baritone"]])
def test_words_that_only_hold_a_label_word_are_no_labels(tiny_model, tmp_path, columns):
    path = tmp_path / "dump.csv"
    pd.DataFrame([["手数料が高い", "a", "b"][: len(columns)]], columns=columns).to_csv(path, index=False)
    with pytest.raises(InputError, match="as in an unlabelled dump of reviews"):
        evaluate(tiny_model, path)


REVIEWS = ["手数料が高すぎて続けられませんでした～", "時間管理が難しい状況ですね", "提案が全然通らない。単価も安い"]


@pytest.mark.parametrize(
    ("column", "cells", "said"),
    [  # a dump's column of reviews named 退会理由 was offered as reasons_column=: its reviews read as unknown labels
        ("退会理由（自由記述）", REVIEWS, "as in an unlabelled dump of reviews"),
        ("review_category", ["Fees were too high, so I quit.", "No time!", "Pay is low!"], "unlabelled dump"),
        # labels stay labels: ids, Japanese names, several joined, labels of one's own
        ("退会理由", ["fees", "low_pay|fees", "platform_switch"], "but '退会理由' looks to hold labels"),
        (
            "理由",
            ["報酬・単価が低い|手数料が高い", "他サービスへ移行", "トラブル・不信"],
            "but '理由' looks to hold labels",
        ),
        ("category", ["カテゴリ 01(猫)", "サポート", "その他"], "but 'category' looks to hold labels"),
    ],
)
def test_a_column_of_reviews_is_not_named_as_labels(tiny_model, tmp_path, column, cells, said):
    path = tmp_path / "dump.csv"
    pd.DataFrame({"ID": [1, 2, 3], "text": ["a", "b", "c"], column: cells}).to_csv(path, index=False)
    with pytest.raises(InputError, match=re.escape(said)):
        evaluate(tiny_model, path)
