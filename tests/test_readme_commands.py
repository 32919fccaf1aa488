"""Every ``taikai`` command line in a shell block of README.md and docs/*.md names a command there is, options that
command takes, and for an option of choices a value among them (``[--kind all|word|char]``: each of them), so that
a reader who runs it as written is not told the option does not exist. Options only: the blocks' files
(``reviews.csv``, ``dump.csv``) are placeholders, and what the commands print is checked by
tests/test_readme_outputs.py."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from taikai.cli import cli

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_PROGRAM = re.compile(r"^(?:\.venv/bin/)?taikai$")
_ALTERNATIVES = re.compile(r"(?<=\w)\|(?=\w)")
_OR = "\x00"


def _blocks(path: Path) -> list[tuple[int, str]]:
    """The command lines of *path*'s ``sh`` blocks, each with its line number (a line ending in ``\\`` joined to the
    next); in a block that shows a session, only its ``$ `` lines, without the prompt (the others are output)."""
    found: list[tuple[int, str]] = []
    block: list[tuple[int, str]] = []
    inside, pending = False, ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            session = any(text.startswith("$ ") for _, text in block)
            found += [(n, text.removeprefix("$ ")) for n, text in block if not session or text.startswith("$ ")]
            inside, block = line == "```sh", []
            continue
        if inside:
            pending += line.removesuffix("\\") + " "
            if not line.endswith("\\"):
                block.append((number, pending.strip()))
                pending = ""
    return found


def _command_lines() -> list[tuple[str, list[str]]]:
    """Each ``taikai`` command of the docs' shell blocks (after ``&&``, ``;`` or a pipe too), as its words without
    ``taikai``, named by its file and line; a comment is left out, an optional ``[…]`` part kept (``all|word|char``
    is one word: the values of a choice)."""
    lines = []
    for path in DOCS:
        for number, line in _blocks(path):
            line = _ALTERNATIVES.sub(_OR, line.replace("[", " ").replace("]", " "))
            lex = shlex.shlex(line, posix=True, punctuation_chars=";&|")
            lex.whitespace_split, lex.commenters = True, "#"
            words = [word.replace(_OR, "|") for word in lex]
            starts = [0] + [i + 1 for i, word in enumerate(words) if set(word) <= set(";&|")]
            for start in starts:
                if start < len(words) and _PROGRAM.match(words[start]):
                    end = next((i for i in range(start, len(words)) if set(words[i]) <= set(";&|")), len(words))
                    lines.append((f"{path.name}:{number}", words[start + 1 : end]))
    return lines


COMMANDS = _command_lines()


def test_the_docs_hold_taikai_command_lines():
    assert len(COMMANDS) > 40, COMMANDS  # the README's blocks moved or changed their fences


def _options(command: click.Command, ctx: click.Context) -> dict[str, click.Parameter]:
    return {name: param for param in command.get_params(ctx) for name in (*param.opts, *param.secondary_opts)}


@pytest.mark.parametrize(("where", "words"), COMMANDS, ids=[where for where, _ in COMMANDS])
def test_each_command_line_names_a_command_and_options_it_takes(where, words):
    ctx = click.Context(cli)
    command: click.Command = cli
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        found = command.get_command(ctx, words[0])
        assert found is not None, f"{where}: no command {words[0]!r} in {' '.join(words)}"
        command, words = found, words[1:]
    options = _options(command, ctx)
    for position, word in enumerate(words):
        if not word.startswith("-") or word == "-" or re.fullmatch(r"-\d+", word):
            continue
        name, _, joined = word.partition("=")
        assert name in options, f"{where}: {command.name} takes no {name} ({' '.join(words)})"
        param = options[name]
        if isinstance(param.type, click.Choice) and not getattr(param, "is_flag", False):
            value = joined or words[position + 1]
            choices = list(map(str, param.type.choices))
            assert all(v in choices for v in value.split("|")), f"{where}: {name} {value} is not among {choices}"
