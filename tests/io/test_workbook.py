"""A workbook's parts that taikai does not read (a data validation list kept as an Excel extension) are not warned
of by openpyxl's own two lines on stderr at every read; a cell whose value openpyxl cannot read still is. Read by
every command that reads a table (train, evaluate, report, suggest, drift, batch)."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import read_table

_VALIDATION = (
    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    b'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" '
    b'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"></x14:dataValidations></ext></extLst>'
)
"""A sheet's data validation list as Excel saves one that reads its choices from another sheet."""


def _workbook(path: Path, edit: str) -> Path:
    """Write a labelled workbook of four rows to *path*, its XML edited as Excel or another program leaves it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["text", "reasons", "sentiment", "posted"])
    for i in range(4):
        ws.append([f"手数料が高い{i}", "fees", "negative", 45000 + i])
        ws.cell(row=i + 2, column=4).number_format = "yyyy-mm-dd"
    if edit == "bad date":
        ws.cell(row=3, column=4).value = 10**9  # past any date: openpyxl reads it as #VALUE!
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml" and edit == "validation":
                data = data.replace(b"</worksheet>", _VALIDATION + b"</worksheet>")
            out.writestr(item, data)
    return path


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ("validation", None),  # was: UserWarning: Data Validation extension is not supported and will be removed
        ("bad date", "Cell D3 is marked as a date"),  # a value lost: still said
    ],
)
def test_parts_of_a_workbook_taikai_does_not_read_are_not_warned_of(tmp_path, edit, said):
    path = _workbook(tmp_path / "labels.xlsx", edit)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = read_table(path)
    assert table.frame["text"].tolist() == [f"手数料が高い{i}" for i in range(4)]
    messages = [str(w.message) for w in caught]
    assert messages == ([] if said is None else [m for m in messages if m.startswith(said)]), messages
    assert said is None or messages


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "{path}", "--json", "{out}"],
        ["rules", "test", "examples/rules.toml", "{path}", "--format", "json"],
        ["drift", "{path}", "--json", "{out}"],
    ],
)
def test_a_command_reading_a_workbook_with_a_validation_list_says_nothing_of_it(tmp_path, command):
    path = _workbook(tmp_path / "labels.xlsx", "validation")
    args = [a.format(path=path, out=tmp_path / "out.json") for a in command]
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 0, result.output
    assert "extension is not supported" not in result.stderr, result.stderr
    assert "UserWarning" not in result.stderr
