"""Predictions from Python: typed results, frames, and bad input that keeps its row."""

import copy
import math
import re

import numpy as np
import pandas as pd
import pytest

from taikai import InputError, Model, ModelError, Prediction
from taikai.io import read_table
from taikai.labels import REASON_IDS
from taikai.model import FeatureConfig, build_pipeline, reason_sets
from taikai.model import _model as model_module
from taikai.rules import parse_rules


def test_predict_returns_typed_results(tiny_model):
    [p] = tiny_model.predict("手数料が高すぎて続けられない")
    assert isinstance(p, Prediction)
    assert p.status == "ok"
    assert p.reason in REASON_IDS
    assert p.reason_ja
    assert p.reasons[0] == p.reason
    assert p.sentiment in ("positive", "neutral", "negative")
    assert list(p.reason_proba) == list(REASON_IDS)
    assert sum(p.reason_proba.values()) == pytest.approx(1.0)
    assert sum(p.sentiment_proba.values()) == pytest.approx(1.0)
    assert p.reason == max(p.reason_proba, key=p.reason_proba.get)
    assert p.to_dict()["reasons"] == list(p.reasons)


@pytest.mark.parametrize(
    ("proba", "thresholds", "expected"),
    [
        ([0.6, 0.3, 0.1], [0.5, 0.5, 0.5], ("a",)),
        ([0.6, 0.3, 0.1], [0.5, 0.3, 0.5], ("a", "b")),
        ([0.5, 0.2, 0.3], [0.9, 0.1, 0.1], ("a", "c", "b")),  # further reasons by probability
        ([0.2, 0.2, 0.6], [0.0, 0.0, 0.0], ("c", "a", "b")),  # ties keep the label order
        ([0.4, 0.35, 0.25], [0.0, 0.9, 0.0], ("a", "c")),
    ],
)
def test_reason_sets(proba, thresholds, expected):
    [got] = reason_sets(np.array([proba]), ["a", "b", "c"], np.array(thresholds))
    assert got == expected


def test_secondary_reasons_pass_their_threshold(tiny_model, monkeypatch):
    texts = ["手数料も高いし単価も安い", "直接契約になりました"]
    monkeypatch.setattr(tiny_model, "_thresholds", np.full(len(tiny_model.reason_labels), 1.01))
    assert [p.reasons for p in tiny_model.predict(texts)] == [(p.reason,) for p in tiny_model.predict(texts)]
    monkeypatch.setattr(tiny_model, "_thresholds", np.zeros(len(tiny_model.reason_labels)))
    for p in tiny_model.predict(texts):  # every reason passes a threshold of 0: all, by probability
        assert p.reasons[0] == p.reason and sorted(p.reasons) == sorted(tiny_model.reason_labels)
        secondary = [p.reason_proba[label] for label in p.reasons[1:]]
        assert secondary == sorted(secondary, reverse=True)


BAD_INPUTS = [
    ("", "empty"),
    ("   \u3000 \n", "empty"),
    (None, "empty"),
    (math.nan, "empty"),
    ("This review is written in English only.", "error"),
    ("\x00\x07\x1b", "empty"),
]


@pytest.mark.parametrize(("value", "status"), BAD_INPUTS)
def test_bad_input_gets_a_status_and_message(tiny_model, value, status):
    [p] = tiny_model.predict([value])
    assert (p.status, p.reason, p.reasons, p.reason_proba) == (status, None, (), {})
    assert p.message


def test_control_characters_inside_japanese_text_are_ignored(tiny_model):
    [clean] = tiny_model.predict("手数料が高い")
    [dirty] = tiny_model.predict("手数\x00料が\x1b高い\u200b")
    assert dirty.status == "ok"
    assert dirty.reason_proba == pytest.approx(clean.reason_proba, abs=0.05)


def test_a_one_megabyte_review_is_cut_and_flagged(tiny_model):
    [p] = tiny_model.predict("報酬が低すぎて割に合わない。" * 80_000)
    assert p.status == "ok"
    assert "first" in p.message


