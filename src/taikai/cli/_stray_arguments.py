"""Arguments written without the option they are the value of: ``taikai batch in.csv out.csv`` (the output without
``-o``), ``taikai batch in.csv -o out.csv 口コミ`` (the column without ``--text-column``). click says only that
``--output`` is missing, or that an argument is left over (which taikai read as a glob the shell expanded): here each
stray argument is said as what it most likely is, with the option that takes it, so that the command line can be
fixed as written.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import click

from taikai._model_files import holds_model, names_model_file
from taikai.cli._given_twice import given_values
from taikai.cli._plain_types import ARGS_KEY

SHOWN = 3
"""Most stray arguments said one by one."""


def stray_arguments(ctx: click.Context) -> list[str]:
    """Return the arguments of the command line of *ctx* past those its arguments take (``out.csv`` of ``batch
    in.csv out.csv``), as written; ``[]`` for a command whose last argument takes any number, or a command line
    click's parser refuses."""
    return _parsed(ctx)[1]


def stray_hints(ctx: click.Context, strays: list[str], output: click.Option | None = None) -> str:
    """Return what each of *strays* (arguments of the command of *ctx* left over) most likely is, ``""`` for none: a
    column of the command's data file, with the options not given that take it (the column of reviews:
    ``'口コミ' is a column of in.csv: write --text-column '口コミ'``; another, the other column options, such as
    ``--id-column`` or ``--by``); a model directory or model file, with ``--model`` and the directory (``taikai
    evaluate d.csv models/mine``); else, when *output* (the option naming the file to write) is missing, a name of
    no file yet, or of a file of another kind than the data file, as the output (``out.csv, after INPUT, reads as the
    output: write --output out.csv``; ``r.html``), never a file of the data file's kind, which a glob the shell
    expanded gives (``taikai batch *.csv``) and which the output would overwrite. First, a data file whose name holds
    spaces, given unquoted (``taikai batch My Reviews.csv``), which the shell split into it and strays."""
    if not strays:
        return ""
    data, columns, reviews = _data_columns(ctx)
    hints: list[str] = []
    split = _split_name(data, strays)
    if split:  # My Reviews.csv, unquoted: INPUT My, then Reviews.csv
        name = " ".join([data, *strays[:split]])
        hints.append(f"{name!r} is one file, whose name the shell split at its spaces: quote it, {shlex.quote(name)}")
        strays = strays[split:]
        data, columns, reviews = _columns(name)
    cut = _split_value(ctx, strays, columns)
    if cut is not None:  # -o 結果 一覧.xlsx: the output 結果, then 一覧.xlsx
        option, name, count = cut
        split_at = "which the shell split at its spaces: quote it"
        hints.append(f"{name!r} is one name, {split_at}, {option} {shlex.quote(name)}")
        strays = strays[count:]
    for stray in strays[:SHOWN]:
        if stray in columns:
            options = _column_options(ctx, stray in reviews)
            if options:
                written = " or ".join(f"{o} {shlex.quote(stray)}" for o in options)
                hints.append(f"{stray!r} is a column of {data}: write {written}")
        elif (holds_model(stray) or names_model_file(stray)) and (model := _free_option(ctx, "model_path")):
            folder = os.path.dirname(stray) or "." if names_model_file(stray) else stray
            what = "a model directory" if folder == stray else "a model's file"
            hints.append(f"{stray} is {what}: write {model} {shlex.quote(folder)}")
        elif output is not None and not _globbed(stray, data):
            said = f"{stray}, after {_data_name(ctx)}, reads as the output: write {_spelled(output)}"
            hints.append(f"{said} {shlex.quote(stray)}")
            output = None  # one output
    return "; ".join(hints)


def _split_name(data: str, strays: list[str]) -> int:
    """Return how many of *strays* are the rest of the name of a file that the data argument *data* begins (``My``,
    then ``Reviews.csv``: ``My Reviews.csv``, a file here), the longest such; 0 for none."""
    for count in range(len(strays), 0, -1):
        if data and os.path.exists(" ".join([data, *strays[:count]])):
            return count
    return 0


def _split_value(ctx: click.Context, strays: list[str], columns: list[str]) -> tuple[str, str, int] | None:
    """Return the option of a path written just before *strays* (``-o``, ``--out``, ``--model``), as written, with the
    whole name the shell split at its spaces (``結果 一覧.xlsx`` of ``-o 結果 一覧.xlsx``) and how many of *strays* it
    took; ``None`` when the strays follow no such option's value, or may be what they are: a column of the data file
    (among *columns*), or a file that is there while the name joined is not (a glob the shell expanded), or follow a
    value with an extension of its own (``-o out.csv other.csv``)."""
    args = [str(a) for a in ctx.meta.get(ARGS_KEY, ())]
    paths = {o for p in ctx.command.get_params(ctx) if isinstance(p, click.Option) for o in p.opts if _takes_path(p)}
    for i in range(len(args) - 2):
        if args[i] not in paths or not strays or args[i + 2] != strays[0]:
            continue
        count = 1
        while count < len(strays) and args[i + 2 + count : i + 3 + count] == [strays[count]]:
            count += 1
        name = " ".join([args[i + 1], *strays[:count]])
        if os.path.exists(name):
            return args[i], name, count
        told = strays[0] in columns or any(os.path.lexists(s) for s in strays[:count])
        return None if told or Path(args[i + 1]).suffix else (args[i], name, count)
    return None


