"""The two engines write the same cells for the same input: a missing id, text or other cell is written alike by
``taikai batch`` and ``taikai batch --engine dask`` (its parts read in order, without the ``row`` column it adds),
in CSV, JSONL and Parquet; and ``taikai.dask.classify`` keeps the dtypes of the frame it is given for the input's
own columns, as ``Model.predict_frame`` does (Dask itself makes a text column ``string[pyarrow]``, missing
``<NA>``, unless ``dataframe.convert-string`` is off)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import taikai
import taikai.dask as tdask

CSV = "id,text,note\n1,単価が安すぎる,\n2,,x\n,手数料が高い,y\n"
"""A missing note, text and id, one per row."""


def _rows(path: Path, fmt: str) -> list[dict[str, object]]:
    """Return the rows of an output file, or of a folder of parts read in order without its ``row`` column."""
    files = sorted(path.glob(f"part.*.{fmt}")) if path.is_dir() else [path]
    rows: list[dict[str, object]] = []
    for file in files:
        if fmt == "csv":
            rows += pd.read_csv(file, dtype=str, keep_default_na=False).to_dict("records")
        elif fmt == "jsonl":
            rows += [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
        else:
            rows += pq.read_table(file).to_pylist()
    return [{k: v for k, v in row.items() if k != "row"} for row in rows]


@pytest.mark.slow  # about 10 s a format: the Dask engine starts its scheduler for each run
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_both_engines_write_a_missing_cell_alike(tmp_path, tiny_model_dir, fmt):
    src = tmp_path / "in.csv"
    src.write_text(CSV, encoding="utf-8")
    local = taikai.classify_file(src, tmp_path / f"local.{fmt}", "text", model=tiny_model_dir)
    tdask.classify_files(src, tmp_path / "parts", "text", model=tiny_model_dir, output_format=fmt)
    assert local.rows == 3
    written = _rows(tmp_path / f"local.{fmt}", fmt)
    assert _rows(tmp_path / "parts", fmt) == written
    assert [(r["id"], r["text"], r["note"]) for r in written] == [
        ("1", "単価が安すぎる", ""),
        ("2", "", "x"),
        ("", "手数料が高い", "y"),
    ]


@pytest.mark.parametrize(("convert", "kept"), [(True, "string"), (False, "object")])
def test_classify_keeps_the_dtypes_of_the_input_columns(tiny_model, convert, kept):
    import dask
    import dask.dataframe as dd

    frame = pd.DataFrame({"id": ["1", None], "text": ["手数料が高い", None]}, dtype=object)
    with dask.config.set({"dataframe.convert-string": convert}):
        given = dd.from_pandas(frame, npartitions=2)
        computed = tdask.classify(given, "text", tiny_model).compute(scheduler="sync")
    assert {c: str(computed[c].dtype) for c in ("id", "text")} == {c: str(given.dtypes[c]) for c in ("id", "text")}
    assert str(computed["text"].dtype) == kept
    local = tiny_model.predict_frame(frame, "text")
    assert {c: str(local[c].dtype) for c in ("id", "text")} == {"id": "object", "text": "object"}  # as given, too
