"""Models trained without a sentiment head (--no-sentiment) or without a test split (--test-size 0), as report, drift
and info show them; and files given to train --add without a sentiment column (a suggest sheet of such a model)."""

import csv
import json
import re

import pandas as pd
import pytest

import taikai
from tests.cli.conftest import invoke_cli

# (sentiment head, test split) of each model the tests read
MODELS = {"both heads": (True, 0.25), "no sentiment head": (False, 0.25), "no test split": (True, 0)}


@pytest.fixture(scope="module")
def trained(tmp_path_factory, tiny_csv):
    """Return, per name of :data:`MODELS`, the model's directory and the predictions it made of a dated dump."""
    texts = pd.read_csv(tiny_csv)["text"].tolist()
    folder = tmp_path_factory.mktemp("reason_only")
    dump = folder / "dump.csv"
    with dump.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["review_id", "posted_at", "text"])
        writer.writerows([f"r{i:03d}", f"2026-0{1 + i % 2}-{1 + i % 28:02d}", t] for i, t in enumerate(texts * 2))
    made = {}
    for name, (sentiment, test_size) in MODELS.items():
        out = folder / name.replace(" ", "_")
        sentiment_column = "sentiment" if sentiment else None
        config = taikai.FeatureConfig(min_df=1)
        taikai.train(tiny_csv, out, config, folds=2, test_size=test_size, sentiment_column=sentiment_column)
        predictions = folder / f"{out.name}.csv"
        result = invoke_cli("batch", dump, "-o", predictions, "-m", out, "--text-column", "text")
        assert result.exit_code == 0, result.output
        made[name] = (out, predictions)
    return made


def _section(page: str, name: str) -> str:
    return re.search(rf'<section id="{name}">(.*?)</section>', page, re.S).group(1)


def _headers(html: str) -> list[str]:
    return re.findall(r"<th[^>]*>([^<]*)</th>", html)


@pytest.mark.parametrize(("name", "sentiment"), [("both heads", True), ("no sentiment head", False)])
def test_drift_leaves_out_the_sentiment_mix_of_a_model_without_that_head(trained, tmp_path, name, sentiment):
    """Regression: a --no-sentiment model's drift printed 'sentiment mix shift … n/a 0.100 not judged' with no
    reason, and a 'sent. JS' column of n/a in the table per period."""
    model, predictions = trained[name]
    report = tmp_path / "drift.json"
    result = invoke_cli("drift", predictions, "-m", model, "--date-column", "posted_at", "--json", report)
    assert result.exit_code == 0, result.output
    assert ("sentiment mix shift (Jensen–Shannon, bits)" in result.output) == sentiment
    assert ("sent. JS" in result.output) == sentiment
    assert "reason mix shift (Jensen–Shannon, bits)" in result.output and "reason JS" in result.output
    assert "2026-02" in result.output  # the table per period is there, with or without the column
    figures = json.loads(report.read_text(encoding="utf-8"))["overall"]["figures"]
    assert ("sentiment_shift" in figures) == sentiment and "reason_shift" in figures


