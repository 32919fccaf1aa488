"""An option that takes one value, given different values, is refused naming them: click kept the last without a word
(``batch in.csv -o a.csv -o b.csv`` wrote b.csv alone; ``--text-column body --text-column text`` read text), which a
command line edited in the shell's history hides. The same value given twice is read once, as given once: nothing
is dropped. Options meant to repeat (``suggest --exclude``, ``train --add``) and flags are as before.

Each value is recorded as click's parser gives it to the option (:func:`record_given`), so every way of writing one
counts alike: ``--output b.csv``, ``--output=b.csv``, ``-o b.csv``, ``-ob.csv``, ``-qo b.csv``."""

from __future__ import annotations

from typing import Any

import click

GIVEN_KEY = "taikai.given"
"""Where a command keeps, in the click context's ``meta``, each value its command line gave each option that keeps
one: the parameter's name to the values, in order (:func:`given_values`)."""


def record_given(parser: Any, ctx: click.Context) -> None:
    """Make click's *parser* of the command of *ctx* record each value it gives an option that keeps one value
    (click's ``store`` action: not a flag, a count or an option meant to repeat). The parser's tables are click's
    own, the same from click 8.1 on; a parser without them records nothing (tests/cli/test_given_twice.py fails).
    """
    given: dict[str, list[object]] = ctx.meta.setdefault(GIVEN_KEY, {})
    forms = [*getattr(parser, "_long_opt", {}).values(), *getattr(parser, "_short_opt", {}).values()]
    for option in {id(o): o for o in forms}.values():  # -o and --output: one option
        obj = getattr(option, "obj", None)
        if getattr(option, "action", None) == "store" and isinstance(obj, click.Option) and obj.name:
            setattr(option, "process", _recording(option.process, obj.name, given))  # noqa: B010


def _recording(process: Any, name: str, given: dict[str, list[object]]) -> Any:
    def recorded(value: object, state: Any) -> None:
        given.setdefault(name, []).append(value)
        process(value, state)

    return recorded


def given_values(ctx: click.Context, name: str) -> list[object]:
    """Return the values the command line gave the option of parameter *name*, in order, each once (``--json``
    given alone is its flag value, ``-``)."""
    param = next((p for p in ctx.command.get_params(ctx) if p.name == name), None)
    values = ctx.meta.get(GIVEN_KEY, {}).get(name, [])
    return list(dict.fromkeys(_read(value, param) for value in values))


def _read(value: object, param: click.Parameter | None) -> object:
    """Return *value* as the option reads it: a path from Python (``CliRunner``) as its text, an option whose value
    may be left out (``--json``) given none as its flag value."""
    if isinstance(value, (str, tuple)):
        return value
    if isinstance(param, click.Option) and getattr(param, "_flag_needs_value", False):
        return param.flag_value
    return str(value)


def refuse_given_twice(ctx: click.Context) -> None:
    """Raise :class:`click.BadParameter` for the first option of the command of *ctx* that keeps one value and was
    given different ones."""
    if ctx.resilient_parsing:  # completing a command line: nothing is run
        return
    for param in ctx.command.get_params(ctx):
        values = given_values(ctx, param.name) if isinstance(param, click.Option) and param.name else []
        if len(values) > 1:
            shown = ", ".join(map(repr, values[:-1])) + f" and {values[-1]!r}"
            raise click.BadParameter(
                f"given different values, {shown}, and it takes one value: give {param.opts[0]} once, with the value "
                "meant",
                ctx,
                param,
            )