def test_predict_frame_keeps_every_row_in_place(tiny_model):
    values = ["手数料が高い", None, "", "english only", "本業が忙しい", np.nan]
    df = pd.DataFrame({"id": range(6), "text": values}, index=[10, 11, 12, 13, 14, 15])
    out = tiny_model.predict_frame(df)
    assert len(out) == 6
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert list(out.columns) == ["id", "text", *tiny_model.output_columns()]
    assert list(out["status"]) == ["ok", "empty", "empty", "error", "ok", "empty"]
    assert out.loc[out.status != "ok", "reason"].isna().all()
    assert out.loc[out.status == "ok", "p_reason_fees"].notna().all()
    assert out.loc[10, "reasons"].split("|")[0] == out.loc[10, "reason"]


def test_predict_frame_names_a_missing_column(tiny_model):
    with pytest.raises(InputError, match=r"no column 'review'.*text_column"):
        tiny_model.predict_frame(pd.DataFrame({"text": ["手数料"]}), text_column="review")


def test_predict_frame_refuses_to_overwrite_columns(tiny_model):
    with pytest.raises(InputError, match="already has output column"):
        tiny_model.predict_frame(pd.DataFrame({"text": ["手数料"], "reason": ["x"]}))


def test_predict_matches_predict_frame(tiny_model):
    texts = ["手数料が高い", "提案が通らない", "直接契約になりました"]
    frame = tiny_model.predict_frame(pd.DataFrame({"text": texts}))
    for p, (_, row) in zip(tiny_model.predict(texts), frame.iterrows(), strict=True):
        assert p.reason == row["reason"]
        assert p.reason_proba["fees"] == pytest.approx(row["p_reason_fees"])


@pytest.mark.parametrize("prefix", ["pred_", "model."])
def test_predict_frame_with_a_prefix_scores_a_labelled_frame_next_to_its_labels(tiny_model, tiny_csv, prefix):
    labelled = pd.read_csv(tiny_csv)
    with pytest.raises(InputError, match=r"already has output column\(s\) \['reasons', 'sentiment'\].*prefix"):
        tiny_model.predict_frame(labelled)
    out = tiny_model.predict_frame(labelled, prefix=prefix)
    assert list(out.columns) == [*labelled.columns, *(prefix + c for c in tiny_model.output_columns())]
    assert out[["text", "reasons", "sentiment"]].equals(labelled)  # the gold labels are kept as they were
    plain = tiny_model.predict_frame(labelled[["text"]])
    assert out[prefix + "reason"].tolist() == plain["reason"].tolist()
    with pytest.raises(InputError, match=rf"\['{prefix}reason'\]"):
        tiny_model.predict_frame(out[["text", prefix + "reason"]], prefix=prefix)


def test_the_readmes_predict_frame_example_runs_as_written(tiny_model, tiny_csv, tmp_path, monkeypatch):
    import re
    import shutil
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"(?s)\nimport pandas as pd\n(.*?)\nreport = taikai\.evaluate", readme)
    assert block is not None and "prefix=" in block.group(1)
    (tmp_path / "data").mkdir()
    shutil.copy(tiny_csv, tmp_path / "data" / "reviews.csv")  # a labelled file: text, reasons, sentiment
    dump = pd.read_csv(tiny_csv)[["text"]].assign(review_id=range(40), posted_at="2025-01-01", platform="x")
    dump.to_csv(tmp_path / "data" / "sample_dump.csv", index=False)
    monkeypatch.chdir(tmp_path)
    names = {"model": tiny_model}
    exec("import pandas as pd\n" + block.group(1), names)  # the README's lines, literally
    scored = names["scored"]
    assert len(scored) == 40 and {"reasons", "pred_reasons", "sentiment", "pred_sentiment"} <= set(scored.columns)
    assert len(names["out"]) == 40 and len(names["misses"]) < 40


