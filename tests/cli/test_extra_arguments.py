"""Several files given where a command reads one (a glob the shell expanded) are refused with what to do, not with
click's "Got unexpected extra argument" alone."""

import pytest
from click.testing import CliRunner

from taikai.cli import cli


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "batch a.csv b.csv -o out.csv",
            "Got unexpected extra argument (b.csv). batch reads one INPUT file; if the shell expanded a glob such as "
            "data/*.csv into several files, run batch once per file, or quote the glob (taikai batch 'data/*.csv' "
            "…) and add --engine dask",
        ),
        (
            "batch a.csv b.csv c.csv -o out.csv",
            "Got unexpected extra arguments (b.csv c.csv). batch reads one INPUT file;",
        ),
        (
            "train a.csv b.csv -o m",
            "train reads one DATA file; if the shell expanded a glob such as data/*.csv into several files, give the "
            "others with --add (once per file: taikai train a.csv --add b.csv --add c.csv …)",
        ),
        ("evaluate a.csv b.csv", "evaluate reads one DATA file; if the shell expanded a glob such as data/*.csv"),
        ("drift a.csv b.csv", "drift reads one DUMP file; if the shell expanded a glob such as data/*.csv"),
        ("report a.csv b.csv -o r.html", "report reads one PREDICTIONS file;"),
        ("suggest a.csv b.csv -o s.xlsx", "suggest reads one PREDICTIONS file;"),
        (
            "rules test rules.toml a.csv b.csv",
            "rules test reads one LABELLED file; if the shell expanded a glob such as data/*.csv into several files, "
            "run rules test once per file, or join the files into one first",
        ),
    ],
)
def test_several_files_where_one_is_read_say_what_to_do(tmp_path, monkeypatch, line, said):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("batch a.csv --nope", "No such option '--nope'"),
        ("predict --nope", "No such option '--nope'"),
        ("info extra", "Got unexpected extra argument (extra)"),
    ],
)
def test_other_usage_errors_are_click_s_own(tmp_path, monkeypatch, line, said):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, line.split())
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert "reads one" not in result.output
