"""An option several commands take is written the same way in each: the same short form and the same value shown in
``--help`` (``--sheet NAME|NUMBER``, ``--freq [M|ME|MS|W|W-SUN]``), but for the options listed with why they differ."""

import click
import pytest

from taikai.cli import cli

DIFFERENT = {
    "--format": "each command's own formats: predict's table and jsonl, explain's and keywords' text",
    "--json": "evaluate, drift: --json [PATH], a file or, alone, standard output; info: a flag (it prints only JSON)",
    "--output-encoding": "batch's default is utf-8 (data), suggest's utf-8-sig (a sheet for Excel): listed first",
}
"""The options shown differently on purpose, and why."""


def _commands() -> dict[str, click.Command]:
    """Return every command by its name (``rules test`` for a group's)."""
    ctx = click.Context(cli)
    found: dict[str, click.Command] = {}
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        if isinstance(command, click.Group):
            found |= {f"{name} {sub}": c for sub, c in command.commands.items()}
        elif command is not None:
            found[name] = command
    return found


def _shown() -> dict[str, dict[str, tuple[tuple[str, ...], str]]]:
    """Return, for each long option, each command's short forms and the value its --help shows (``NAME|NUMBER``)."""
    shown: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {}
    for name, command in _commands().items():
        ctx = click.Context(command, info_name=name)
        for param in command.params:
            record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
            if record is None:
                continue
            opts = [*param.opts, *param.secondary_opts]
            value = record[0].split(", ")[-1].partition(" ")[2]
            short = tuple(sorted(o for o in opts if not o.startswith("--")))
            shown.setdefault(max(param.opts, key=len), {})[name] = (short, value)
    return {option: by_command for option, by_command in shown.items() if len(by_command) > 1}


@pytest.mark.parametrize("option", sorted(set(_shown()) - set(DIFFERENT)))
def test_an_option_of_several_commands_is_written_the_same_in_each(option):
    by_command = _shown()[option]
    assert len(set(by_command.values())) == 1, by_command


@pytest.mark.parametrize("option", sorted(DIFFERENT))
def test_the_options_listed_as_different_still_differ(option):
    assert len(set(_shown()[option].values())) > 1, f"{option} is now written the same: take it out of DIFFERENT"
