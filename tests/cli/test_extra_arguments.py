"""Several files given where a command reads one (a glob the shell expanded) are refused with what to do, not with
click's "Got unexpected extra argument" alone; other arguments left over, with how the command is run."""

import shlex

import pytest
from click.testing import CliRunner

from taikai.cli import cli


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "batch a.csv b.csv -o out.csv",
            "taikai: error: batch reads one INPUT file, but was given more (b.csv); if the shell expanded a glob such "
            "as data/*.csv into several files, run batch once per file, or quote the glob (taikai batch 'data/*.csv' "
            "…) and add --engine dask",
        ),
        (  # a name with brackets, as a copy saved by a browser or Windows is named, is named whole
            "batch a.csv 'b (1).csv' -o out.csv",
            "batch reads one INPUT file, but was given more (b (1).csv);",
        ),
        (
            "batch a.csv b.csv c.csv -o out.csv",
            "batch reads one INPUT file, but was given more (b.csv c.csv);",
        ),
        (
            "train a.csv b.csv -o m",
            "train reads one DATA file, but was given more (b.csv); if the shell expanded a glob such as data/*.csv "
            "into several files, give the others with --add (once per file: taikai train a.csv --add b.csv --add "
            "c.csv …)",
        ),
        ("evaluate a.csv b.csv", "evaluate reads one DATA file, but was given more (b.csv); if the shell expanded"),
        ("drift a.csv b.csv", "drift reads one DUMP file, but was given more (b.csv); if the shell expanded a glob"),
        ("report a.csv b.csv -o r.html", "report reads one PREDICTIONS file, but was given more (b.csv);"),
        ("suggest a.csv b.csv -o s.xlsx", "suggest reads one PREDICTIONS file, but was given more (b.csv);"),
        # rules test takes several rules FILEs before LABELLED: no argument is left over (tests/cli/test_rules_cli.py)
    ],
)
def test_several_files_where_one_is_read_say_what_to_do(tmp_path, monkeypatch, line, said):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, shlex.split(line))
    assert result.exit_code == 2, result.output
    assert said in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == "" and "Traceback" not in result.output and "Usage:" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("batch a.csv --nope", "taikai: error: batch has no option '--nope'"),
        ("predict --nope", "taikai: error: predict has no option '--nope'"),
        (
            "info extra",
            "taikai: error: info was given more arguments than it takes (extra): run it as taikai info [OPTIONS] "
            "(see taikai info --help)",
        ),
    ],
)
def test_other_usage_errors_get_no_hint_about_files(tmp_path, monkeypatch, line, said):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, line.split(), prog_name="taikai")
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert "reads one" not in result.output
