"""A labelled frame or file repeating its header (two exports joined): evaluate and train read no review labelled
with the column names. Regression (h414): evaluate and train on such a frame said the row had the unknown labels
'reasons' and 'sentiment' (and with free_labels=True would have trained on it); on such a file they stopped with the
advice of a record of too many fields ("every record needs one field per column"), in every format."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import taikai
from taikai.cli import cli
from taikai.errors import InputError
from taikai.training import SkippedRowsWarning

ROWS = [("手数料が高い", "fees", "negative"), ("単価が安い", "low_pay", "negative")]
HEADER = ("text", "reasons", "sentiment")
SAID = (
    "<frame>: row 3 (data row, 1-based): text: the header repeated: the row holds the column names again, as where two "
    "exports were joined (files joined before they were read, or their frames with pd.concat); not classified: drop "
    "it (df[df['text'] != 'text']) ('text')"
)
REPEATED = "fix it: each export joined after the first repeats the header, so delete every record that does"


def _joined(tiny_csv) -> pd.DataFrame:
    data = pd.read_csv(tiny_csv)
    return pd.concat([data.head(2), pd.DataFrame([HEADER], columns=list(HEADER)), data.iloc[2:]], ignore_index=True)


def test_evaluate_stops_at_a_frame_s_row_repeating_the_header(tiny_model, tiny_csv):
    with pytest.raises(InputError) as caught:
        taikai.evaluate(tiny_model, _joined(tiny_csv))
    assert str(caught.value) == f"<frame>: 1 row(s) repeat its header:\n  {SAID}\ndrop them, then evaluate again"


@pytest.mark.parametrize("free_labels", [False, True])
def test_train_does_not_train_on_a_frame_s_row_repeating_the_header(tiny_csv, free_labels):
    joined = _joined(tiny_csv)
    with pytest.raises(InputError, match="1 row\\(s\\) cannot be used") as caught:
        taikai.train(joined, folds=2, test_size=0, free_labels=free_labels, on_bad_rows="error")
    assert SAID in str(caught.value)
    with pytest.warns(SkippedRowsWarning) as warned:
        model = taikai.train(joined, folds=2, test_size=0, free_labels=free_labels)
    assert any(SAID in str(w.message) for w in warned)
    assert "reasons" not in model.reason_labels and model.metadata.trained_on().rows == len(joined) - 1


@pytest.mark.parametrize("name", ["joined.csv", "joined.parquet"])
@pytest.mark.parametrize("command", ["evaluate", "train"])
def test_a_file_repeating_its_header_is_told_to_drop_each_repeat(tiny_model_dir, tiny_csv, tmp_path, name, command):
    path = tmp_path / name
    joined = _joined(tiny_csv)
    if name.endswith(".parquet"):
        pq.write_table(pa.Table.from_pandas(joined, preserve_index=False), path)
    else:
        joined.to_csv(path, index=False)
    args = ["-m", str(tiny_model_dir)] if command == "evaluate" else ["--out", str(tmp_path / "m")]
    result = CliRunner().invoke(cli, [command, str(path), *args])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    line = "4" if name.endswith(".csv") else "3"  # a file line below the header; a Parquet file's data row
    assert said.startswith(f"taikai: error: {path}:{line}: malformed record (the header repeated: "), said
    assert said.endswith(REPEATED) and "one field per column" not in said
