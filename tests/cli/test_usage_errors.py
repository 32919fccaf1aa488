"""click's own usage errors come out as one ``taikai: error:`` line that names the command, says what went wrong and
what to do, and points to the command's ``--help`` (``taikai.cli._usage_errors``), not as click's usage block and
``Error: …``; the help a group given nothing prints is kept."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from support_commands import usage_error_line

import taikai
from taikai.cli import cli

SRC = Path(taikai.__file__).resolve().parents[1]
"""The code under test, for the processes started: the console script's own install may be another checkout."""
COMMANDS = "batch, drift, evaluate, explain, info, keywords, predict, report, rules, suggest and train"


said = usage_error_line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (  # a missing argument
            ["batch"],
            "batch needs INPUT, which is missing: run taikai batch [OPTIONS] INPUT (see taikai batch --help)",
        ),
        (
            ["rules", "test"],
            "rules test needs FILE, which is missing: run taikai rules test [OPTIONS] FILE... LABELLED "
            "(see taikai rules test --help)",
        ),
        (  # a missing option
            ["batch", "x.csv"],
            "batch needs --output / -o, which is missing: add --output PATH (see taikai batch --help)",
        ),
        (  # an unknown command: the closest, else the commands there are
            ["predcit", "手数料が高い"],
            "taikai has no command 'predcit': did you mean predict? (taikai predict --help says how to run it)",
        ),
        (["Batch"], "taikai has no command 'Batch': did you mean batch? (taikai batch --help says how to run it)"),
        (
            ["rules", "tset"],
            "rules has no command 'tset': did you mean test? (taikai rules test --help says how to run it)",
        ),
        (
            ["frobnicate"],
            f"taikai has no command 'frobnicate'; its commands are {COMMANDS} (taikai --help says what each does)",
        ),
        (["--"], f"taikai needs a command, one of {COMMANDS} (see taikai --help)"),
        # help as a command, as git and pip take it (h390: was told the commands, not where help is)
        (["help", "batch"], "taikai has no command 'help': run taikai batch --help"),
        (["help"], "taikai has no command 'help': run taikai --help, or taikai COMMAND --help for one command"),
        (
            ["Help", "nothing"],
            "taikai has no command 'Help': run taikai --help, or taikai COMMAND --help for one command",
        ),
        (
            ["rules", "help", "test"],
            "rules has no command 'help': run taikai rules test --help",
        ),
        (  # an unknown option: the closest, else the pointer to the options
            ["batch", "x.csv", "--jbos", "2"],
            "batch has no option '--jbos': did you mean --jobs? (see taikai batch --help)",
        ),
        (
            ["predict", "--modle", "m", "x"],
            "predict has no option '--modle': did you mean --model? (see taikai predict --help)",
        ),
        (["batch", "x.csv", "--nope"], "batch has no option '--nope': taikai batch --help lists its options"),
        (  # the first word of an option: too short for a misspelling (regression: "taikai batch --help lists its
            # options" for a beginner's --id and --text)
            ["batch", "x.csv", "-o", "y.csv", "--id", "ID"],
            "batch has no option '--id': did you mean --id-column? (see taikai batch --help)",
        ),
        (
            ["drift", "x.csv", "--text", "本文"],
            "drift has no option '--text': did you mean --text-column? (see taikai drift --help)",
        ),
        (
            ["drift", "x.csv", "--date", "d"],
            "drift has no option '--date': did you mean --date-column? (see taikai drift --help)",
        ),
        (["--frob"], "taikai has no option '--frob': taikai --help lists its options"),
        (  # Regression (h394): an option of the command given before its name was said to be no option at all
            ["--model", "m", "predict", "x"],
            "taikai has no option '--model': --model is an option of predict, which goes after the command's name: "
            "taikai predict --model … (see taikai predict --help)",
        ),
        (
            ["-m", "m", "explain", "x"],
            "taikai has no option '-m': -m is an option of explain, which goes after the command's name: "
            "taikai explain -m … (see taikai explain --help)",
        ),
        (
            ["--format=json", "predict", "x"],
            "taikai has no option '--format': --format is an option of predict, which goes after the command's name: "
            "taikai predict --format … (see taikai predict --help)",
        ),
        (
            ["--json", "info"],
            "taikai has no option '--json': --json is an option of info, which goes after the command's name: "
            "taikai info --json … (see taikai info --help)",
        ),
        (["--verbose", "predict", "x"], "taikai has no option '--verbose': taikai --help lists its options"),
        (  # Regression (h394): and taikai's own, given after a command
            ["predict", "--version"],
            "predict has no option '--version': --version is an option of taikai, which goes before the command: "
            "taikai --version",
        ),
        (["--out", "x", "rules", "test"], "taikai has no option '--out': taikai --help lists its options"),
        (  # regression: evaluate and info take --json; predict and explain said only to read their --help
            ["predict", "x", "--json"],
            "predict has no option '--json': did you mean --format json? (see taikai predict --help)",
        ),
        (
            ["explain", "x", "--jsonl"],
            "explain has no option '--jsonl': taikai explain --help lists its options",  # explain has no jsonl
        ),
        (
            ["explain", "x", "--json"],
            "explain has no option '--json': did you mean --format json? (see taikai explain --help)",
        ),
        (
            ["keywords", "--char"],
            "keywords has no option '--char': did you mean --kind char? (see taikai keywords --help)",
        ),
        (  # a value of two options names both (regression: --parquet was offered --quiet)
            ["batch", "x.csv", "--parquet"],
            "batch has no option '--parquet': did you mean --input-format parquet or --output-format parquet? "
            "(see taikai batch --help)",
        ),
        (  # regression (h173): a long option was matched to a short one: "did you mean -o?" for --no and --ou,
            # "-h?" for --ch
            ["batch", "x.csv", "-o", "y.csv", "--no"],
            "batch has no option '--no': taikai batch --help lists its options",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--ou", "x"],
            "batch has no option '--ou': taikai batch --help lists its options",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--ch", "9"],
            "batch has no option '--ch': taikai batch --help lists its options",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "-Q"],
            "batch has no option '-Q': did you mean -q? (see taikai batch --help)",
        ),
        (  # a bad value; regression: click's type names ("is not a valid integer range", "x>=0") said plainly
            ["batch", "x.csv", "-o", "y.csv", "--jobs", "x"],
            "batch: invalid value for --jobs / -j: 'x' is not a whole number (0 or more); see taikai batch --help",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--jobs", "-1"],
            "batch: invalid value for --jobs / -j: -1 is not 0 or more (see taikai batch --help)",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--chunk-size", "1.5"],
            "batch: invalid value for --chunk-size: '1.5' is not a whole number (1 or more); see taikai batch --help",
        ),
        (
            ["suggest", "p.csv", "-o", "y.csv", "--n", "0"],
            "suggest: invalid value for --n: 0 is not 1 or more (see taikai suggest --help)",
        ),
        (  # regression: a negative seed reached numpy, a traceback ("expected non-negative integer")
            ["suggest", "p.csv", "-o", "y.csv", "--seed", "-1"],
            "suggest: invalid value for --seed: -1 is not 0 or more (see taikai suggest --help)",
        ),
        (
            ["train", "d.csv", "-o", "m", "--test-size", "abc"],
            "train: invalid value for --test-size: 'abc' is not a number (see taikai train --help)",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--engine", "foo"],
            "batch: invalid value for --engine: 'foo' is not one of 'local', 'dask' (see taikai batch --help)",
        ),
        # a value close to one of the choices is told it (h390: 'xlxs' was told only the five formats)
        (
            ["batch", "x.csv", "-o", "y.csv", "--output-format", "xlxs"],
            "batch: invalid value for --output-format: 'xlxs' is not one of 'csv', 'tsv', 'jsonl', 'parquet', 'xlsx': "
            "did you mean 'xlsx'? (see taikai batch --help)",
        ),
        (
            ["predict", "--format", "tabel", "手数料"],
            "predict: invalid value for --format: 'tabel' is not one of 'table', 'json', 'jsonl': did you mean "
            "'table'? (see taikai predict --help)",
        ),
        (
            ["report", "p.csv", "-o", "r.html", "--lang", "EN"],
            "report: invalid value for --lang: 'EN' is not one of 'ja', 'en': did you mean 'en'? (see taikai report "
            "--help)",
        ),
        (
            ["predict", "--format", "csv", "手数料"],
            "predict: invalid value for --format: 'csv' is not one of 'table', 'json', 'jsonl' (see taikai predict "
            "--help)",
        ),
        (  # taikai's own message for a value keeps its advice
            ["train", "d.csv", "-o", " "],
            "train: invalid value for --out / --output / -o: ' ' is blank: give the directory to write the model "
            "into (it is created); see taikai train --help",
        ),
        (  # an option without its value, or with one it does not take
            ["batch", "x.csv", "-o"],
            "batch: the option -o needs a value, and none was given: write -o PATH (see taikai batch --help)",
        ),
        (  # regression: "write --jobs INTEGER RANGE"
            ["batch", "x.csv", "-o", "y.csv", "--jobs"],
            "batch: the option --jobs needs a value, and none was given: write --jobs N, a whole number 0 or more "
            "(see taikai batch --help)",
        ),
        (
            ["train", "d.csv", "-o", "m", "--test-size"],
            "train: the option --test-size needs a value, and none was given: write --test-size X, a number "
            "(see taikai train --help)",
        ),
        (
            ["batch", "x.csv", "-o", "y.csv", "--engine"],
            "batch: the option --engine needs a value, and none was given: write --engine [local|dask] "
            "(see taikai batch --help)",
        ),
        (
            ["info", "--metadata-only=yes"],
            "info: the option --metadata-only takes no value: write --metadata-only alone (see taikai info --help)",
        ),
        (  # arguments left over
            ["info", "extra"],
            "info was given more arguments than it takes (extra): run it as taikai info [OPTIONS] "
            "(see taikai info --help)",
        ),
        (  # a text taken for an option keeps its hint
            ["predict", "-x"],
            "predict has no option '-x' (see taikai predict --help); to give a text that starts with '-', put -- "
            "before it: taikai predict -- -x",
        ),
    ],
)
def test_click_s_usage_errors_are_one_taikai_line(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert said(*args) == message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [[], ["rules"]])
def test_a_group_given_nothing_still_prints_its_help(args):
    result = CliRunner().invoke(cli, args, prog_name="taikai")
    assert result.exit_code in (0, 2)  # 2 from click 8.2 on
    assert "Usage: taikai" in result.output and "Commands:" in result.output
    assert "taikai: error" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frobnicate"], "taikai: error: taikai has no command 'frobnicate'; its commands are"),
        (["batch", "x.csv", "-o"], "taikai: error: batch: the option -o needs a value, and none was given"),
    ],
)
def test_python_m_taikai_and_the_console_script_say_the_same(tmp_path, args, message):
    script = Path(sys.executable).parent / "taikai"
    if not script.exists():
        pytest.skip("the taikai console script is not installed beside this interpreter")
    env = os.environ | {"PYTHONPATH": str(SRC)}
    ran = [
        subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)
        for command in ([sys.executable, "-m", "taikai", *args], [str(script), *args])
    ]
    assert [(done.returncode, done.stdout, done.stderr) for done in ran] == [(2, "", ran[0].stderr)] * 2
    assert ran[0].stderr.startswith(message) and ran[0].stderr.count("\n") == 1, ran[0].stderr