def test_predict_refuses_a_data_frame_instead_of_classifying_its_column_names(tiny_model):
    frame = pd.DataFrame({"id": [1], "text": ["手数料が高い"]})
    with pytest.raises(TypeError, match=r"not a DataFrame: classify a frame with model\.predict_frame"):
        tiny_model.predict(frame)
    assert [p.reason for p in tiny_model.predict(frame["text"])] == [tiny_model.predict("手数料が高い")[0].reason]


@pytest.mark.parametrize(
    ("given", "message", "follow"),
    [
        (
            lambda path: pd.Series(["手数料が高い", "連絡が遅い"]),
            "df must be a pandas DataFrame, not a Series: classify a Series of texts with model.classify(series) "
            """(its .to_frame() is on the Series' index), or pass series.to_frame("text")""",
            lambda path: pd.Series(["手数料が高い", "連絡が遅い"]).to_frame("text"),
        ),
        (
            lambda path: read_table(path),
            "df must be a pandas DataFrame, not a Table: pass its frame (table.frame)",
            lambda path: read_table(path).frame,
        ),
        (
            str,
            "read a file with taikai.io.read_table(path).frame, or classify it with taikai.classify_file",
            lambda path: read_table(path).frame,
        ),
        # Regression: texts were told to read a file ("read a file with taikai.io.read_table(path).frame, …")
        (
            lambda path: ["手数料が高い", "連絡が遅い"],
            "df must be a pandas DataFrame, not list ['手数料が高い', '連絡が遅い']: classify texts with "
            "model.classify(texts) (its .to_frame() gives the columns, rows 0 to n-1), or pass a frame of them: "
            "pd.DataFrame({'text': texts})",
            lambda path: pd.DataFrame({"text": ["手数料が高い", "連絡が遅い"]}),
        ),
        (
            lambda path: (t for t in ["手数料が高い", "連絡が遅い"]),
            "not a generator: classify texts with model.classify(texts)",
            lambda path: pd.DataFrame({"text": list(t for t in ["手数料が高い", "連絡が遅い"])}),
        ),
        (
            lambda path: {"text": ["手数料が高い", "連絡が遅い"]},
            "df must be a pandas DataFrame, not dict {'text': ['手数料が高い', '連絡が遅い']}: pass it as a frame, "
            "pd.DataFrame(d)",
            lambda path: pd.DataFrame({"text": ["手数料が高い", "連絡が遅い"]}),
        ),
    ],
    ids=["Series", "Table", "path", "list", "generator", "dict"],
)
def test_predict_frame_says_what_to_pass_instead_of_a_series_a_table_or_a_path(
    tiny_model, tmp_path, given, message, follow
):
    path = tmp_path / "in.csv"
    pd.DataFrame({"text": ["手数料が高い", "連絡が遅い"]}).to_csv(path, index=False)
    with pytest.raises(TypeError, match=re.escape(message)):
        tiny_model.predict_frame(given(path))
    assert tiny_model.predict_frame(follow(path))["status"].tolist() == ["ok", "ok"]  # the hint, followed


@pytest.mark.parametrize("call", ["predict", "classify"])
def test_a_str_is_one_text_and_bytes_are_refused(tiny_model, call):
    classify = getattr(tiny_model, call)
    assert len(classify("手数料が高い")) == 1
    name = "texts" if call == "predict" else "values"
    for given in ("手数料".encode(), bytearray("手数料".encode())):
        with pytest.raises(TypeError, match=rf"^{name} must be .*, not (bytes b|bytearray\(b).*: decode them first"):
            classify(given)


DECODE = "decode them first (.decode('utf-8'), or .decode('cp932'))"


@pytest.mark.parametrize(
    "given",
    ["手数料".encode(), "手数料".encode("cp932"), bytearray("手数料".encode())],
    ids=["utf-8", "cp932", "bytearray"],
)
def test_bytes_inside_a_list_keep_their_row_and_say_to_decode_them_as_classify_does(tiny_model, given):
    """Regression: the row said only .decode('utf-8'), while classify's TypeError for bytes said "or 'cp932'"."""
    [p] = tiny_model.predict([given])
    assert (p.status, p.message) == ("error", f"not text: bytes; {DECODE}")
    with pytest.raises(TypeError) as raised:
        tiny_model.classify(given)
    assert str(raised.value).endswith(f": {DECODE}"), raised.value


