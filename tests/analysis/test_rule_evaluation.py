"""Scoring rules against labelled data (``taikai.evaluate_rules``): a file or a frame, and where misfires are."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError

RULE = '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n'

ROWS = [
    ["", ""],  # a row without a label: skipped, and still data row 0
    ["手数料が高すぎてやめた", "fees"],
    ["振込手数料より単価の低さがつらい", "low_pay"],  # the rule fires against the gold label
]


@pytest.fixture
def rules(tmp_path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(RULE, encoding="utf-8")
    return path


@pytest.mark.parametrize("given", ["csv", "parquet", "frame"])
def test_a_frame_is_scored_as_the_file_of_its_rows(tiny_model, rules, tmp_path, given):
    """Regression: a DataFrame was refused (TypeError) although taikai.evaluate, suggest and train take one."""
    frame = pd.DataFrame(ROWS, columns=["text", "reasons"])
    data: object = frame
    if given != "frame":
        data = tmp_path / f"lab.{given}"
        frame.to_csv(data, index=False) if given == "csv" else frame.to_parquet(data)
    score = taikai.evaluate_rules(rules, data, tiny_model)
    [fee] = score.rules
    assert (score.rows, score.skipped, fee.counts.hits, fee.counts.right, fee.misfires) == (2, 1, 2, 1, 1)
    [misfire] = fee.examples
    # Regression too: without file lines (Parquet, a frame) the row named was the position among the scored rows
    # a CSV's line of empty cells (,) is a blank line, as a sheet's empty row: no data row, though counted skipped
    assert (misfire.row, misfire.line) == ((1, 4) if given == "csv" else (2, None))
    assert score.data_source == ("<frame>" if given == "frame" else str(data))


def test_a_frame_under_another_index_names_its_rows_by_position(tiny_model, rules):
    frame = pd.DataFrame(ROWS, columns=["text", "reasons"], index=[10, 20, 30])
    [fee] = taikai.evaluate_rules(rules, frame, tiny_model).rules
    assert [m.row for m in fee.examples] == [2]


def test_sheet_with_a_frame_is_refused(tiny_model, rules):
    frame = pd.DataFrame(ROWS, columns=["text", "reasons"])
    with pytest.raises(InputError, match=r"^sheet= applies to an xlsx file of labelled data, not to a DataFrame"):
        taikai.evaluate_rules(rules, frame, tiny_model, sheet="labels")


@pytest.mark.parametrize(
    ("given", "said"), [(None, "not None"), (3, "not int 3"), ([3], "not list [3]"), ([], "not list []")]
)
def test_rules_of_another_type_are_refused_without_offering_none(tiny_model, given, said):
    """Regression: rules=None stopped on a bare AssertionError, and another type was told None would do."""
    frame = pd.DataFrame(ROWS, columns=["text", "reasons"])
    with pytest.raises(TypeError, match=r"^rules must be the path of a rules file, a RuleSet") as caught:
        taikai.evaluate_rules(given, frame, tiny_model)
    assert str(caught.value).endswith(said)
    assert "or None" not in str(caught.value)


PLACEHOLDER_RULE = '[[rule]]\nname = "placeholder"\nlabel = "fees"\nany = ["○"]\n'


@pytest.mark.parametrize(
    ("text", "mask_pii"),
    [
        ("[人名]さんに[電話番号]へ電話するよう言われた", False),  # a file masked before
        ("[メール]に連絡が来た", False),  # one placeholder of a value that is not Japanese
        ("山田太郎さんに090-1234-5678へ電話するよう言われた", True),  # masked here
    ],
)
def test_a_rule_on_the_neutral_mark_fires_on_masked_text_as_predict_does(tiny_model, tmp_path, text, mask_pii):
    """Regression: rules test matched the placeholders as written, so a ○ rule (which predict, batch and explain
    fire on a masked text: the model reads placeholders as ○) never hit."""
    rules = tmp_path / "rules.toml"
    rules.write_text(PLACEHOLDER_RULE, encoding="utf-8")
    frame = pd.DataFrame([[text, "trouble"]], columns=["text", "reasons"])
    [rule] = taikai.evaluate_rules(rules, frame, tiny_model, mask_pii=mask_pii).rules
    [predicted] = tiny_model.predict([text], rules=rules, mask_pii=mask_pii)
    assert predicted.rules is not None and predicted.rules.names == ("placeholder",)
    assert (rule.counts.hits, rule.misfires) == (1, 1)


@pytest.mark.parametrize(("given", "hinted"), [(False, True), (True, False)])
def test_labels_unknown_to_the_default_model_say_to_give_the_model(
    tiny_model_dir, rules, tmp_path, monkeypatch, given, hinted
):
    """Regression: a --free-labels model's sheet tested without --model was told only to use the default model's
    reasons or fix the typo; its labels were right, the model was not."""
    monkeypatch.setenv("TAIKAI_MODEL", str(tiny_model_dir))
    data = tmp_path / "sheet.csv"
    pd.DataFrame({"text": ["手数料が高い"], "reasons": ["お金"]}).to_csv(data, index=False)
    with pytest.raises(InputError) as caught:
        taikai.evaluate_rules(rules, data, tiny_model_dir if given else None)
    said = str(caught.value)
    assert "unknown label 'お金'" in said
    assert ("give that model with model= (--model on the command line)" in said) is hinted


@pytest.mark.parametrize(
    ("second", "warned"),
    [
        ("low_pay", True),  # the same text, other reasons: the rule is right on one row and wrong on the other
        ("fees", False),  # labelled twice alike
        ("other|fees", True),  # another primary: the same text is still labelled in different ways
    ],
)
def test_a_text_labelled_in_different_ways_is_warned_of(tiny_model, rules, tmp_path, second, warned):
    path = tmp_path / "two_labellers.csv"
    rows = [["手数料が高すぎてやめた", "fees"], ["単価が安い", "low_pay"], ["手数料が高すぎてやめた", second]]
    pd.DataFrame(rows, columns=["text", "reasons"]).to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        taikai.evaluate_rules(rules, path, model=tiny_model)
    said = [str(w.message) for w in caught if "labelled in different ways" in str(w.message)]
    assert len(said) == warned
    if warned:
        assert said[0].startswith(f"{path}: 1 text(s) are labelled in different ways on 2 rows")
        assert f"{path}:2 (fees) and {path}:4 (" in said[0]
