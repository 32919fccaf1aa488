"""The Dask engine's reading and writing of rows that did not decode cleanly, without a cluster."""

import re

import pandas as pd
import pyarrow as pa
import pytest

from taikai.batch._dask_engine import classify_frame
from taikai.batch._dask_input import read_input
from taikai.batch._dask_manifest import parts_spec
from taikai.batch._dask_parts import noted, write_part
from taikai.batch._dask_text_files import ENCODING_COLUMN, LINE_COLUMN, PRIVATE_USE_COLUMN, UNDECODABLE_COLUMN
from taikai.batch._options import BatchOptions
from taikai.batch._summary import BatchSummary
from taikai.errors import InputError
from taikai.io import DecodeNote

PRIVATE = "line 3: 1 private-use character(s) (bytes cp932 maps to no real text) in cp932"


def _cp932_file(path, bad: bytes = b"\xff") -> None:
    lines = ["id,text", "1,手数料が高い", "2,時間がない", "3,提案が通らない"]
    data = [line.encode("cp932") for line in lines]
    data[2] += bad  # line 3 of the file
    path.write_bytes(b"\r\n".join(data) + b"\r\n")


def test_the_reader_marks_private_use_characters_by_row(tmp_path):
    _cp932_file(tmp_path / "a.csv")
    ddf, _ = read_input(tmp_path / "a.csv", encoding="cp932", text_column="text", locate=True)
    frame = ddf.compute(scheduler="sync")
    assert frame[PRIVATE_USE_COLUMN].tolist() == [0, 1, 0]
    assert frame[UNDECODABLE_COLUMN].tolist() == [0, 0, 0]
    assert frame[ENCODING_COLUMN].tolist()[1] == "cp932" and frame[LINE_COLUMN].tolist() == [2, 3, 4]


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ("strict", "a.csv:3: byte 0x80 is not valid utf-8"),
        ("replace", None),
    ],
)
def test_the_reader_reads_undecodable_bytes_as_the_local_engine_does(tmp_path, errors, expected):
    (tmp_path / "a.csv").write_bytes("id,text\n1,手数料\n2,時間\x00\n".encode().replace(b"\x00", b"\x80"))
    if expected is not None:
        with pytest.raises(InputError, match=expected):
            read_input(tmp_path / "a.csv", encoding="utf-8", locate=True, encoding_errors=errors)[0].compute()
        return
    frame = read_input(tmp_path / "a.csv", encoding="utf-8", locate=True, encoding_errors=errors)[0].compute()
    assert frame["text"].tolist() == ["手数料", "時間\ufffd"]
    assert frame[UNDECODABLE_COLUMN].tolist() == [0, 1]


def _part(messages, undecodable, private) -> pd.DataFrame:
    n = len(messages)
    return pd.DataFrame(
        {
            "message": pd.Series(messages, dtype=pd.StringDtype("pyarrow")),
            LINE_COLUMN: pd.Series(range(2, 2 + n), dtype="Int64"),
            UNDECODABLE_COLUMN: pd.Series(undecodable, dtype="int64"),
            PRIVATE_USE_COLUMN: pd.Series(private, dtype="int64"),
            ENCODING_COLUMN: pd.Series(
                ["cp932" if u or p else None for u, p in zip(undecodable, private, strict=True)],
                dtype=pd.ArrowDtype(pa.string()),
            ),
        }
    )


@pytest.mark.parametrize(
    ("messages", "undecodable", "private", "expected", "notes"),
    [
        (["", "", ""], [0, 0, 0], [0, 0, 0], ["", "", ""], []),
        (["", "", ""], [0, 1, 0], [0, 0, 0], ["", "line 3: 1 undecodable byte(s) read as U+FFFD in cp932", ""], [1]),
        (["", "no text", ""], [0, 0, 0], [0, 1, 0], ["", f"no text; {PRIVATE}", ""], [1]),
    ],
)
def test_rows_that_did_not_decode_cleanly_say_so_as_in_a_local_run(messages, undecodable, private, expected, notes):
    part, found = noted(_part(messages, undecodable, private), "message")
    assert part["message"].tolist() == expected
    assert found == [DecodeNote(i + 2, "cp932", undecodable[i], private[i]) for i in notes]
    assert found == [] or found[0].message() in expected[notes[0]]


def test_a_part_without_the_reader_columns_is_left_as_it_is():
    part = pd.DataFrame({"message": ["x"]})
    assert noted(part, "message") == (part, [])


@pytest.mark.parametrize(
    ("row", "start", "named"),
    [
        ("1 of part.00005.parquet", 2, 3),  # before: "1 of part.00005.parquet", where a local run says output row 3
        ("3 of part.00001.csv", 0, 3),
        (7, 5, 7),  # numbered over the whole output already (a run without --id-column): kept
    ],
    ids=["after-others", "first", "output-row"],
)
def test_the_summary_numbers_a_row_over_the_whole_output_as_a_local_run(row, start, named):
    """Regression: with --id-column, the summary named a row of Parquet input "output row 1 of part.00005.parquet"
    (a part the output may not have, once parts of no row are dropped), where a local run says "output row 3"."""
    from taikai.batch._chunk import ChunkResult, RowProblem
    from taikai.batch._dask_parts import name_parts
    from taikai.text import Status

    result = ChunkResult(1, {"empty": 1}, {}, {}, (RowProblem(row, "c", Status.EMPTY, "empty text"),))
    assert [e.row for e in name_parts(result, start).examples] == [named]