def _takes_path(option: click.Option) -> bool:
    """Whether *option* takes one path (``--output``, ``--model``), not a flag."""
    return isinstance(option.type, click.Path) and not option.is_flag and option.nargs == 1


def _globbed(stray: str, data: str) -> bool:
    """Whether *stray* may be a file that a glob the shell expanded gave beside the data file *data*: a file there of
    the same extension."""
    return os.path.lexists(stray) and Path(stray).suffix.lower() == Path(data).suffix.lower()


def none_is_a_file(strays: list[str]) -> bool:
    """Whether none of *strays* is a file: no glob the shell expanded gave them."""
    return not any(os.path.isfile(s) for s in strays)


def _data_name(ctx: click.Context) -> str:
    """Return the command's first argument as its usage names it: ``INPUT``, ``DATA``."""
    first = next((p for p in ctx.command.get_params(ctx) if isinstance(p, click.Argument)), None)
    return first.human_readable_name if first is not None else "the arguments"


def _data_columns(ctx: click.Context) -> tuple[str, list[str], list[str]]:
    """Return the data file the command of *ctx* was given (its first argument, as written) and its columns
    (:func:`_columns`); none for a command that reads no data file."""
    first = next((p for p in ctx.command.get_params(ctx) if isinstance(p, click.Argument)), None)
    given = _parsed(ctx)[0].get(first.name) if first is not None and first.name else None
    if first is None or not isinstance(first.type, click.Path) or not isinstance(given, str):
        return "", [], []
    return _columns(given)


def _columns(given: str) -> tuple[str, list[str], list[str]]:
    """Return the data file *given*, its columns, as named, and those that read as reviews
    (:func:`taikai.io.review_columns`); no columns for one that cannot be read (the command says why once it is given
    as it should be)."""
    from taikai.errors import TaikaiError
    from taikai.io import data_format, open_reader, review_columns

    try:
        fmt = data_format(Path(given)) if os.path.isfile(given) else None
        reader = open_reader(Path(given), fmt, warn=False) if fmt is not None else None
        if reader is None:
            return given, [], []
        return given, [str(c) for c in reader.columns], [str(c) for c in review_columns(reader)]
    except (TaikaiError, OSError, ValueError):
        return given, [], []


def _parsed(ctx: click.Context) -> tuple[dict[str, object], list[str]]:
    """Return the command line of *ctx* as click's own parser reads it (not taikai's, which records each value
    given: :mod:`taikai.cli._given_twice`): the values of its options and arguments by name, as written, and the
    arguments left over; nothing for a command line it refuses."""
    try:
        parser = click.Command.make_parser(ctx.command, ctx)
        values, left, _ = parser.parse_args(args=list(ctx.meta.get(ARGS_KEY, ())))
    except click.UsageError:
        return {}, []
    return values, [str(a) for a in left]


def _column_options(ctx: click.Context, reviews: bool) -> list[str]:
    """Return the options of the command of *ctx* that name a column and were not given: for a column that reads as
    *reviews*, ``--text-column`` when it is one of them; else the others (``--id-column``, ``--date-column``,
    ``--by``)."""
    free = [
        p
        for p in ctx.command.get_params(ctx)
        if isinstance(p, click.Option)
        and p.name
        and (p.name.endswith("_column") or p.name == "by")
        and not p.name.startswith("reference_")  # drift's reference file's, not DUMP's
        and not given_values(ctx, p.name)
    ]
    text = [p for p in free if p.name == "text_column"]
    return [_spelled(p) for p in (text if reviews and text else [p for p in free if p not in text])]


def _free_option(ctx: click.Context, name: str) -> str | None:
    """Return how a hint writes the option of parameter *name* of the command of *ctx*, when it has one and it was not
    given, else ``None``."""
    found = [p for p in ctx.command.get_params(ctx) if isinstance(p, click.Option) and p.name == name]
    return _spelled(found[0]) if found and not given_values(ctx, name) else None


def _spelled(option: click.Option) -> str:
    """Return how a hint writes *option*: its shortest long name (``--out``, ``--output``), else its first."""
    long = [o for o in option.opts if o.startswith("--")]
    return min(long, key=len) if long else option.opts[0]