LONE_SURROGATE = (
    "not valid text: a lone surrogate (U+DCE8: byte 0xe8 left undecoded) at character 4; decode the bytes first"
)


@pytest.mark.parametrize("call", ["predict", "predict_frame"])
def test_a_lone_surrogate_is_an_error_row_not_classified_without_it(tiny_model, call):
    texts = ["手数料\udce8高い", "手数料が高い"]
    if call == "predict":
        got = [(p.status.value, p.message) for p in tiny_model.predict(texts)]
    else:
        frame = tiny_model.predict_frame(pd.DataFrame({"text": pd.Series(texts, dtype=object)}))
        got = list(zip(frame["status"], frame["message"], strict=True))
    assert got[0][0] == "error" and got[0][1].startswith(LONE_SURROGATE)
    assert got[1] == ("ok", "")


@pytest.mark.parametrize("text_column", [3, "3"])
def test_predict_frame_takes_the_integer_label_of_a_frame_read_without_header(tiny_model, text_column):
    frame = pd.DataFrame([[1, "x", "手数料が高い"], [2, "y", None]], columns=[0, 1, 3])
    out = tiny_model.predict_frame(frame, text_column=text_column)
    assert list(out.columns[:3]) == [0, 1, 3]
    assert out["status"].tolist() == ["ok", "empty"]
    assert out["reason"][0] == tiny_model.predict("手数料が高い")[0].reason


@pytest.mark.parametrize(
    ("text_column", "message"),
    [
        (7, "no column 7; the columns are [0, 1, 3]; give the right one to text_column="),
        ("text", "no column 'text'; the columns are [0, 1, 3]; give"),
    ],
)
def test_predict_frame_names_a_missing_integer_label_as_the_frame_has_it(tiny_model, text_column, message):
    frame = pd.DataFrame([[1, "x", "手数料が高い"]], columns=[0, 1, 3])
    with pytest.raises(InputError, match=re.escape(message)):
        tiny_model.predict_frame(frame, text_column=text_column)


def test_predict_masks_personal_data_as_predict_frame_does(tiny_model):
    text = "田中さんから090-1234-5678に電話しろと言われた、手数料が高い"
    [p] = tiny_model.predict(text, mask_pii=True)
    [q] = tiny_model.predict(text)
    assert p.text == "[人名]さんから[電話番号]に電話しろと言われた、手数料が高い" and q.text == text
    framed = tiny_model.predict_frame(pd.DataFrame({"text": [text]}), mask_pii=True)
    assert framed["text"][0] == p.text
    assert framed["p_reason_fees"][0] == pytest.approx(p.reason_proba["fees"])


def test_predict_masks_personal_data_written_as_html_character_references(tiny_model):
    """Regression: the model read tanaka&#64;example.com as an address, mask_pii=True left it unmasked."""
    [p] = tiny_model.predict("&#30000;&#20013;さんに tanaka&#64;example.com と書かれた&amp;手数料が高い", mask_pii=True)
    assert p.text == "[人名]さんに [メール] と書かれた&amp;手数料が高い"


PHONE_RULE = r"""
[[rule]]
name = "phone"
label = "trouble"
regex = ['0\d0-\d{4}-\d{4}']
"""


