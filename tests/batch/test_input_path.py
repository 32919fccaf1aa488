"""The input of classify_file and taikai.dask.classify_files given a frame: refused naming the function that
classifies one (before: a bare "input must be a str or pathlib.Path, not a DataFrame")."""

import re

import pandas as pd
import pytest

import taikai

dd = pytest.importorskip("dask.dataframe")
from taikai.dask import classify_files  # noqa: E402  (needs the dask extra)

FRAME = pd.DataFrame({"text": ["手数料が高い"]})
PANDAS = "; a frame in memory is classified by model.predict_frame(df, text_column=…) (then .to_parquet(path))"
DASK = "; a Dask frame is classified by taikai.dask.classify(ddf, text_column=…)"
FOLDER = "a str or pathlib.Path: a file, a folder or a glob (for several files, pass one glob string such as "


@pytest.mark.parametrize(
    ("call", "given", "said"),
    [
        (taikai.classify_file, FRAME, f"input must be a str or pathlib.Path, not a DataFrame{PANDAS}"),
        (classify_files, FRAME, f"not a DataFrame{PANDAS}"),
        (classify_files, dd.from_pandas(FRAME, npartitions=1), f"not a DataFrame{DASK}"),
        (taikai.classify_file, ["a.csv"], "input must be a str or pathlib.Path, not list ['a.csv']"),
        (  # before: a bare "not a Series", the column of texts df["text"] given as a notebook holds it
            taikai.classify_file,
            FRAME["text"],
            "not a Series; a Series of texts is classified by model.classify(series), or "
            "model.predict_frame(series.to_frame())",
        ),
        (
            classify_files,
            dd.from_pandas(FRAME, npartitions=1)["text"],
            "not a Series; a Dask Series of texts is classified by taikai.dask.classify(series.to_frame(), "
            "text_column=…)",
        ),
    ],
    ids=["classify_file, pandas", "classify_files, pandas", "classify_files, Dask", "a list", "Series", "Dask Series"],
)
def test_a_frame_given_as_input_is_told_how_a_frame_is_classified(tmp_path, tiny_model_dir, call, given, said):
    with pytest.raises(TypeError) as refused:
        call(given, tmp_path / "out", "text", model=tiny_model_dir)
    assert str(refused.value).endswith(said), refused.value
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("accepted", ["a str or pathlib.Path", FOLDER])
def test_a_path_passes_and_what_is_accepted_is_said(tmp_path, accepted):
    from taikai.batch._input_path import check_input_path

    check_input_path("input", tmp_path / "in.csv", accepted)
    check_input_path("input", "in.csv", accepted)
    with pytest.raises(TypeError, match=f"^input must be {re.escape(accepted)}"):
        check_input_path("input", None, accepted)
