"""batch refuses, before classifying, an output encoding that cannot hold the model's labels or column names."""

import pandas as pd
import pytest

import taikai
from taikai.errors import InputError

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
