"""A workbook's parts that taikai does not read (a data validation list kept as an Excel extension) are not warned
of by openpyxl's own two lines on stderr at every read; a cell whose value openpyxl cannot read still is. Read by
every command that reads a table (train, evaluate, report, suggest, drift, batch)."""

from __future__ import annotations

import warnings

import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.io import read_table
from tests.support_workbooks import edited_workbook


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ("validation", None),  # was: UserWarning: Data Validation extension is not supported and will be removed
        ("bad date", "Cell D3 is marked as a date"),  # a value lost: still said
    ],
)
def test_parts_of_a_workbook_taikai_does_not_read_are_not_warned_of(tmp_path, edit, said):
    path = edited_workbook(tmp_path / "labels.xlsx", edit)
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
    path = edited_workbook(tmp_path / "labels.xlsx", "validation")
    args = [a.format(path=path, out=tmp_path / "out.json") for a in command]
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code == 0, result.output
    assert "extension is not supported" not in result.stderr, result.stderr
    assert "UserWarning" not in result.stderr
