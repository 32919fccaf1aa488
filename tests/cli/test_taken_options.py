"""An option given without its value, before another of the command's options, is refused naming both
(``taikai.cli._taken_options``): it no longer writes a file named after the option and leaves the option out
(``train d.csv --out --force`` wrote a model folder ``--force``); ``--json``, whose value may be left out, takes
none there (test_drift_cli)."""

import pytest
from support_commands import usage_error_line

said = usage_error_line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (  # regression: the dump compared with a file --exit-code (no such file), and --exit-code left out
            ["drift", "d.csv", "--reference", "--exit-code"],
            "drift: invalid value for --reference: '--exit-code' is an option of drift, taken as the value of "
            "--reference, which was given none: write --reference and its value before --exit-code (or "
            "--reference=--exit-code for a value of that name); see taikai drift --help",
        ),
        (
            ["evaluate", "d.csv", "--text-column", "--no-sentiment"],
            "evaluate: invalid value for --text-column: '--no-sentiment' is an option of evaluate, taken as the value "
            "of --text-column, which was given none: write --text-column and its value before --no-sentiment (or "
            "--text-column=--no-sentiment for a value of that name); see taikai evaluate --help",
        ),
        (  # regression: a model folder --force
            ["train", "d.csv", "--out", "--force"],
            "train: invalid value for --out / --output / -o: '--force' is an option of train, taken as the value of "
            "--out, which was given none: write --out and its value before --force (or --output=--force for a value "
            "of that name); see taikai train --help",
        ),
        (  # regression: an HTML page --no-drift, with the drift section
            ["report", "p.csv", "-o", "--no-drift"],
            "report: invalid value for --output / -o: '--no-drift' is an option of report, taken as the value of "
            "-o, which was given none: write -o and its value before --no-drift (or --output=--no-drift for a value "
            "of that name); see taikai report --help",
        ),
        (  # regression (h390): the required option taken, said only to be missing ("add --output PATH")
            ["batch", "x.csv", "--text-column", "-o", "out.csv"],
            "batch: invalid value for --text-column: '-o' is an option of batch, taken as the value of --text-column, "
            "which was given none: write --text-column and its value before -o (or --text-column=-o for a value of "
            "that name); see taikai batch --help",
        ),
        (
            ["train", "d.csv", "--text-column", "--out", "m"],
            "train: invalid value for --text-column: '--out' is an option of train, taken as the value of "
            "--text-column, which was given none: write --text-column and its value before --out (or "
            "--text-column=--out for a value of that name); see taikai train --help",
        ),
        (  # a short option taken
            ["batch", "x.csv", "-o", "-q"],
            "batch: invalid value for --output / -o: '-q' is an option of batch, taken as the value of -o, which was "
            "given none: write -o and its value before -q (or --output=-q for a value of that name); see taikai batch "
            "--help",
        ),
        (  # one of a repeatable option's values
            ["suggest", "p.csv", "-o", "s.csv", "--exclude", "a.csv", "--exclude", "--force"],
            "suggest: invalid value for --exclude: '--force' is an option of suggest, taken as the value of "
            "--exclude, which was given none: write --exclude and its value before --force (or --exclude=--force "
            "for a value of that name); see taikai suggest --help",
        ),
        (  # a value that is no path
            ["batch", "x.csv", "-o", "y.csv", "--prefix", "--mask-pii"],
            "batch: invalid value for --prefix: '--mask-pii' is an option of batch, taken as the value of --prefix, "
            "which was given none: write --prefix and its value before --mask-pii (or --prefix=--mask-pii for a "
            "value of that name); see taikai batch --help",
        ),
        (
            ["info", "-m", "--json"],
            "info: invalid value for --model / -m: '--json' is an option of info, taken as the value of -m, which "
            "was given none: write -m and its value before --json (or --model=--json for a value of that name); see "
            "taikai info --help",
        ),
    ],
)
def test_an_option_taken_as_another_s_value_is_refused(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    assert said(*args) == message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["info", "--model=--json"],  # joined: a folder of that name, as meant (there is none)
        ["info", "-m", "./--json"],
    ],
)
def test_a_value_of_an_option_s_name_written_so_is_taken_as_meant(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    message = said(*args)
    assert "is an option of" not in message
    assert "--json" in message or "--model" in message


@pytest.mark.parametrize(
    ("args", "name", "value"),
    [  # regression: each was refused as "an option of" the command, an argument's name taken for an option's
        (["explain", "手数料", "--format", "text"], "fmt", "text"),  # explain's TEXT; text is --format's default
        (["evaluate", "d.csv", "--text-column", "data"], "text_column", "data"),  # evaluate's DATA
        (["train", "d.csv", "-o", "m", "--sheet", "data"], "sheet", "data"),
        (["drift", "d.csv", "--text-column", "dump"], "text_column", "dump"),
        (["batch", "d.csv", "-o", "input_path"], "output", "input_path"),
    ],
)
def test_the_name_of_a_command_s_argument_is_a_value(args, name, value):
    from taikai.cli import cli

    command = cli.get_command(cli.make_context("taikai", [args[0]]), args[0])
    assert command is not None
    with command.make_context(args[0], args[1:]) as ctx:
        assert str(ctx.params[name]) == value
