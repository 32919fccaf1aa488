"""Where every command that writes a file writes what it says: standard output holds the command's results and
nothing else (nothing at all when its result is a file), so that ``taikai … | …`` and ``--json -`` pipe only data;
where the file went, its summary, warnings and errors go to standard error (the convention in :mod:`taikai.cli`).

Regression (h306): ``suggest`` and ``train`` printed their summary and ``sheet written to …`` / ``model written to
…`` on standard output, every other command on standard error: a user who redirected standard error lost it in some
commands only, and one who piped standard output got a status line in the data."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli

ROOT = Path(__file__).parents[2]

# (arguments, the status line on standard error, the file written, what standard output holds:
#  "" nothing, "text" the command's text report, "json" exactly the JSON asked for with --json -)
WRITERS = [
    (
        ["batch", "{dump}", "-o", "{tmp}/out.csv", "--text-column", "text", "-m", "{model}"],
        "rows classified into {tmp}/out.csv",
        "out.csv",
        "",
    ),
    (
        ["train", "{data}", "--out", "{tmp}/m", "--vectors", "none", "--folds", "0", "--test-size", "0"],
        "model written to {tmp}/m",
        "m/metadata.json",
        "",
    ),
    (
        ["suggest", "{predictions}", "-o", "{tmp}/sheet.csv", "--n", "3"],
        "sheet written to {tmp}/sheet.csv",
        "sheet.csv",
        "",
    ),
    (
        ["report", "{predictions}", "-o", "{tmp}/r.html", "--no-drift", "--lang", "en"],
        "report written to {tmp}/r.html",
        "r.html",
        "",
    ),
    (
        ["evaluate", "{data}", "-m", "{model}", "--json", "{tmp}/e.json"],
        "report written to {tmp}/e.json",
        "e.json",
        "text",
    ),
    (
        ["drift", "{dump}", "-m", "{model}", "--json", "{tmp}/d.json"],
        "figures written to {tmp}/d.json",
        "d.json",
        "text",
    ),
    (["evaluate", "{data}", "-m", "{model}", "--json", "-"], "Scored 40 of 40 rows.", None, "json"),
    (["drift", "{dump}", "-m", "{model}", "--json", "-"], "drift of ", None, "json"),
]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, tiny_csv, tiny_model_dir) -> dict[str, Path]:
    """The files the commands read: the tiny labelled file, a dump of its texts, and that dump classified."""
    import pandas as pd

    import taikai

    folder = tmp_path_factory.mktemp("streams")
    dump = folder / "dump.csv"
    pd.read_csv(tiny_csv)[["text"]].to_csv(dump, index=False)
    predictions = folder / "predictions.csv"
    taikai.classify_file(dump, predictions, "text", model=tiny_model_dir)
    return {"data": tiny_csv, "dump": dump, "predictions": predictions, "model": tiny_model_dir}


@pytest.mark.parametrize(
    ("command", "status", "written", "stdout"),
    WRITERS,
    ids=[f"{w[0][0]}{'-json-' if w[3] == 'json' else ''}" for w in WRITERS],
)
def test_a_command_writes_only_its_results_to_stdout_and_its_status_to_stderr(
    tmp_path, inputs, command, status, written, stdout
):
    names = {**inputs, "tmp": tmp_path}
    args = [part.format(**names) for part in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said = status.format(tmp=tmp_path)
    assert said in result.stderr, result.stderr
    assert said not in result.stdout
    assert "written to" not in result.stdout
    if written is not None:
        assert (tmp_path / written).is_file()
    if stdout == "":
        assert result.stdout == ""
    elif stdout == "json":
        json.loads(result.stdout)  # exactly the JSON: nothing before or after it
    else:
        assert result.stdout.strip() and not result.stdout.lstrip().startswith("{")