@pytest.mark.parametrize(
    ("name", "sentiment", "test_line"),
    [
        ("both heads", True, "Accuracy on its test split (measured at training)"),
        ("no sentiment head", False, "Accuracy on its test split (measured at training)"),
        ("no test split", True, "No test split: this model was trained on every usable row (none was held out for"),
    ],
)
def test_report_shows_only_the_heads_and_figures_the_model_has(trained, tmp_path, name, sentiment, test_line):
    """Regression: a --no-sentiment model's report had an empty sentiment column in its tables of reviews and a
    sentiment row of n/a in its drift table; a model trained with --test-size 0 showed no accuracy and no reason."""
    model, predictions = trained[name]
    out = tmp_path / "report.html"
    args = ["report", predictions, "-o", out, "-m", model, "--date-column", "posted_at", "--lang", "en"]
    result = invoke_cli(*args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    for table in ("representative", "uncertain"):
        headers = _headers(_section(page, table))
        assert "reason" in headers and "text" in headers, headers
        assert ("sentiment" in headers) == sentiment, headers
    drift = _section(page, "drift")
    assert ("predicted sentiment mix shift" in drift or "sentiment mix shift" in drift) == sentiment
    assert "reason mix shift" in drift
    said = _section(page, "sentiment")
    assert ("This model does not predict sentiment." in said) != sentiment
    assert test_line in _section(page, "model")


@pytest.mark.parametrize(
    ("name", "test_line"),
    [
        ("both heads", "test:       reason macro-F1 "),
        (
            "no test split",
            "test:       none: no test split (test_size=0, --test-size 0 on the command line; or a split column in "
            "DATA",
        ),
    ],
)
def test_info_says_when_a_model_has_no_test_split(trained, name, test_line):
    """Regression: info of a model trained with --test-size 0 had no test line at all; nor had train's summary."""
    result = invoke_cli("info", "-m", trained[name][0])
    assert result.exit_code == 0, result.output
    assert f"\n{test_line}" in result.output
    summary = taikai.load_model(trained[name][0]).training_summary()  # what train printed
    assert ("\ntest:  none: no test split (test_size=0, --test-size 0" in summary) == (name == "no test split"), summary


def _added(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


NEW = [
    "生成AIで記事が書けるからと断られた",
    "AIに任せるので今回は見送りますと言われた",
    "AI画像で足りるそうで依頼が来なくなった",
]


@pytest.mark.parametrize(
    ("header", "cells", "options", "note"),
    [
        (["text", "reasons"], ["{text}", "rejection"], [], True),
        # as suggest writes the sheet of a model without a sentiment head
        (
            ["review_id", "text", "model_reason", "reasons", "more_reasons", "note"],
            ["r1", "{text}", "fees", "rejection", "", ""],
            [],
            True,
        ),
        (["text", "reasons", "sentiment"], ["{text}", "rejection", ""], [], False),  # reasons only, as before: no note
        (["text", "reasons"], ["{text}", "rejection"], ["--no-sentiment"], False),  # DATA's sentiment is not read
    ],
)
def test_an_added_file_without_a_sentiment_column_trains_the_reason_head(
    tmp_path, tiny_csv, header, cells, options, note
):
    """Regression: train --add of a sheet without a sentiment column (suggest on a --no-sentiment model) stopped
    with "no column 'sentiment' … rename the column back to 'sentiment' in the file", a column it never had."""
    rows = [[t if c == "{text}" else c for c in cells] for t in NEW]
    sheet = _added(tmp_path / "sheet.csv", header, rows)
    out = tmp_path / "model"
    args = ["train", tiny_csv, "--add", sheet, "--out", out, "--folds", "0", "--test-size", "0", "--vectors", "none"]
    result = invoke_cli(*args, "--compare-folds", "0", *options)
    assert result.exit_code == 0, result.output
    assert f"added: {sheet}  (3 rows, 3 used, weight 1)" in result.output
    said = f"{sheet}: no 'sentiment' column, so its 3 labelled row(s) train the reason head only"
    assert (said in result.stderr) == note, result.stderr
    assert "rename the column" not in result.stderr
    if not options:
        assert "\nheads: reason head 43 rows, sentiment head 40 (not the 3 with reasons only)\n" in result.output
    model = taikai.load_model(out)
    assert bool(model.metadata.sentiments) != bool(options)


@pytest.mark.parametrize(
    ("column", "advice"),
    [
        ("Sentiment", "rename its column 'Sentiment' to 'sentiment'"),
        ("sentimet", "rename its column 'sentimet' to 'sentiment'"),
        ("model_sentiment", "add a 'sentiment' column to the file and fill it in"),  # the sheet's model column
    ],
)
def test_an_added_sentiment_column_of_a_near_name_is_to_be_renamed(tmp_path, tiny_csv, column, advice):
    """Regression: a sheet whose sentiment column was renamed in Excel (Sentiment) was told to add a 'sentiment'
    column and fill it in, although its sentiments were there under the other name."""
    sheet = _added(tmp_path / "sheet.csv", ["text", "reasons", column], [[t, "rejection", "negative"] for t in NEW])
    args = ["train", tiny_csv, "--add", sheet, "--out", tmp_path / "m", "--folds", "0", "--test-size", "0"]
    result = invoke_cli(*args, "--vectors", "none", "--compare-folds", "0")
    assert result.exit_code == 0, result.output
    assert f"the sentiment head on them too, {advice}" in result.stderr