@pytest.mark.parametrize("kind", ["formulas", "long_texts", "numeric_ids", "unheld", "decode_where"])
@pytest.mark.parametrize(
    ("where", "named"),
    [
        ("output row 1 of part.00005.csv (id a of part.00005.csv)", "output row 4 (id a of part.00005.csv)"),
        ("output row 2", "output row 2"),  # numbered over the whole output already: kept
        ("/in/x of part.00005.csv:3 (id c)", "/in/x of part.00005.csv:3 (id c)"),  # a file and line: no part
        ("line 3 (id output row 1 of part.1)", "line 3 (id output row 1 of part.1)"),  # a line, whatever the id
    ],
    ids=["renumbered", "kept", "file-line", "line"],
)
def test_the_rows_of_each_kind_are_numbered_over_the_whole_output(kind, where, named):
    """Regression: with --id-column (Parquet input, CSV output), the warning of texts Excel reads as formulas named
    "output row 1 of part.00007.csv (id c)", a part the output may not have, where a local run says output row N."""
    from taikai.batch import CountedRows
    from taikai.batch._chunk import ChunkResult
    from taikai.batch._dask_parts import name_parts

    rows = (where,) if kind == "decode_where" else CountedRows(1, 1, (where,))
    result = name_parts(ChunkResult(1, {"ok": 1}, {}, {}, **{kind: rows}), 3)
    assert getattr(result, kind) == ((named,) if kind == "decode_where" else CountedRows(1, 1, (named,)))


@pytest.mark.parametrize(
    ("names", "said"),
    [
        (["a.csv", "b.csv"], ": {folder}/b.csv:3 (id 2);"),  # before: "line(s) 3", of which of the folder's files?
        (["b.csv"], ": {folder}/b.csv:3 (id 2);"),  # named as the examples are (before: "line(s) 3")
    ],
    ids=["several-files", "one-file"],
)
def test_the_summary_names_the_file_of_a_row_not_cleanly_decoded(tmp_path, tiny_model, names, said):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        _cp932_file(folder / name, b"\xff" if name == "b.csv" else b"")  # b.csv's line 3 holds a private-use byte
    ddf, schema = read_input(folder, encoding="cp932", text_column="text", locate=True)
    options = BatchOptions(text_column="text", id_column="id")
    spec = parts_spec(schema, tiny_model, options, "csv", "utf-8")
    classified = classify_frame(ddf, "text", tiny_model, None, None, "flag", False)
    files = [str(folder / name) for name in names]
    summary = BatchSummary(str(folder), str(tmp_path / "out"))
    for k, part in enumerate(classified.to_delayed()):
        path = tmp_path / f"part.{k:05d}.csv"
        counts = write_part(part.compute(scheduler="sync"), path, spec, None, "id", files=files)
        summary.add(counts, blank=counts.blank, notes=counts.notes)
    assert said.format(folder=folder) in str(summary)


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "{folder}/b.csv",
            "  line 3 (id 2): empty: ",
        ),  # before: "{folder}/b.csv:3 (id 2)", where a local run says line 3
        ("{folder}", "  {folder}/b.csv:3 (id 2): empty: "),  # a folder's file is named, even its only one
        ("{folder}/*.csv", "  {folder}/b.csv:3 (id 2): empty: "),
    ],
    ids=["file-alone", "folder", "glob"],
)
def test_a_row_of_a_file_named_alone_is_named_by_its_line_as_in_a_local_run(tmp_path, tiny_model, given, said):
    from taikai.batch._dask_listing import input_files

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.csv").write_text("id,text\n1,手数料が高い\n2,\n3,提案が通らない\n", encoding="utf-8")
    pattern = given.format(folder=folder)
    ddf, schema = read_input(pattern, text_column="text", locate=True)
    spec = parts_spec(schema, tiny_model, BatchOptions(text_column="text", id_column="id"), "csv", "utf-8")
    classified = classify_frame(ddf, "text", tiny_model, None, None, "flag", False)
    files = input_files(pattern).named(pattern)
    summary = BatchSummary(pattern, str(tmp_path / "out"))
    for k, part in enumerate(classified.to_delayed()):
        counts = write_part(
            part.compute(scheduler="sync"), tmp_path / f"part.{k:05d}.csv", spec, None, "id", files=files
        )
        summary.add(counts, blank=counts.blank, notes=counts.notes)
    assert said.format(folder=folder) in str(summary)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            '{"id": 2, "text": "時間", "zzz": 3}',
            "the file changed during the run: run again once the files are written",
        ),
        ('{"id": 2, "text": ', "fix it in a.jsonl, or pass on_bad_lines='report'"),
    ],
)
def test_a_key_added_while_the_run_reads_is_told_from_a_malformed_line_by_its_kind(tmp_path, line, said):
    """A record of a key the file's first reading did not see (``LineProblem.UNKNOWN_KEYS``) means the file changed
    during the run; any other bad record is to be fixed or set aside (told apart by its kind, not its wording)."""
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": 1, "text": "手数料"}\n{"id": 2, "text": "時間"}\n', encoding="utf-8")
    ddf, _ = read_input(path, text_column="text", locate=True)
    path.write_text(f'{{"id": 1, "text": "手数料"}}\n{line}\n', encoding="utf-8")
    with pytest.raises(InputError, match=f"a.jsonl:2: malformed record .*; {re.escape(said)}"):
        ddf.compute(scheduler="sync")
