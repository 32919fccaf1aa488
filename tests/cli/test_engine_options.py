"""Options of the other engine than --engine names are refused with what to do: leave them out, or run the engine
they belong to, on what it reads (the local engine one file, not a folder or a glob); the advice, done, works."""

import shlex

import pytest
from click.testing import CliRunner

from taikai.cli import cli

INPUTS = {"file": "dump/a.csv", "folder": "dump", "glob": "dump/*.csv"}


@pytest.mark.parametrize(
    ("given", "options", "said"),
    [
        (
            "folder",
            ["--engine", "dask", "--limit", "5"],
            "--limit applies to the local engine only, not to --engine dask: leave it out, or run the local engine "
            "(the command without --engine dask) with it on one file of {input} at a time: it reads one file, not a "
            "folder or a glob",
        ),
        (
            "glob",
            ["--engine", "dask", "--chunk-size", "10"],
            "--chunk-size applies to the local engine only, not to --engine dask: leave it out, or run the local "
            "engine (the command without --engine dask) with it on one file of {input} at a time",
        ),
        (
            "file",
            ["--engine", "dask", "--jobs", "2", "--chunk-size", "10"],
            "--jobs, --chunk-size apply to the local engine only, not to --engine dask: leave them out, or run the "
            "command without --engine dask to use them (the local engine reads this file)",
        ),
        ("file", ["--engine", "dask", "--jobs", "3"], "leave it out, or run the command without --engine dask to use"),
        ("folder", ["--engine", "dask", "--sheet", "2"], "with it on one file of {input} at a time"),
        (
            "file",
            ["--partitions", "3"],
            "--partitions applies to --engine dask only: add --engine dask to run on a Dask cluster, or leave it out",
        ),
    ],
    ids=["limit-folder", "chunk-size-glob", "jobs-file", "jobs-alone-file", "sheet-folder", "partitions-local"],
)
def test_the_other_engines_options_are_refused_with_what_to_do(tmp_path, tiny_model_dir, given, options, said):
    """Regression: the command line said only "--limit applies to the local engine only, not to --engine dask", where
    the Python API says what to do; and running the local engine on a folder or glob does not work."""
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "a.csv").write_text("text\n手数料が高い\n", encoding="utf-8")
    given_input = str(tmp_path / INPUTS[given])
    args = ["batch", given_input, "-o", str(tmp_path / "out"), "--text-column", "text", "-m", str(tiny_model_dir)]
    result = CliRunner().invoke(cli, [*args, *options])
    assert result.exit_code == 2
    assert said.format(input=shlex.quote(given_input)) in " ".join(result.stderr.split())
    assert not (tmp_path / "out").exists()


def test_following_the_advice_on_a_file_runs_the_local_engine_with_the_option(tmp_path, tiny_model_dir):
    """The advice, done: the command without --engine dask runs, with --limit."""
    (tmp_path / "a.csv").write_text("text\n手数料が高い\n単価が安い\n", encoding="utf-8")
    args = ["batch", str(tmp_path / "a.csv"), "-o", str(tmp_path / "out.csv"), "--text-column", "text", "--limit", "1"]
    args += ["-m", str(tiny_model_dir), "-q"]
    refused = CliRunner().invoke(cli, [*args, "--engine", "dask"])
    assert refused.exit_code == 2 and "run the command without --engine dask" in refused.stderr
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert len((tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()) == 2
