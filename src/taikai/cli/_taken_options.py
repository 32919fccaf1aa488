"""An option given without its value takes the next argument as it: ``taikai drift d.csv --json --exit-code`` wrote
the JSON to a file named ``--exit-code`` and left out ``--exit-code`` (exit code 0 on a drifted dump), ``train --out
--force`` wrote a model folder ``--force``. A value that is one of the command's own option names, written apart
(``--json --exit-code``, ``-o -q``), is refused as the option left without its value; written joined
(``--json=--exit-code``) it is taken as meant, as ``./--exit-code`` names such a file."""

from __future__ import annotations

from itertools import pairwise

import click

from taikai.cli._plain_types import ARGS_KEY


def refuse_taken_options(ctx: click.Context) -> None:
    """Raise :class:`click.BadParameter` for the first option of the command of *ctx* that takes a value and was
    given, written apart, the name of one of the command's options (``--json --exit-code``; not ``--json=--exit-code``
    nor ``--json ./--exit-code``, which name a file so)."""
    params = ctx.command.get_params(ctx)
    names = {name for param in params for name in (*param.opts, *param.secondary_opts)}
    taking = {
        name: param
        for param in params
        if isinstance(param, click.Option) and not param.is_flag and not param.count
        for name in param.opts
    }
    given = ctx.meta.get(ARGS_KEY, ())
    given = given[: given.index("--")] if "--" in given else given
    for option, value in pairwise(given):
        param = taking.get(option)
        if param is None or value not in names:
            continue
        long = max(param.opts, key=len)
        raise click.BadParameter(
            f"{value!r} is an option of {_name(ctx)}, taken as the value of {option}, which was given none: "
            f"write {option} and its value before {value} (or {long}={value} for a value of that name)",
            ctx,
            param,
        )


def _name(ctx: click.Context) -> str:
    """Return the command of *ctx* as messages name it (``drift``, ``rules test``)."""
    return ctx.command_path.partition(" ")[2] or ctx.command_path