@pytest.mark.parametrize(
    ("text", "masked", "fired_unmasked"),
    [
        (
            "田中さんから090-1234-5678に電話しろと言われた、手数料が高い",
            "[人名]さんから[電話番号]に電話しろと言われた、手数料が高い",
            ("phone",),
        ),
        ("連絡先は tanaka@example.com です。提案が通らない", "連絡先は [メール] です。提案が通らない", ()),
        ("手数料が高い", "手数料が高い", ()),  # nothing to mask
        ("090-1234-5678", "[電話番号]", ()),  # no Japanese but the placeholder: an error, as unmasked
        (None, None, ()),  # a missing value: status empty
    ],
)
def test_classify_masks_personal_data_as_predict_does(tiny_model, text, masked, fired_unmasked):
    """Regression: classify(texts, mask_pii=True) was a TypeError, while predict, predict_frame and
    taikai.dask.classify take mask_pii."""
    rules = parse_rules(PHONE_RULE, "rules.toml")
    texts = [text, "手数料が高い"]
    got = tiny_model.classify(texts, rules=rules, mask_pii=True)
    [p, _] = tiny_model.predict(texts, rules=rules, mask_pii=True)
    by_hand = tiny_model.classify([masked, "手数料が高い"], rules=rules)
    assert p.text == (masked or "")
    for result in (got, by_hand):
        assert (result.statuses[0].value, result.messages[0], result.reasons[0]) == (p.status, p.message, p.reasons)
        assert [h.names for h in result.rule_hits] == [(), ()]  # the rule never sees the phone number
        np.testing.assert_array_equal(result.reason_proba, got.reason_proba)
    assert [h.names for h in tiny_model.classify(texts, rules=rules).rule_hits] == [fired_unmasked, ()]


OVERRIDE = "rules_mode='override' applies to rules: give them with rules= (a rules file, or taikai.load_rules(path))"


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.predict("手数料が高い", rules_mode="override"),
        lambda m: m.classify(["手数料が高い"], rules_mode="override"),
        lambda m: m.predict_frame(pd.DataFrame({"text": ["手数料が高い"]}), rules_mode="override"),
    ],
    ids=["predict", "classify", "predict_frame"],
)
def test_override_without_rules_is_refused(tiny_model, call):
    with pytest.raises(InputError, match=re.escape(OVERRIDE)):
        call(tiny_model)


def test_flag_without_rules_is_the_default_and_adds_nothing(tiny_model):
    assert tiny_model.predict(["手数料が高い"], rules_mode="flag") == tiny_model.predict(["手数料が高い"])
    flagged = tiny_model.classify(["手数料が高い"], rules_mode="flag")
    assert flagged.rule_hits is None and flagged.columns() == tiny_model.classify(["手数料が高い"]).columns()


def test_every_missing_value_is_shown_as_an_empty_text(tiny_model):
    values = ["手数料が高い", None, np.nan, pd.NA, pd.NaT, float("nan")]
    predictions = tiny_model.predict(values)
    assert [p.text for p in predictions] == ["手数料が高い", "", "", "", "", ""]
    assert [p.status for p in predictions[1:]] == ["empty"] * 5
    assert {p.message for p in predictions[1:]} == {"empty or whitespace-only text"}


@pytest.mark.parametrize("value", [None, np.nan, pd.NA, pd.NaT], ids=repr)
def test_one_missing_value_is_one_empty_text_as_in_a_list(tiny_model, value):
    # pd.Series([...]).map(lambda t: model.predict(t)[0]) passes a missing cell on its own
    assert tiny_model.predict(value) == tiny_model.predict([value])
    [p] = tiny_model.predict(value)
    assert (p.text, p.status, p.message, p.reason) == ("", "empty", "empty or whitespace-only text", None)
    assert tiny_model.classify(value).statuses == ["empty"]
    series = pd.Series(["手数料が高い", value], dtype=object)
    assert series.map(lambda t: tiny_model.predict(t)[0].status.value).tolist() == ["ok", "empty"]


PIPELINE = (
    "pipeline must be a taikai pipeline (normalize, features, classify), as taikai.train fits and taikai.load_model"
)
NOT_FITTED = "the pipeline is not fitted: train it (taikai.train(data), or pipeline.fit(texts, labels)), or load a"


@pytest.mark.parametrize(
    ("pipeline", "error", "message"),
    [
        (lambda: None, TypeError, PIPELINE + " loads, not None"),
        (lambda: "models/default", TypeError, PIPELINE + " loads, not str 'models/default'"),
        (lambda: build_pipeline()[1:], TypeError, PIPELINE),  # without its normalize step
        (lambda: build_pipeline(FeatureConfig()), ModelError, NOT_FITTED),
    ],
    ids=["None", "str", "no normalize", "unfitted"],
)
def test_model_says_what_pipeline_it_wants(pipeline, error, message):
    with pytest.raises(error, match=re.escape(message)):
        Model(pipeline())


