import pytest

from taikai.io import likely_labels


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["text", "理由", "感情"], {"理由": "reasons", "感情": "sentiment"}),
        # a suggest sheet: the model's guesses are never labels to train on, whatever their names hold
        (["text", "model_reason", "p_model_reason", "model_sentiment", "p_model_sentiment"], {}),
        (["text", "model_sentiment", "感情"], {"感情": "sentiment"}),
        # regression: a sheet's (or a batch output's) rule_reasons, the rules' guesses, was offered as the reasons
        (["text", "rule_names", "rule_reasons", "rule_conflict"], {}),
        (["text", "rule_reasons", "理由"], {"理由": "reasons"}),
        # a batch output's probabilities
        (["text", "p_reason_fees", "p_sentiment_negative", "category"], {"category": "reasons"}),
        # a sheet's further reasons, read beside the reasons, never as them
        (["text", "more_reasons", "理由"], {"理由": "reasons"}),
    ],
)
def test_the_model_s_own_columns_are_never_taken_for_labels(columns, expected):
    assert likely_labels(columns) == expected
