"""The public readers of taikai.io given a frame, or anything but a path: a TypeError that says what they take."""

import re
from pathlib import Path

import pandas as pd
import pytest

from taikai import io

FRAME = pd.DataFrame({"text": ["手数料が高い"], "reason": ["fees"], "sentiment": ["negative"]})
PREDICTIONS = (
    "a frame of predictions (Model.predict_frame's, or one read before) needs no reading: the functions that take one "
    "use it as it is (taikai.suggest, taikai.distinctive_words, taikai.analysis.reason_distribution, ...)"
)
LABELLED = "a labelled frame needs no reading: taikai.train, taikai.evaluate and taikai.evaluate_rules take it as it is"
ANY = "a frame needs no reading: the functions that take one use it as it is (Model.predict_frame, ...)"
TABLE = "a data file (CSV, TSV, JSONL, Parquet or xlsx)"

# (reader, its argument, what it takes, what the message says of a frame)
READERS = [
    ("read_predictions", "path", "a predictions file", PREDICTIONS),
    ("read_table", "path", TABLE, ANY),
    ("open_reader", "path", TABLE, ANY),
    ("format_of", "path", TABLE, ANY),
    ("read_labelled", "path", "a labelled file", LABELLED),
    ("read_labelled_file", "path", "a labelled file", LABELLED),
    ("read_labelled_table", "path", "a labelled file", LABELLED),
    ("read_summary", "predictions", "a predictions file (its batch summary is beside it)", ANY),
    ("read_manifest", "folder", "the Dask engine's output folder", ANY),
    ("read_part", "path", "an Arrow chunk file of a batch run", ANY),
]


@pytest.mark.parametrize(("reader", "name", "takes", "frame_use"), READERS, ids=[r[0] for r in READERS])
def test_a_reader_given_a_frame_says_it_needs_no_reading(reader, name, takes, frame_use):
    with pytest.raises(TypeError) as raised:
        getattr(io, reader)(FRAME)
    assert str(raised.value) == f"{name} must be a str or pathlib.Path of {takes}, not a DataFrame; {frame_use}"


@pytest.mark.parametrize(("reader", "name", "takes", "frame_use"), READERS, ids=[r[0] for r in READERS])
@pytest.mark.parametrize(
    ("given", "shown"), [(3, "int 3"), (None, "None"), ([Path("a.csv")], "list [PosixPath('a.csv')]")]
)
def test_a_reader_given_no_path_names_what_it_takes(reader, name, takes, frame_use, given, shown):
    with pytest.raises(TypeError, match=re.escape(f"{name} must be a str or pathlib.Path of {takes}, not {shown}")):
        getattr(io, reader)(given)
