"""Every batch and suggest message that lists rows names them one way, as the summary's examples do: the input
line, then the id (``line 7 (id r7)``); before, the xlsx cut cells were "output row(s) 1, 3", the rows not cleanly
decoded "line(s) 7" and a sheet's cut cells "sheet row(s) 3"."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.errors import DataWarning
from taikai.suggestion._sheet import write_sheet

LINES = [
    b"id,text",
    "007,手数料が高い".encode(),  # line 2: an id Excel reads as the number 7
    "r3,=1+1 手数料が高い".encode(),  # line 3: a formula to Excel
    ("r4," + "長" * 32_768).encode(),  # line 4: longer than an Excel cell
    "r5,報酬が安い🙂".encode(),  # line 5: a character cp932 cannot hold
    b"r6,",  # line 6: empty
    "r7,単価が".encode() + b"\xff" + "安い".encode(),  # line 7: an undecodable byte, read as U+FFFD (cp932 cannot)
]
NAMED = re.compile(r"(?:line \d+|output row \d+|sheet row)[^:;,.]*")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, tiny_model_dir):
    """What batch printed for CSV output (plain and --excel-safe) and xlsx output of :data:`LINES`."""
    folder = tmp_path_factory.mktemp("rows")
    (folder / "in.csv").write_bytes(b"\n".join(LINES) + b"\n")
    common = ["--id-column", "id", "--text-column", "text", "-m", str(tiny_model_dir), "--encoding-errors", "replace"]
    printed = {}
    for name, options in {
        "plain": ["-o", str(folder / "out.csv"), "--output-encoding", "cp932"],
        "safe": ["-o", str(folder / "safe.csv"), "--output-encoding", "cp932", "--excel-safe"],
        "xlsx": ["-o", str(folder / "cut.xlsx")],  # not out.xlsx: out.csv's summary would be its
    }.items():
        result = CliRunner().invoke(cli, ["batch", str(folder / "in.csv"), *common, *options])
        assert result.exit_code == 0, result.output
        printed[name] = result.output
    return printed


def _sheet_warning(tmp_path, sheet):
    rows = pd.DataFrame({"id": ["007", "r4"], "text": ["短い", "長" * 32_768]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_sheet(rows, tmp_path / sheet, ["fees"], ["negative"])
    return "\n".join(str(w.message) for w in caught if issubclass(w.category, DataWarning))


@pytest.mark.parametrize(
    ("run", "message", "rows"),
    [
        ("plain", "  line 6", ["line 6 (id r6)"]),  # the examples, the form the others follow
        ("plain", "rows not cleanly decoded", ["line 7 (id r7)"]),
        ("plain", "characters the output cannot hold", ["line 5 (id r5)", "line 7 (id r7)"]),
        ("plain", "Excel reads as a formula", ["line 3 (id r3)"]),
        ("safe", "texts written with an apostrophe first", ["line 3 (id r3)"]),
        ("plain", "hold more than 32,767 characters", ["line 4 (id r4)"]),
        ("plain", "id(s) of column 'id'", ["line 2 (id 007)"]),
        ("xlsx", "cells cut to Excel's", ["line 4 (id r4)"]),
        ("sheet.csv", "hold more than 32,767 characters", ["line 3 (id r4)"]),  # the sheet's line, under its header
        ("sheet.xlsx", "cut to Excel's", ["line 3 (id r4)"]),
        ("sheet.csv", "id(s) of column 'id'", ["line 2 (id 007)"]),
    ],
)
def test_every_list_of_rows_names_them_by_line_and_id(runs, tmp_path, run, message, rows):
    printed = _sheet_warning(tmp_path, run) if run.startswith("sheet") else runs[run]
    said = [line for line in printed.splitlines() if message in line]
    assert len(said) == 1, printed
    assert [name.strip() for name in NAMED.findall(said[0])] == rows
