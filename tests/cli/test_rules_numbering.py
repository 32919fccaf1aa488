"""``taikai rules test`` names the rows where a rule misfires by one numbering, labelled in text and JSON.

Regression: the text listed ``line N`` or ``row N`` (1-based) and the JSON ``row`` (0-based) and neither said
what it counted. Now, as evaluate does, rows are named by the file line they start on (a CSV header is line 1; a
cell of several lines makes lines and rows differ), by their 1-based data row where a file has no lines (Parquet),
and the JSON gives each misfire's ``line`` and its 0-based ``row`` with a ``numbering`` that says so.
"""

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli

RULES = '[[rule]]\nname = "fee"\nlabel = "fees"\nany = ["手数料"]\n'
ROWS = [  # the first text runs over two lines of a CSV file; rows 1 and 3 misfire
    ("本業が忙しい\n手数料の話ではない", "time"),
    ("手数料が高い", "fees"),
    ("手数料より本業", "other"),
]
LINES_NAMED = (
    "Rows are named by the file line they start on, counting every line (a CSV or TSV header is line 1; in an xlsx "
    "sheet, the row number)."
)
ROWS_NAMED = "Rows are named by their data row, 1-based."


def write(path, fmt):
    frame = pd.DataFrame(ROWS, columns=["text", "reasons"])
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "jsonl":  # no header: line 1 holds the first row
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif fmt == "parquet":
        frame.to_parquet(path)
    else:
        frame.to_excel(path, index=False, sheet_name="labels")


@pytest.mark.parametrize(
    ("fmt", "note", "named", "lines"),
    [
        ("csv", LINES_NAMED, ["line 2", "line 5"], [2, 5]),  # header line 1; the first row runs over lines 2-3
        ("jsonl", LINES_NAMED, ["line 1", "line 3"], [1, 3]),  # no header
        ("xlsx", LINES_NAMED, ["line 2", "line 4"], [2, 4]),  # the sheet's row numbers, the header row 1
        ("parquet", ROWS_NAMED, ["row 1", "row 3"], [None, None]),  # no lines: data rows, 1-based
    ],
    ids=["csv with a header and a cell of two lines", "jsonl without a header", "xlsx", "parquet"],
)
def test_rules_test_names_misfires_by_one_labelled_numbering(tmp_path, tiny_model_dir, fmt, note, named, lines):
    rules, labelled = tmp_path / "rules.toml", tmp_path / f"gold.{fmt}"
    rules.write_text(RULES, encoding="utf-8")
    write(labelled, fmt)
    args = ["rules", "test", str(rules), str(labelled), "-m", str(tiny_model_dir)]
    text = CliRunner().invoke(cli, args)
    assert text.exit_code == 0, text.output
    first, second = named
    assert f"\n\n{note}\n\nfee (fees) fires against the gold label on 2 row(s):\n" in text.output
    assert (
        f"\n- {first}: gold time: 本業が忙しい 手数料の話ではない\n- {second}: gold other: 手数料より本業"
        in text.output
    )

    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    examples = report["rules"][0]["examples"]
    assert [(e["line"], e["row"], e["gold"]) for e in examples] == [(lines[0], 0, ["time"]), (lines[1], 2, ["other"])]
    assert report["numbering"].startswith("line: the file line a row starts on, counting every line")
    assert "row: the row's 0-based position among the data rows" in report["numbering"]


def test_rules_test_help_says_what_the_numbers_count():
    result = CliRunner().invoke(cli, ["rules", "test", "--help"])
    said = " ".join(result.output.split())
    assert "Those rows are named by the file line they start on, counting every line" in said
    assert "or by their data row, 1-based, in a Parquet file" in said
    assert "its row: its 0-based position among the data rows" in said
