"""An option that takes one value, given different values, is refused naming them and the option
(``taikai.cli._given_twice``): click kept the last without a word. The same value twice, options meant to repeat and
flags given twice are read as before."""

from typing import Any

import click
import pytest
from support_commands import usage_error_line

from taikai.cli import cli


def _refused(command: str, option: str, values: str) -> str:
    return (
        f"{command}: invalid value for {option}: given different values, {values}, and it takes one value: give "
        f"{option.split(' / ')[0]} once, with the value meant (see taikai {command} --help)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (  # regression: wrote b.csv alone, a.csv never written
            ["batch", "in.csv", "-o", "a.csv", "-o", "b.csv"],
            _refused("batch", "--output / -o", "'a.csv' and 'b.csv'"),
        ),
        (  # every way of writing the option counts alike
            ["batch", "in.csv", "--output=a.csv", "-qob.csv"],
            _refused("batch", "--output / -o", "'a.csv' and 'b.csv'"),
        ),
        (  # regression: read the column text, body never looked at
            ["batch", "in.csv", "-o", "o.csv", "--text-column", "body", "--text-column=text"],
            _refused("batch", "--text-column", "'body' and 'text'"),
        ),
        (  # regression: m2 loaded
            ["predict", "手数料", "--model", "m1", "-m", "m2"],
            _refused("predict", "--model / -m", "'m1' and 'm2'"),
        ),
        (  # regression: an English page
            ["report", "p.csv", "-o", "r.html", "--lang", "ja", "--lang", "en"],
            _refused("report", "--lang", "'ja' and 'en'"),
        ),
        (  # a value given twice is named once
            ["train", "d.csv", "--out", "m1", "--output", "m2", "-o", "m1"],
            _refused("train", "--out / --output / -o", "'m1' and 'm2'"),
        ),
        (  # --json alone is --json -
            ["drift", "d.csv", "--json", "r.json", "--json"],
            _refused("drift", "--json", "'r.json' and '-'"),
        ),
        (  # the last value alone is read: one that is no good before it is named too, not checked
            ["predict", "手数料", "--format", "text", "--format", "json"],
            _refused("predict", "--format", "'text' and 'json'"),
        ),
        (  # a command of a group
            ["rules", "test", "r.toml", "d.csv", "--examples", "2", "--examples", "3"],
            _refused("rules test", "--examples", "'2' and '3'"),
        ),
    ],
)
def test_an_option_given_different_values_is_refused_naming_them(args, message):
    assert usage_error_line(*args) == message


def _parsed(*args: str) -> dict[str, object]:
    """Return the parameters ``taikai ARGS`` is read with, without running it."""
    command = cli.get_command(cli.make_context("taikai", [args[0]]), args[0])
    assert command is not None
    with command.make_context(args[0], list(args[1:])) as ctx:
        return ctx.params


@pytest.mark.parametrize(
    ("args", "name", "value"),
    [
        (["batch", "in.csv", "-o", "a.csv", "--output=a.csv"], "output", "a.csv"),  # the same value twice
        (["drift", "d.csv", "--json", "-", "--json"], "json_out", "-"),
        (["suggest", "p.csv", "-o", "s", "--exclude", "a.csv", "--exclude", "b.csv"], "exclude", ("a.csv", "b.csv")),
        (["train", "d.csv", "-o", "m", "--add", "a.csv", "--add", "b.csv"], "add", ("a.csv", "b.csv")),
        (["batch", "in.csv", "-o", "a.csv", "-q", "--quiet"], "quiet", True),  # a flag
        (["predict", "--format", "json", "--", "--format", "table"], "texts", ("--format", "table")),  # texts
    ],
)
def test_a_value_given_twice_options_meant_to_repeat_and_flags_are_read(args, name, value):
    got = _parsed(*args)[name]
    assert (tuple(map(str, got)) if isinstance(got, tuple) else str(got) if name != "quiet" else got) == value


def _one_value_options() -> list[tuple[str, str]]:
    """Return each command (``rules test`` for a command of a group) with each of its options that take one value:
    not a flag, a count nor one meant to repeat."""
    ctx = cli.make_context("taikai", ["info"])
    found = []
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        subcommands = getattr(command, "commands", {})
        for path in [f"{name} {sub}" for sub in subcommands] or [name]:
            found += [(path, p.opts[0]) for p in _command(path).params if _takes_one_value(p)]
    return found


def _takes_one_value(param: click.Parameter) -> bool:
    return isinstance(param, click.Option) and not (param.is_flag or param.count or param.multiple)


def _command(path: str) -> click.Command:
    command: Any = cli
    for name in path.split():
        command = command.get_command(cli.make_context("taikai", ["info"]), name)
    return command


def _two_values(param: click.Parameter) -> tuple[str, str]:
    """Return two different values *param* reads."""
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[0]), str(param.type.choices[1])
    if param.name and param.name.endswith("encoding"):
        return "utf-8", "cp932"
    if param.name == "freq":
        return "M", "W"
    if param.name == "tz":  # a time zone: "a" is none
        return "UTC", "Asia/Tokyo"
    return ("1", "2") if isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)) else ("a", "b")


@pytest.mark.parametrize(("path", "option"), _one_value_options())
def test_every_option_that_takes_one_value_is_refused_given_two(path, option):
    command = _command(path)
    param = next(p for p in command.params if p.opts[0] == option)
    first, second = _two_values(param)
    needed = [p for p in command.params if p.required and p is not param]
    args = [a for p in needed for a in (["x"] if isinstance(p, click.Argument) else [p.opts[0], "x"])]
    with pytest.raises(click.BadParameter) as refused:
        command.make_context(path, [*args, option, first, option, second])
    assert refused.value.param is param
    said = refused.value.message  # --rules says how to join two rules files (test_rules_cli)
    assert f"given different values, {first!r} and {second!r}" in said or f"({first!r}, {second!r})" in said
