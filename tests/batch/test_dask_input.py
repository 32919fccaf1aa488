"""Reading the Dask engine's input: what a CSV header says is said once, by the client, never by the workers."""

from __future__ import annotations

import warnings

import pytest

from taikai.errors import DataWarning
from taikai.io import open_reader

dask_input = pytest.importorskip("taikai.batch._dask_input")


@pytest.mark.parametrize(("warn", "said"), [(True, 1), (False, 0)])
def test_open_reader_says_the_unnamed_columns_unless_asked_not_to(tmp_path, warn, said):
    path = tmp_path / "sheet.csv"
    path.write_text("id,text,,\n1,手数料が高い,,\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = open_reader(path, warn=warn)
    assert reader.columns == ["id", "text"] and reader.unnamed == 2
    assert [str(w.message).split(": the header")[0] for w in caught] == [str(path)] * said


@pytest.mark.parametrize("files", [1, 2])
def test_read_input_says_the_unnamed_columns_once_whatever_reads_the_files(tmp_path, files):
    for k in range(files):
        (tmp_path / f"part{k}.csv").write_text("id,text,,\n1,手数料が高い,,\n2,単価が安い\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert dask_input.input_columns(sorted(tmp_path.glob("*.csv")), "csv") == ["id", "text"]
        ddf, _ = dask_input.read_input(str(tmp_path / "*.csv"), text_column="text")
        frame = ddf.compute(scheduler="threads")
    assert len(frame) == 2 * files
    messages = [str(w.message) for w in caught if issubclass(w.category, DataWarning)]
    assert len(messages) == 1 and "the header ends in 2 column(s) without a name" in messages[0], messages