@pytest.mark.parametrize(
    ("given", "names", "meant"),
    [
        ("--id", ["--id-column", "--text-column"], "--id-column"),
        ("--reference", ["--reference-encoding", "--reference-sheet"], None),  # several: none is the one
        ("--text", ["--texts", "--text_column"], None),  # not a word of theirs
        ("-t", ["-t-x"], None),  # a short option is no word
    ],
)
def test_extended_finds_the_one_option_a_first_word_begins(given, names, meant):
    from taikai.cli._usage_errors import _extended

    assert _extended(given, names) == meant


_BAD_RULES = (
    '[[rule]]\nname = "a"\nlabel = "fees"\nany = []\n\n[[rule]]\nname = "b"\nlabel = "feez"\nany = ["手数料"]\n'
)
_BAD_SPLIT = "text,reasons,sentiment,split\n手数料が高い,fees,negative,tset\n時間がない,time,negative,test\n"


@pytest.mark.parametrize(
    ("files", "args", "said"),
    [
        (
            {"r.toml": _BAD_RULES},
            ["rules", "test", "r.toml", "{tiny_csv}", "-m", "{model}"],
            [
                "r.toml:1: rule 'a' (rule 1 of the file): the rule matches nothing",
                "r.toml:6: rule 'b'",
                "the model's reasons are",
            ],
        ),
        (
            {"d.csv": _BAD_SPLIT},
            ["evaluate", "d.csv", "--split", "test", "-m", "{model}"],
            ["d.csv: column 'split' must hold train or test", "  d.csv:2: split 'tset'", "what to do: "],
        ),
    ],
    ids=["rules file", "split values"],
)
def test_each_line_of_an_error_is_in_the_one_form(tmp_path, monkeypatch, tiny_csv, tiny_model_dir, files, args, said):
    """Regression: an error listing its problems a line each printed only its first as ``taikai: error: …``, the
    others bare, which a log read a line at a time (grep 'taikai: error') lost."""
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [a.format(tiny_csv=tiny_csv, model=tiny_model_dir) for a in args]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == len(said) and all(line.startswith("taikai: error: ") for line in lines), lines
    assert [line.removeprefix("taikai: error: ").startswith(s) for line, s in zip(lines, said)] == [True] * len(said)
