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
from taikai.io._summary_owner import SUMMARY_SUFFIX

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


def _batch_outputs(lines: list[str]) -> list[str]:
    """The ``-o`` of every ``taikai batch`` run on a file of the repository (``data/…``) in *lines*."""
    outputs = []
    for line in (line for line in lines if "taikai batch data/" in line and not line.startswith(" ")):
        for words in _taikai_lines(line.replace(".venv/bin/taikai ", "taikai ")):
            if words[:1] == ["batch"] and words[1].startswith("data/") and "-o" in words:
                outputs.append(words[words.index("-o") + 1])
    return outputs


def test_no_two_example_outputs_share_a_summary():
    """A new user runs the README's first screen, its command block and each help's examples in one folder: two
    outputs of one stem (predictions.csv, predictions.parquet) share OUTPUT_STEM.summary.json, and the second run
    is refused; every batch example must write under a stem of its own."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    outputs = _batch_outputs(readme) + _batch_outputs([line for lines in EXAMPLES.values() for line in lines])
    assert len(outputs) > 5, outputs
    by_summary: dict[str, set[str]] = {}
    for output in outputs:
        by_summary.setdefault(str(Path(output).with_suffix(SUMMARY_SUFFIX)), set()).add(output)
    shared = {summary: sorted(names) for summary, names in by_summary.items() if len(names) > 1}
    assert not shared, f"outputs that share a summary, the later run refused: {shared}"
