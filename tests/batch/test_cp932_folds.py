"""The CP932 folds a batch run counts are saved with each chunk: a resumed run's summary counts those of the rows
written before it stopped too (a state without any is the earlier versions': tests/batch/test_state.py)."""

import json

import pytest

import taikai
from taikai.batch import Interrupted


@pytest.mark.parametrize(("stop", "expected"), [(None, (10, 10)), (2, (10, 10))])
def test_a_resumed_run_counts_the_folds_of_every_row(tmp_path, tiny_model, stop_after, stop, expected):
    source = tmp_path / "dump.csv"
    lines = [f"r{i:02d},{'時給が安い〜' if i % 3 == 0 else '手数料が高い'}" for i in range(30)]
    source.write_text("id,text\n" + "\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    options = {"chunk_size": 4, "output_encoding": "cp932", "id_column": "id"}
    if stop is not None:
        with pytest.raises(Interrupted):
            taikai.classify_file(source, out, "text", model=tiny_model, on_chunk=stop_after(stop), **options)
        state = json.loads((tmp_path / "out.csv.taikai-partial" / "state.json").read_text(encoding="utf-8"))
        assert (state["totals"]["folded_characters"], state["totals"]["folded_rows"]) == (3, 3)  # r00, r03, r06
    summary = taikai.classify_file(source, out, "text", model=tiny_model, resume=stop is not None, **options)
    assert (summary.folded_characters, summary.folded_rows) == expected
    assert out.read_bytes().count("～".encode("cp932")) == 10
