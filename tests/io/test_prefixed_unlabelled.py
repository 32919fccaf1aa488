"""train, train --add and rules test refuse a ``taikai batch --prefix pred_`` output with no labels of its own, as
evaluate does, instead of telling the user to name the column that holds the model's labels
(taikai.io._predictions_file.refuse_unlabelled_predictions)."""

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError

PREFIXED = {
    "review_id": ["R1", "R2"],
    "text": ["手数料が高すぎる", "時給が安すぎてやめた"],
    "pred_status": ["ok", "ok"],
    "pred_message": ["", ""],
    "pred_reason": ["fees", "low_pay"],
    "pred_reason_ja": ["手数料が高い", "報酬・単価が低い"],
    "pred_reasons": ["fees", "low_pay"],
    "pred_sentiment": ["negative", "negative"],
    "pred_p_reason_fees": [0.9, 0.1],
    "pred_p_reason_low_pay": [0.1, 0.9],
}
RULES = '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n'
REFUSED = (
    "no labels: this is a predictions file (it has the model's pred_status and pred_p_reason_* columns, as taikai "
    "batch --prefix pred_ writes): its pred_reason, pred_reasons and pred_sentiment column(s) are the model's labels"
)

CALLS = {
    "train": lambda pred, base, rules, model, out: taikai.train(pred, out),
    "train add": lambda pred, base, rules, model, out: taikai.train(base, out, add=[pred]),
    "rules test": lambda pred, base, rules, model, out: taikai.evaluate_rules(rules, pred, model=model),
}


@pytest.fixture
def files(tmp_path):
    pred = tmp_path / "pred.csv"
    pd.DataFrame(PREFIXED).to_csv(pred, index=False)
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    return pred, rules


@pytest.mark.parametrize("call", list(CALLS))
def test_a_prefixed_output_without_labels_is_refused_as_predictions(files, tiny_csv, tiny_model, tmp_path, call):
    """Regression: train said to give the right column to reasons_column= (--reasons-column): pred_reasons."""
    pred, rules = files
    with pytest.raises(InputError) as caught:
        CALLS[call](pred, tiny_csv, rules, tiny_model, tmp_path / "m")
    message = str(caught.value)
    assert REFUSED in message
    assert "reasons_column=" not in message and "rename the column" not in message


@pytest.mark.parametrize("call", list(CALLS))
def test_labels_under_another_name_are_still_offered(files, tiny_csv, tiny_model, tmp_path, call):
    """A column named like labels (category) is the user's own: the missing column's error names the arguments."""
    pred, rules = files
    pd.DataFrame(PREFIXED | {"category": ["fees", "low_pay"]}).to_csv(pred, index=False)
    with pytest.raises(InputError) as caught:
        CALLS[call](pred, tiny_csv, rules, tiny_model, tmp_path / "m")
    assert "this is a predictions file" not in str(caught.value)
    assert "no column 'reasons'" in str(caught.value)
