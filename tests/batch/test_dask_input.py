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


BIG, EXACT = 12345678901234567890, 2**53 + 1


@pytest.mark.parametrize(
    ("a", "b", "kind", "written", "raw"),
    [
        ([1, 2], [0.5], "double", [1, 2, 0.5], [1, 2, None]),
        ([1, EXACT], [0.5], "string", ["1", str(EXACT), "0.5"], [1, EXACT, 0.5]),
        ([3, 4], ["N/A"], "string", ["3", "4", "N/A"], [3, 4, None]),
        ([BIG], [1], "string", [str(BIG), "1"], [BIG, 1]),
        ([{"k": 1}], [2], "string", ['{"k": 1}', "2"], [{"k": 1}, 2]),
    ],
    ids=["ints-and-floats", "int-beyond-a-float", "ints-and-text", "int-beyond-64-bits", "object-and-int"],
)
def test_read_input_keeps_the_jsonl_cells_its_columns_do_not_hold_as_read(tmp_path, a, b, kind, written, raw):
    """A column of ints in one file and of floats in another, where a float cannot hold an int, made floats: Arrow
    refused the int in the read. The cells of a column of text that were numbers were "3" to the writer."""
    import json

    from taikai.batch._dask_cells import RAW_PREFIX

    for name, values in (("a", a), ("b", b)):
        lines = [json.dumps({"text": "手数料が高い", "n": v}) + "\n" for v in values]
        (tmp_path / f"{name}.jsonl").write_text("".join(lines), encoding="utf-8")
    ddf, schema = dask_input.read_input(str(tmp_path / "*.jsonl"), text_column="text", locate=True)
    frame = ddf.compute(scheduler="threads")
    assert str(schema.field("n").type) == kind
    assert [v.item() if hasattr(v, "item") else v for v in frame["n"]] == written
    assert frame[RAW_PREFIX + "n"].tolist() == raw
