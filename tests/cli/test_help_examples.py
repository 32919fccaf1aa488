"""Every command's ``--help`` ends with examples, and every ``taikai`` command line shown there parses: the command
exists, each option is one it takes, a choice's value is among its choices, its arguments are there, so that an
example cannot go stale (as tests/test_readme_commands.py checks the README's)."""

from __future__ import annotations

import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.cli._examples import EXAMPLES, HEAD

ROOT = Path(__file__).parents[2]


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    """Every command the user runs (``rules test``, not the group ``rules``), as typed after ``taikai``."""
    ctx = click.Context(group)
    names = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            names += _commands(command, f"{prefix}{name} ")
        else:
            names.append(f"{prefix}{name}")
    return names


COMMANDS = _commands(cli)


def _shown(command: str, width: int) -> list[str]:
    """The example lines ``taikai COMMAND --help`` prints (its terminal *width* wide), without their indent."""
    result = CliRunner().invoke(cli, [*command.split(), "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    _, head, after = result.stdout.partition("\n  Examples (")  # the head: wrapped on a narrow terminal
    assert head, f"taikai {command} --help has no examples:\n{result.stdout}"
    assert " ".join((head + after).split()).startswith(HEAD), result.stdout
    block = after.split("\n\n", 1)[1]  # the lines below the head's paragraph
    return [line.strip() for line in block.splitlines() if line.strip()]


def _taikai_lines(line: str) -> list[list[str]]:
    """The ``taikai`` commands of a shell *line* (after a pipe, ``;`` or ``&&`` too), each as its words after
    ``taikai``, without a trailing comment."""
    lex = shlex.shlex(line, posix=True, punctuation_chars=";&|")
    lex.whitespace_split, lex.commenters = True, "#"
    words = list(lex)
    commands, current = [], None
    for word in [*words, ";"]:
        if set(word) <= set(";&|"):
            if current is not None:
                commands.append(current)
            current = None
        elif current is not None:
            current.append(word)
        elif word == "taikai":
            current = []
    return commands


def test_every_command_has_examples():
    assert COMMANDS and sorted(EXAMPLES) == sorted(COMMANDS)


@pytest.mark.parametrize("width", [40, 200], ids=["narrow", "wide"])
@pytest.mark.parametrize("command", COMMANDS)
def test_the_help_shows_the_examples_one_per_line(command, width):
    """Each example on a line of its own, as written, however narrow the terminal (a wrapped one cannot be pasted)."""
    assert _shown(command, width) == list(EXAMPLES[command])


@pytest.mark.parametrize("command", COMMANDS)
def test_every_example_line_parses(monkeypatch, command):
    monkeypatch.chdir(ROOT)  # the examples' files are the repository's (data/, examples/)
    lines = _shown(command, 80)
    ran = [words for line in lines for words in _taikai_lines(line)]
    assert len(ran) >= len(lines), lines  # every line runs taikai
    assert any(words[: len(command.split())] == command.split() for words in ran), "no example of the command itself"
    for words in ran:
        ctx, target, rest = click.Context(cli, info_name="taikai"), cli, list(words)
        while isinstance(target, click.Group):  # rules test: the group's command
            found = target.get_command(ctx, rest[0])
            assert found is not None, f"taikai {' '.join(words)}: no command {rest[0]}"
            ctx, target, rest = click.Context(found, info_name=rest[0], parent=ctx), found, rest[1:]
        # click's own parse of the words: an unknown option, a value outside a choice, a missing argument, a
        # bad number or an option without its value raises a UsageError naming it
        with target.make_context(ctx.info_name, rest, parent=ctx.parent) as parsed:
            assert not parsed.args, f"taikai {' '.join(words)}: left over {parsed.args}"
