"""Drift says how many rows repeat an earlier row's text (as the model reads it), in text and JSON, and no figure
moves for saying so: a dump exported twice over counts each repeated row in every figure."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift


def _texts(tiny_csv) -> list[str]:
    return pd.read_csv(tiny_csv)["text"].tolist()


@pytest.mark.parametrize(
    ("extra", "duplicates"),
    [
        (lambda t: [], 0),
        (lambda t: t[:5], 5),  # five rows exported twice
        (lambda t: [t[0]] * 3, 3),  # one row three more times
        (lambda t: [f"  {t[1]}\u3000", t[2].replace("1", "１")], 2),  # read alike: spaces, full-width digits
        (lambda t: ["", " ", None, ""], 0),  # blank texts are no duplicates
    ],
    ids=["none", "five-twice", "one-four-times", "read-alike", "blank"],
)
def test_rows_repeating_an_earlier_text_are_counted(extra, duplicates, tiny_csv, tiny_model):
    """Regression: duplicated rows were counted twice without a word (a re-exported dump moves the figures)."""
    texts = _texts(tiny_csv)
    frame = pd.DataFrame({"text": texts + extra(texts)})
    report = check_drift(frame, tiny_model, reference=pd.DataFrame({"text": texts * 2}))
    assert (report.duplicates, report.reference_duplicates) == (duplicates, len(texts))
    said = [line for line in report.to_text().splitlines() if line.startswith("rows repeating")]
    shown = [f"rows repeating an earlier row's text: {duplicates:,} (each counted in every figure)"]
    assert said == [
        *(shown if duplicates else []),
        f"rows repeating an earlier row's text in the reference: {len(texts)} (each counted in every figure)",
    ]
    assert report.overall.statistics.rows == len(frame)  # counted as before: no figure changes


def test_the_command_line_says_them_in_text_and_json(tiny_csv, tiny_model_dir, tmp_path):
    texts = _texts(tiny_csv)
    dump = tmp_path / "dump.csv"
    pd.DataFrame({"text": texts + texts[:7]}).to_csv(dump, index=False)
    out = tmp_path / "drift.json"
    args = ["drift", str(dump), "--model", str(tiny_model_dir), "--reference", str(tiny_csv), "--json", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "rows repeating an earlier row's text: 7 (each counted in every figure)" in result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert (figures["duplicate_rows"], figures["reference_duplicate_rows"]) == (7, 0)
