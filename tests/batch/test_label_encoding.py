"""batch refuses, before classifying, an output encoding that cannot hold the model's labels or column names."""

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import taikai
from taikai.batch._label_encoding import check_labels_held
from taikai.errors import DataWarning, InputError

TEXTS = ["単価が安すぎて続けられない", "手数料が高い", "時間がなくて辞めた", "トラブルに巻き込まれた"]


@pytest.fixture(scope="module")
def emoji_model(tmp_path_factory, tiny_csv):
    """A model of labels of its own, one of them with a character CP932 has not (📉)."""
    data = pd.read_csv(tiny_csv, dtype=str, keep_default_na=False)
    data["reasons"] = data["reasons"].replace({"low_pay": "下落📉", "fees": "上昇"})
    out = tmp_path_factory.mktemp("models") / "emoji"
    taikai.train(data, out, folds=0, test_size=0, config=taikai.FeatureConfig(), free_labels=True)
    return out


@pytest.mark.parametrize(
    ("model", "prefix", "encoding", "refused"),
    [
        (
            "emoji",
            "",
            "cp932",
            "the model's label '下落📉' (its character '📉'): it would be written as '下落?'",
        ),
        ("emoji", "", "utf-8-sig", None),
        ("emoji", "", None, None),
        ("tiny", "予測📉_", "cp932", "cannot hold the model's column name '予測📉_status'"),
        ("tiny", "予測_", "cp932", None),
    ],
)
def test_an_output_encoding_that_cannot_hold_a_label_is_refused_before_writing(
    tmp_path, emoji_model, tiny_model_dir, model, prefix, encoding, refused
):
    """Regression: a label or prefix CP932 cannot hold was written as '?' (下落📉 as 下落?), counted only among the
    characters replaced; report, suggest and drift with the model then refused the file as another model's."""
    source = tmp_path / "in.csv"
    pd.DataFrame({"text": TEXTS}).to_csv(source, index=False)
    out = tmp_path / "out.csv"
    given = {"model": emoji_model if model == "emoji" else tiny_model_dir, "prefix": prefix, "jobs": 1}
    if refused is None:
        taikai.classify_file(source, out, "text", output_encoding=encoding, progress=False, **given)
        assert len(pd.read_csv(out, encoding=encoding or "utf-8")) == len(TEXTS)
    else:
        with pytest.raises(InputError, match="utf-8-sig") as caught:
            taikai.classify_file(source, out, "text", output_encoding=encoding, progress=False, **given)
        assert refused in str(caught.value)
        assert not out.exists()


@pytest.mark.parametrize(
    ("columns", "text", "id_column", "refused", "warned"),
    [
        (["本文〜", "id"], "本文〜", None, "cannot hold the text column '本文〜' (its character '〜')", None),
        (["本文", "ID♥"], "本文", "ID♥", "cannot hold the id column 'ID♥' (its character '♥')", None),
        (["本文", "メモ♥", "メモ♦"], "本文", None, "the columns 'メモ♥' and 'メモ♦' both as 'メモ?'", None),
        (["本文", "〜", "～"], "本文", None, "the columns '〜' and '～' both as '～'", None),  # fold meets look-alike
        (["本文", "メモ〜", "絵♥"], "本文", None, None, "the column name(s) 'メモ〜' as 'メモ～', '絵♥' as '絵?'"),
        (["本文", "メモ"], "本文", None, None, None),
    ],
)
def test_input_column_names_the_output_encoding_changes_are_refused_or_named(
    tmp_path, tiny_model_dir, columns, text, id_column, refused, warned
):
    """Regression: CP932 output wrote an input column name as another (〜 as ～, ♥ as ?) with no word: the text
    column so written, report and suggest then did not find the column the summary names; two names written as one
    made an output no reader took."""
    import warnings

    from taikai.errors import DataWarning

    source = tmp_path / "in.csv"
    frame = pd.DataFrame({c: TEXTS if c == text else [f"v{j}" for j in range(len(TEXTS))] for c in columns})
    frame.to_csv(source, index=False)
    out = tmp_path / "out.csv"
    given = {"model": tiny_model_dir, "jobs": 1, "progress": False, "id_column": id_column}
    if refused is not None:
        with pytest.raises(InputError, match="utf-8-sig") as caught:
            taikai.classify_file(source, out, text, output_encoding="cp932", **given)
        assert refused in str(caught.value)
        assert not out.exists()
        return
    with warnings.catch_warnings(record=True) as caught_warnings:
        warnings.simplefilter("always")
        taikai.classify_file(source, out, text, output_encoding="cp932", **given)
    said = [str(w.message) for w in caught_warnings if issubclass(w.category, DataWarning)]
    said = [message for message in said if "column name" in message]
    assert len(said) == (warned is not None), said
    assert warned is None or warned in said[0]
    assert len(pd.read_csv(out, encoding="cp932")) == len(TEXTS)


SOURCE = Path("in.csv")
COLUMNS = ["reason", "p_reason_fees"]


@pytest.mark.parametrize(
    ("labels", "inputs", "again", "raised", "warned"),
    [
        (["fees"], ["メモ♥", "text"], False, None, 1),
        (["fees"], ["メモ♥", "text"], True, None, 0),  # regression: the Dask engine's second look warned again
        (["下落📉"], ["text"], False, "cannot hold the model's label '下落📉'", 0),
        (["下落📉"], ["text"], True, None, 0),  # the model's own are refused by the first look
        (["fees"], ["メモ♥", "メモ♦"], False, "would write the columns 'メモ♥' and 'メモ♦' both as 'メモ?'", 0),
        (["fees"], ["メモ♥", "メモ♦"], True, "would write the columns 'メモ♥' and 'メモ♦' both as 'メモ?'", 0),
    ],
    ids=["warned", "warned-once", "label", "label-again", "two-as-one", "two-as-one-across-files"],
)
def test_what_cp932_cannot_hold(labels, inputs, again, raised, warned):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if raised is None:
            check_labels_held(SOURCE, "cp932", labels, COLUMNS, inputs, {"text column": "text"}, again=again)
        else:
            with pytest.raises(InputError, match=re.escape(raised)):
                check_labels_held(SOURCE, "cp932", labels, COLUMNS, inputs, {"text column": "text"}, again=again)
    said = [w for w in caught if issubclass(w.category, DataWarning)]
    assert len(said) == warned, [str(w.message) for w in said]