def test_model_takes_a_fitted_pipeline(tiny_model):
    assert Model(tiny_model.pipeline).predict("手数料が高い") == tiny_model.predict("手数料が高い")


@pytest.mark.parametrize(
    ("rows", "chunk", "sizes"),
    [
        (0, 4, []),
        (3, 4, [3]),
        (4, 4, [4]),
        (5, 4, [2, 3]),  # no short last chunk
        (9, 4, [3, 3, 3]),
        (10_001, 5000, [3333, 3334, 3334]),
    ],
)
def test_long_inputs_are_cut_into_even_chunks(monkeypatch, rows, chunk, sizes):
    monkeypatch.setattr(model_module, "CHUNK_TEXTS", chunk)
    chunks = model_module._chunks(list(range(rows)))
    assert [len(c) for c in chunks] == sizes
    assert [i for c in chunks for i in c] == list(range(rows))


@pytest.mark.parametrize("rules", [None, '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["lemma:引く", "手数料"]\n'])
def test_classify_in_chunks_gives_the_one_pass_result(model, tiny_csv, monkeypatch, rules):
    texts = [*pd.read_csv(tiny_csv)["text"]]
    # 200 values, of which a few are not classified: chunks of about 100 ok texts, a boundary inside the input
    values = [*texts, "", None, "abc", *texts[::-1], *texts, "手数料が20%引かれる", *texts[::-1], *texts[:37]]
    rules = None if rules is None else parse_rules(rules, "rules.toml")
    whole = model.classify(values, rules=rules)
    monkeypatch.setattr(model_module, "CHUNK_TEXTS", 120)
    cut = []
    original = model_module._chunks
    monkeypatch.setattr(model_module, "_chunks", lambda rows: cut.extend(original(rows)) or original(rows))
    chunked = model.classify(values, rules=rules)
    assert [len(rows) for rows in cut] == [99, 99]
    assert chunked.statuses == whole.statuses and chunked.reasons == whole.reasons
    assert chunked.sentiments == whole.sentiments and chunked.rule_hits == whole.rule_hits
    np.testing.assert_array_equal(chunked.reason_proba, whole.reason_proba)
    np.testing.assert_array_equal(chunked.sentiment_proba, whole.sentiment_proba)


TEXTS = ["手数料が高い", "連絡が遅い", None, "単価が安すぎる", "手数料が高すぎる"]
MULTI = pd.MultiIndex.from_tuples([("A", 1), ("A", 1), ("B", 2), ("B", 3), ("C", 1)], names=["pf", "n"])


@pytest.mark.parametrize(
    ("given", "index", "first"),
    [
        (lambda: pd.Series(TEXTS), pd.RangeIndex(5), "0"),
        (lambda: pd.Series(TEXTS, index=[10, 11, 12, 13, 14]), pd.Index([10, 11, 12, 13, 14]), "10"),  # filtered
        (lambda: pd.Series(TEXTS, index=[3, 3, 1, 1, 0]), pd.Index([3, 3, 1, 1, 0]), "3"),  # duplicates
        (lambda: pd.Series(TEXTS, index=pd.Index([*"edcba"], name="id")), pd.Index([*"edcba"], name="id"), "e"),
        (lambda: pd.Series(TEXTS, index=MULTI), MULTI, "(A, 1)"),
        (lambda: list(TEXTS), None, "0"),
        (lambda: tuple(TEXTS), None, "0"),
        (lambda: (t for t in TEXTS), None, "0"),
        (lambda: np.array(TEXTS, dtype=object), None, "0"),
        (lambda: pd.Index(TEXTS, dtype=object), None, "0"),  # a pandas Index of texts is values, as an array is
    ],
    ids=["range", "filtered", "duplicates", "named", "MultiIndex", "list", "tuple", "generator", "array", "Index"],
)
def test_classify_keeps_the_index_of_a_series_and_numbers_other_values(tiny_model, given, index, first):
    """Regression: classify(series).to_frame() was always on 0…n-1, so sub.join(it) gave rows another's label."""
    result = tiny_model.classify(given())
    assert (result.index is None and index is None) or result.index.identical(index)
    frame = result.to_frame()
    assert frame.index.identical(pd.RangeIndex(5) if index is None else index)
    assert frame["reason"].tolist() == tiny_model.classify(TEXTS).to_frame()["reason"].tolist()
    assert result.to_frame(pd.RangeIndex(100, 105)).index.tolist() == list(range(100, 105))  # given: it wins
    assert repr(result).splitlines()[2].startswith(f"{first}  ok ")


