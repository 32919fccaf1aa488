"""Where every command that writes a file writes what it says: standard output holds the command's results and
nothing else (nothing at all when its result is a file), so that ``taikai … | …`` and ``--json -`` pipe only data;
where the file went, its summary, warnings and errors go to standard error (the convention in :mod:`taikai.cli`).

Regression (h306): ``suggest`` and ``train`` printed their summary and ``sheet written to …`` / ``model written to
…`` on standard output, every other command on standard error: a user who redirected standard error lost it in some
commands only, and one who piped standard output got a status line in the data."""

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from taikai.cli import cli

ROOT = Path(__file__).parents[2]

# (arguments, the status line on standard error: what was written, then the file it names, quoted for the shell (the
#  folder the tests write in has a space and Japanese in its name); or a line of the command's own for --json -,
#  the file written, what standard output holds: "" nothing, "text" the command's text report, "json" exactly the
#  JSON asked for with --json -)
WRITERS = [
    (
        ["batch", "{dump}", "-o", "{tmp}/out.csv", "--text-column", "text", "-m", "{model}"],
        ("rows classified into", "out.csv"),  # the summary's first line, which goes on: "in 0.1 s (…)"
        "out.csv",
        "",
    ),
    (
        ["train", "{data}", "--out", "{tmp}/m", "--vectors", "none", "--folds", "0", "--test-size", "0"],
        ("model written to", "m"),
        "m/metadata.json",
        "",
    ),
    (
        ["suggest", "{predictions}", "-o", "{tmp}/sheet.csv", "--n", "3"],
        ("labelling sheet written to", "sheet.csv"),
        "sheet.csv",
        "",
    ),
    (
        ["report", "{predictions}", "-o", "{tmp}/r.html", "--no-drift", "--lang", "en"],
        ("HTML report written to", "r.html"),
        "r.html",
        "",
    ),
    (
        ["evaluate", "{data}", "-m", "{model}", "--json", "{tmp}/e.json"],
        ("evaluation scores (JSON) written to", "e.json"),
        "e.json",
        "text",
    ),
    (
        ["drift", "{dump}", "-m", "{model}", "--json", "{tmp}/d.json"],
        ("drift figures (JSON) written to", "d.json"),
        "d.json",
        "text",
    ),
    (["evaluate", "{data}", "-m", "{model}", "--json", "-"], ("Scored 40 of 40 rows.", None), None, "json"),
    (["drift", "{dump}", "-m", "{model}", "--json", "-"], ("drift of ", None), None, "json"),
]
FOLDER = "出力 先"
"""The folder the commands write in: its name needs quoting in a shell."""


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
    folder = tmp_path / FOLDER
    folder.mkdir()
    names = {**inputs, "tmp": folder}
    args = [part.format(**names) for part in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    what, target = status
    said = what if target is None else f"{what} {shlex.quote(str(folder / target))}"
    if target is None or command[0] == "batch":
        assert said in result.stderr, result.stderr
    else:  # one line of its own, in one form: what was written, then the path as a shell takes it
        assert said in result.stderr.splitlines(), result.stderr
        assert f"'{folder / target}'" in said
    assert said not in result.stdout
    assert "written to" not in result.stdout
    if written is not None:
        assert (folder / written).is_file()
    if stdout == "":
        assert result.stdout == ""
    elif stdout == "json":
        json.loads(result.stdout)  # exactly the JSON: nothing before or after it
    else:
        assert result.stdout.strip() and not result.stdout.lstrip().startswith("{")
