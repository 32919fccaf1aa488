"""Every record a reader sets aside carries the kind of its problem, and the kind is read back from its error (as the
side file of bad lines holds it) by the template the error was made from, not by how it starts."""

from __future__ import annotations

import csv
from contextlib import nullcontext

import openpyxl
import pandas as pd
import pytest

from taikai.io import LineProblem, open_reader
from taikai.io._line_problems import csv_problem

FILES = [  # a file, and the kind of each record its reader sets aside, in file order
    ("a.csv", "id,text\n1,手数料\n2,単価,extra\n", [LineProblem.FIELD_COUNT]),
    (
        "b.csv",
        "id,text,\n1,手数料,\n2,単価,x\n3,a,b,c,d\n4\n",
        [LineProblem.UNNAMED_COLUMN_VALUE, LineProblem.FIELD_COUNT_AT_MOST, LineProblem.FIELD_COUNT_RANGE],
    ),
    ("c.csv", "id,text\n1,手数料\nid,text\n", [LineProblem.REPEATED_HEADER]),
    ("d.csv", 'id,text\n1,"a"b\n2,"open\n', [LineProblem.CHARACTER_AFTER_QUOTE, LineProblem.UNCLOSED_QUOTE]),
    (
        "e.jsonl",
        '{"id": 1, "text": "a"}\n{"id": 2, "text": \n[2]\n{"id": 3, "id": 4}\n{"id": 5, "text": "\\ud800"}\n',
        [LineProblem.INVALID_JSON, LineProblem.NOT_AN_OBJECT, LineProblem.REPEATED_KEY, LineProblem.LONE_SURROGATE],
    ),
    ("g.jsonl", '{"id": 1, "text": "a"}\n{"id": "id", "text": "text"}\n', [LineProblem.REPEATED_HEADER_OBJECT]),
    ("h.parquet", {"id": ["1", "id"], "text": ["手数料", "text"]}, [LineProblem.REPEATED_HEADER_RECORD]),
    (
        "f.xlsx",
        [["id", "text"], [1, "手数料"], ["id", "text"], [3, "a", None, "note"]],
        [
            LineProblem.REPEATED_HEADER_ROW,
            LineProblem.UNNAMED_CELLS,
        ],
    ),
]
NOTE = "line 12: 3 undecodable byte(s) read as U+FFFD in cp932"


def _csv_error(rows: list[str], limit: int | None = None) -> csv.Error:
    """The error Python's csv module gives *rows* (with a field limit of *limit*)."""
    old = csv.field_size_limit(limit) if limit is not None else None
    try:
        list(csv.reader(rows, strict=True))
    except csv.Error as exc:
        return exc
    finally:
        if old is not None:
            csv.field_size_limit(old)
    raise AssertionError(f"{rows} read")


@pytest.mark.parametrize(("name", "content", "kinds"), FILES)
def test_a_record_set_aside_carries_its_kind_and_its_error_reads_back_as_it(tmp_path, name, content, kinds):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, dict):  # a Parquet file written from a frame that read a second header as a row
        pd.DataFrame(content).to_parquet(path)
    else:
        book = openpyxl.Workbook()
        for row in content:
            book.active.append(row)
        book.save(path)
    with pytest.warns() if name == "b.csv" else nullcontext():  # b.csv: a header cell without a name is warned of
        bad = [b for chunk in open_reader(path).chunks(100) for b in chunk.bad]
    assert [b.kind for b in bad] == kinds
    assert [LineProblem.of(b.error) for b in bad] == kinds
    assert [LineProblem.of(f"{b.error}; {NOTE}") for b in bad] == kinds


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (_csv_error(["a,bbbbbbbb\n"], limit=4), LineProblem.FIELD_TOO_LARGE),
        (_csv_error(["a\rb,c\n"]), LineProblem.NEW_LINE_UNQUOTED),
        (_csv_error(['"a\n']), LineProblem.UNCLOSED_QUOTE),
        (csv.Error("a message of another Python"), None),
    ],
)
def test_python_s_csv_errors_are_kinds_in_its_own_words(error, kind):
    assert csv_problem(error) == (kind, str(error))


def test_every_kind_is_made_by_a_reader_or_is_python_s():
    made = {kind for _, _, kinds in FILES for kind in kinds}
    python = {LineProblem.FIELD_TOO_LARGE, LineProblem.NEW_LINE_UNQUOTED, LineProblem.UNCLOSED_QUOTE}
    assert set(LineProblem) - made - python == {LineProblem.UNKNOWN_KEYS}  # the Dask engine's part of a changed file
    said = LineProblem.UNKNOWN_KEYS.message(keys=["zzz"], columns=["id", "text"])
    assert said == "unknown key(s) ['zzz']; the columns are ['id', 'text']"
    assert LineProblem.of(said) is LineProblem.UNKNOWN_KEYS


@pytest.mark.parametrize(
    "error",
    ["expected 2 fields", "invalid JSON", "the header repeated", "unexpected end of data, says our tool", "", None],
)
def test_an_error_that_only_starts_as_a_kind_s_is_of_no_kind(error):
    assert LineProblem.of(error) is None