@pytest.mark.parametrize("mask_pii", [False, True])
def test_a_subset_joined_with_its_classification_gets_each_row_s_own_labels(tiny_model, mask_pii):
    """The hunter's notebook: sub = d[d.platform == "U"]; sub.join(m.classify(sub["text"]).to_frame())."""
    d = pd.DataFrame({"platform": ["A", "U", "U", "A", "U", "U"], "text": [*TEXTS, "連絡が遅い"]})
    sub = d[d.platform == "U"]
    joined = sub.join(tiny_model.classify(sub["text"], mask_pii=mask_pii).to_frame())
    expected = tiny_model.predict_frame(sub, mask_pii=mask_pii)
    assert joined.index.tolist() == [1, 2, 4, 5] and joined["reason"].notna().sum() == 3
    pd.testing.assert_frame_equal(joined.drop(columns="text"), expected.drop(columns="text"))


def test_a_duplicated_index_is_put_beside_its_rows_by_concat_as_the_docstring_says(tiny_model):
    """Two reads concatenated (index 0, 1, 0, 1): join would pair every row of a label with every other, so the
    docstring and README give ``pd.concat([sub, frame], axis=1)``, which must match predict_frame row for row."""
    sub = pd.concat([pd.DataFrame({"text": TEXTS[:2]}), pd.DataFrame({"text": TEXTS[2:4]})])
    frame = tiny_model.classify(sub["text"]).to_frame()
    beside = pd.concat([sub, frame], axis=1)
    assert len(sub.join(frame)) > len(sub)  # why join is not the recipe here
    pd.testing.assert_frame_equal(beside, tiny_model.predict_frame(sub))


@pytest.mark.parametrize(
    ("columns", "prefix", "advised"),
    [
        (["pred_reason"], "pred_", "pred2_"),  # before: prefix='pred_', the prefix that made the clash
        (["reason"], "", "pred_"),
    ],
)
def test_predict_frame_advises_a_prefix_that_clears_the_clash(tiny_model, columns, prefix, advised):
    frame = pd.DataFrame({"text": ["手数料"], **{c: ["x"] for c in columns}})
    with pytest.raises(InputError, match=re.escape(f"(prefix='{advised}', --prefix {advised} on the command line")):
        tiny_model.predict_frame(frame, prefix=prefix)
    assert f"{advised}reason" in tiny_model.predict_frame(frame, prefix=advised).columns


@pytest.mark.parametrize(
    "change",
    [
        lambda model: model.thresholds.__setitem__(0, 0.99),
        lambda model: model.thresholds.fill(0.99),
        lambda model: setattr(model, "thresholds", model.thresholds * 0),
    ],
    ids=["one item", "fill", "the attribute"],
)
def test_thresholds_cannot_be_changed_in_memory(tiny_model, change):
    """Regression: model.thresholds[i] = 0.9 in a notebook changed the reasons predicted, but save() wrote the
    metadata's thresholds: the saved model, loaded again, classified otherwise, without a word."""
    model = copy.deepcopy(tiny_model)  # a copy too (a pickle's array is writable again) refuses it
    before = model.thresholds.tolist()
    with pytest.raises((ValueError, AttributeError)):
        change(model)
    assert model.thresholds.tolist() == before == tiny_model.thresholds.tolist()
