"""The type of a command's file arguments and options: a path given as ``""`` (or blanks) is refused, naming the
argument or option, rather than read as the current folder (``Path("")`` is ``.``); so is one that begins with a
``~`` no shell expanded (:func:`refuse_unexpanded`), and one that begins with the ``=`` of ``-o=out.csv``
(:func:`refuse_joined_equals`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from taikai.cli._plain_types import joined_form, why_joined, written_apart

DATA_FILE = "a data file (CSV, TSV, JSONL, Parquet or xlsx)"
"""What to give where a data file is read."""
PREDICTIONS_FILE = "a predictions file (taikai batch output)"
"""What to give where taikai batch's output is read."""


class GivenPath(click.Path):
    """A path as :class:`click.Path` returns it (a :class:`~pathlib.Path`), refused when empty or blank with what to
    give instead (*give*: ``a data file …``)."""

    def __init__(self, give: str) -> None:
        super().__init__(path_type=Path)
        self.give = give

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        refuse_empty(value, self.give, ctx, param)
        refuse_unexpanded(value, ctx, param)
        return super().convert(value, param, ctx)


def refuse_empty(value: object, give: str, ctx: click.Context | None, param: click.Parameter | None) -> None:
    """Raise :class:`click.BadParameter` when *value*, given to *param*, is ``""`` (said to be empty) or blanks (said
    to be blank), with what to *give* instead (``the directory of a trained model``): the one wording of every file
    argument and option, as the library's (:func:`taikai.io.check_not_empty`)."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter(f"{value!r} is {'empty' if not value else 'blank'}: give {give}", ctx, param)


def refuse_unexpanded(value: object, ctx: click.Context | None, param: click.Parameter | None) -> None:
    """Raise :class:`click.BadParameter` when *value*, given to *param*, begins with a ``~`` that names no file or
    folder here (:func:`taikai.errors.unexpanded_home`): a shell expands ``~`` only unquoted at the start of a word,
    not after ``--out=``, and taikai reads a path as it is (it would write into a folder ``~`` of the current one).
    Said in the command line's words, not the library's (``out=``, ``Path(...).expanduser()``)."""
    from taikai.errors import unexpanded_home

    refuse_joined_equals(value, ctx, param)
    if not isinstance(value, str) or not unexpanded_home(value):
        return
    option = next((o for o in param.opts if o.startswith("--")), None) if isinstance(param, click.Option) else None
    apart = f"write {option} {value}, not {option}={value}, or " if option else "leave it unquoted, or "
    raise click.BadParameter(
        f"{value!r} begins with ~, which no shell expanded (a shell expands ~ only unquoted at the start of a word): "
        f"{apart}give the full path",
        ctx,
        param,
    )


def refuse_joined_equals(value: object, ctx: click.Context | None, param: click.Parameter | None) -> None:
    """Raise :class:`click.BadParameter` when *value*, given to an option with a short form (``-o``, ``-m``), begins
    with ``=``: a short option takes no ``=`` (``-o=out.csv`` gives ``-o`` the value ``=out.csv``), and the file or
    folder would be named ``=out.csv``. A name that begins with ``=`` is still given as ``./=out.csv``."""
    if not isinstance(value, str) or not value.startswith("=") or not isinstance(param, click.Option):
        return
    form = joined_form(param, value, ctx)
    if form is None:
        return
    meant = value[1:]
    if not meant.strip():  # -o= alone
        given, why = why_joined(form, value)
        raise click.BadParameter(
            f"{value!r} is what {given} gives ({why}): write {form} and the path after a space",
            ctx,
            param,
        )
    # --out=~/m is refused: no shell expands that ~
    apart = written_apart(param, form, value, long=not meant.startswith("~"))
    raise click.BadParameter(f"{value!r} begins with =, {apart} (./{value} for a name that begins with =)", ctx, param)


def refuse_unexpanded_each(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Return the *values* of a repeatable path option (``--add``, ``--exclude``); refuse one that begins with a ``~``
    no shell expanded (``--add=~/s.xlsx``) as every other path option does (:func:`refuse_unexpanded`), in the
    command line's words. An empty one is left to the library, which names it by its place among them."""
    for value in values:
        refuse_unexpanded(value, ctx, param)
    return values
