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


@pytest.mark.parametrize(
    ("args", "said", "advice"),
    [
        (
            ["train", "{csv}", "--out=~/m"],
            "train: invalid value for --out / --output / -o: '~/m' begins with ~",
            "write --out ~/m, not --out=~/m",
        ),
        (
            ["evaluate", "{csv}", "--model=~/m"],
            "evaluate: invalid value for --model / -m: '~/m' begins with ~",
            "write --model ~/m, not --model=~/m",
        ),
        (
            ["batch", "{csv}", "--output=~/o.csv", "--text-column", "text"],
            "batch: invalid value for --output / -o: '~/o.csv' begins with ~",
            "write --output ~/o.csv",
        ),
        (["batch", "~/in.csv", "-o", "o.csv"], "batch: invalid value for INPUT: '~/in.csv' begins with ~", "unquoted"),
        (
            ["predict", "--rules=~/r.toml", "本業が忙しい"],
            "predict: invalid value for --rules: '~/r.toml' begins with ~",
            "write --rules ~/r.toml",
        ),
        (
            ["drift", "{csv}", "--json=~/d.json"],
            "drift: invalid value for --json: '~/d.json' begins with ~",
            "write --json ~/d.json",
        ),
        (  # the library's words before: "~/s.xlsx, given to add= (--add …): no such file (…, or in Python Path(…)"
            ["train", "{csv}", "--add=~/s.xlsx", "-o", "m"],
            "train: invalid value for --add: '~/s.xlsx' begins with ~",
            "write --add ~/s.xlsx, not --add=~/s.xlsx",
        ),
        (
            ["train", "{csv}", "--add", "{csv}", "--add=~/s.xlsx", "-o", "m"],
            "train: invalid value for --add: '~/s.xlsx' begins with ~",
            "write --add ~/s.xlsx",
        ),
        (
            ["suggest", "{csv}", "--exclude=~/s.xlsx", "-o", "s.xlsx"],
            "suggest: invalid value for --exclude: '~/s.xlsx' begins with ~",
            "write --exclude ~/s.xlsx, not --exclude=~/s.xlsx",
        ),
    ],
)
def test_a_path_under_a_tilde_no_shell_expanded_is_refused_in_the_command_line_s_words(
    args, said, advice, tiny_csv, tmp_path, monkeypatch
):
    """Regression: --out=~/m (bash expands no ~ after =) was refused in the library's words, naming the Python
    argument and Python's advice ("out='~/m' begins with ~ …, or in Python Path('~/m').expanduser()"); said of the
    option, with how to write it on the command line. Nothing is written into a folder ~ of the current one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(cli, [arg.format(csv=tiny_csv) for arg in args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: " + said), result.stderr
    assert advice in result.stderr and "give the full path" in result.stderr, result.stderr
    assert "Python" not in result.stderr, result.stderr
    assert not (tmp_path / "~").exists()


@pytest.mark.parametrize(
    ("args", "said", "advice", "fixed"),
    [
        (
            ["batch", "{csv}", "-o=out.csv", "--text-column", "text", "--prefix", "pred_"],
            "batch: invalid value for --output / -o: '=out.csv' begins with =, as -o=out.csv gives it",
            "write -o out.csv or --output=out.csv (./=out.csv for a name that begins with =)",
            ["-o", "out.csv"],
        ),
        (
            ["train", "{csv}", "-o=m"],
            "train: invalid value for --out / --output / -o: '=m' begins with =",
            "write -o m or --out=m (",
            ["-o", "m"],
        ),
        (
            ["train", "{csv}", "-o=~/m"],
            "train: invalid value for --out / --output / -o: '=~/m' begins with =",
            "write -o ~/m (./=~/m",  # not --out=~/m, which is refused: no shell expands that ~
            None,
        ),
        (
            ["report", "{csv}", "-o=r.html"],
            "report: invalid value for --output / -o: '=r.html' begins with =",
            "write -o r.html or --output=r.html",
            None,
        ),
        (
            ["suggest", "{csv}", "-o=s.xlsx"],
            "suggest: invalid value for --output / -o: '=s.xlsx' begins with =",
            "write -o s.xlsx or --output=s.xlsx",
            None,
        ),
        (
            ["batch", "{csv}", "-o=", "--text-column", "text"],
            "batch: invalid value for --output / -o: '=' is what -o= gives (a short option takes no =)",
            "write -o and the path after a space",
            None,
        ),
        (  # Regression: --output==r.html was told "as -o==r.html gives it (a short option takes no =)"
            ["report", "{csv}", "--output==r.html"],
            "report: invalid value for --output / -o: '=r.html' begins with =, as --output==r.html gives it (one = "
            "too many)",
            "write --output r.html or --output=r.html",
            None,
        ),
        (
            ["batch", "{csv}", "--output==", "--text-column", "text"],
            "batch: invalid value for --output / -o: '=' is what --output== gives (one = too many)",
            "write --output and the path after a space",
            None,
        ),
        (
            ["info", "-m=mine"],
            "info: invalid value for --model / -m: '=mine' begins with =",
            "write -m mine or --model=mine",
            None,
        ),
    ],
)
def test_a_short_option_joined_by_an_equals_sign_is_refused_with_how_to_write_it(
    args, said, advice, fixed, tiny_csv, tmp_path, monkeypatch
):
    """Regression: -o=out.csv (a short option takes no =, so its value was '=out.csv') wrote a file named =out.csv,
    and train -o=~/m a model into the folder =~/m; refused, nothing written, and the advice works as written."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    filled = [arg.format(csv=tiny_csv) for arg in args]
    result = CliRunner().invoke(cli, filled)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("taikai: error: " + said), result.stderr
    assert advice in result.stderr, result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("=")]
    if fixed is not None:  # the advice followed: the same command with the option written apart
        at = next(i for i, arg in enumerate(filled) if arg.startswith("-o="))
        redone = CliRunner().invoke(cli, [*filled[:at], *fixed, *filled[at + 1 :]])
        assert redone.exit_code == 0, redone.output
        assert (tmp_path / fixed[1]).exists()


def test_a_name_that_begins_with_an_equals_sign_is_given_as_a_path(tiny_csv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["batch", str(tiny_csv), "-o", "./=out.csv", "--text-column", "text", "--prefix", "pred_", "--quiet"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "=out.csv").exists()
