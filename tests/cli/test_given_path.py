"""A command's file argument or option given ``""`` (or blanks) is refused naming it, and saying it is empty, not
read as the current folder (``Path("")`` is ``.``): ``.: is a directory`` was said before."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from taikai.cli import cli

DATA = "a data file (CSV, TSV, JSONL, Parquet or xlsx)"
LABELLED = "a labelled data file (CSV, TSV, JSONL, Parquet or xlsx)"
PREDICTIONS = "a predictions file (taikai batch output)"
JSON = "a file to write the JSON to (- for standard output), or leave --json out"
REFERENCE = "a dump or predictions file to compare with, or leave --reference out to compare with the model's training"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["drift", "{empty}"], "drift: invalid value for DUMP: {shown} is {what}: give " + DATA),
        (
            ["drift", "{csv}", "--reference", "{empty}"],
            "drift: invalid value for --reference: {shown} is {what}: give ",
        ),
        (["drift", "{csv}", "--json", "{empty}"], "drift: invalid value for --json: {shown} is {what}: give " + JSON),
        (["evaluate", "{empty}"], "evaluate: invalid value for DATA: {shown} is {what}: give " + LABELLED),
        (["evaluate", "{csv}", "--json", "{empty}"], "evaluate: invalid value for --json: {shown} is {what}: give "),
        (["train", "{empty}", "-o", "{out}"], "train: invalid value for DATA: {shown} is {what}: give " + LABELLED),
        (["batch", "{empty}", "-o", "{out}"], "batch: invalid value for INPUT: {shown} is {what}: give " + DATA),
        (
            ["batch", "{csv}", "-o", "{empty}", "--text-column", "text"],
            "batch: invalid value for --output / -o: {shown} is {what}: give the file to write",
        ),
        (["suggest", "{empty}", "-o", "{out}"], "suggest: invalid value for PREDICTIONS: {shown} is {what}: give "),
        (["suggest", "{csv}", "-o", "{empty}"], "suggest: invalid value for --output / -o: {shown} is {what}: give "),
        (["report", "{empty}", "-o", "{out}"], "report: invalid value for PREDICTIONS: {shown} is {what}: give "),
        (["report", "{csv}", "-o", "{empty}"], "report: invalid value for --output / -o: {shown} is {what}: give "),
        (["rules", "test", "{empty}", "{csv}"], "rules test: invalid value for FILE: {shown} is {what}: give a rules"),
        (["rules", "test", "r.toml", "{empty}"], "rules test: invalid value for LABELLED: {shown} is {what}: give "),
    ],
)
@pytest.mark.parametrize("empty", ["", "  "], ids=["empty", "blank"])
def test_an_empty_path_is_refused_naming_what_was_given_it(args, said, empty, tiny_csv, tmp_path):
    filled = [arg.format(empty=empty, csv=tiny_csv, out=tmp_path / "out.csv") for arg in args]
    result = CliRunner().invoke(cli, filled)
    assert result.exit_code == 2, result.output
    what = "empty" if not empty else "blank"
    expected = "taikai: error: " + said.format(shown=repr(empty), what=what)
    assert result.stderr.startswith(expected), result.stderr
    assert "'.'" not in result.stderr and ".: " not in result.stderr


def test_the_reference_s_advice_says_to_give_a_file_or_leave_it_out(tiny_csv):
    result = CliRunner().invoke(cli, ["drift", str(tiny_csv), "--reference", ""])
    assert REFERENCE in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["train", "{csv}", "-o", "{empty}"],
            "train: invalid value for --out / --output / -o: {shown} is {what}: give ",
        ),
        (["batch", "{csv}", "-o", "{out}", "--model", "{empty}"], "batch: invalid value for --model / -m: {shown} is "),
        (
            ["batch", "{csv}", "-o", "{out}", "--rules", "{empty}"],
            "batch: invalid value for --rules: {shown} is {what}",
        ),
    ],
)
@pytest.mark.parametrize("empty", ["", "  "], ids=["empty", "blank"])
def test_the_options_checked_by_a_callback_say_empty_and_blank_as_the_arguments_do(
    args, said, empty, tiny_csv, tmp_path
):
    """Regression: --out, --model and --rules said blanks were "empty", where every other file argument said "blank"."""
    filled = [arg.format(empty=empty, csv=tiny_csv, out=tmp_path / "out.csv") for arg in args]
    result = CliRunner().invoke(cli, filled)
    assert result.exit_code == 2, result.output
    what = "empty" if not empty else "blank"
    assert result.stderr.startswith("taikai: error: " + said.format(shown=repr(empty), what=what)), result.stderr
    assert f"{empty!r} is {what}: give " in result.stderr, result.stderr
