"""JSON asked for in another command's spelling (``taikai.cli._json_output``): ``drift --format json`` is told
``--json``, ``info --json FILE`` that info's ``--json`` prints to standard output, ``batch --json`` where batch's
figures are as JSON; every command says one or the other."""

import pytest
from support_commands import usage_error_line

from taikai.cli import COMMANDS
from taikai.cli._json_output import ELSEWHERE, SPELLING

said = usage_error_line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (  # regression: "did you mean --input-format?", which reads files, not writes JSON
            ["drift", "x.csv", "--format", "json"],
            "drift has no option '--format': did you mean --json (or --json FILE)? (see taikai drift --help)",
        ),
        (
            ["drift", "x.csv", "--format=json"],
            "drift has no option '--format': did you mean --json (or --json FILE)? (see taikai drift --help)",
        ),
        (  # a format of files is still told --input-format
            ["drift", "x.csv", "--format", "csv"],
            "drift has no option '--format': did you mean --input-format? (see taikai drift --help)",
        ),
        (  # regression: "taikai evaluate --help lists its options"
            ["evaluate", "d.csv", "--format", "json"],
            "evaluate has no option '--format': did you mean --json (or --json FILE)? (see taikai evaluate --help)",
        ),
        (
            ["info", "--format", "jsonl"],
            "info has no option '--format': did you mean --json? (see taikai info --help)",
        ),
        (  # regression: only "more arguments than it takes", as drift and evaluate write --json FILE
            ["info", "--json", "out.json"],
            "info was given more arguments than it takes (out.json): run it as taikai info [OPTIONS] (see taikai info "
            "--help); info's --json takes no file, it prints to standard output: write taikai info --json > out.json",
        ),
        (
            ["info", "--json", "-"],
            "info was given more arguments than it takes (-): run it as taikai info [OPTIONS] (see taikai info "
            "--help); info's --json takes no file, it prints to standard output: write --json alone",
        ),
        (  # the commands whose result is a file say where their figures are as JSON
            ["batch", "x.csv", "-o", "y.csv", "--json"],
            "batch has no option '--json': batch writes its figures as JSON to OUTPUT_STEM.summary.json beside "
            "OUTPUT, or to _taikai.json in the folder --engine dask writes (see taikai batch --help)",
        ),
        (
            ["train", "d.csv", "-o", "m", "--json"],
            "train has no option '--json': train writes its figures into the model's metadata.json: taikai info "
            "--model DIR --json prints them (see taikai train --help)",
        ),
        (
            ["suggest", "p.csv", "-o", "s.csv", "--json"],
            "suggest has no option '--json': suggest writes its rows as a sheet to fill in (-o SHEET.csv or "
            "SHEET.xlsx), not as JSON (see taikai suggest --help)",
        ),
        (
            ["report", "p.csv", "-o", "r.html", "--format", "json"],
            "report has no option '--format': report's result is the HTML page it writes (-o); for the drift figures "
            "as JSON run taikai drift PREDICTIONS --json (see taikai report --help)",
        ),
        (  # as before: --json is a value of --format
            ["keywords", "--json"],
            "keywords has no option '--json': did you mean --format json? (see taikai keywords --help)",
        ),
        (
            ["rules", "test", "r.toml", "d.csv", "--json"],
            "rules test has no option '--json': did you mean --format json? (see taikai rules test --help)",
        ),
    ],
)
def test_json_in_another_command_s_spelling_is_told_this_one_s(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert said(*args) == message
    assert list(tmp_path.iterdir()) == []


def test_every_command_says_how_it_gives_json_or_where_its_figures_are():
    commands = {*COMMANDS, "rules test"} - {"rules"}
    assert commands == set(SPELLING) | set(ELSEWHERE)
    assert not set(SPELLING) & set(ELSEWHERE)
