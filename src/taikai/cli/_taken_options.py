"""An option given without its value takes the next argument as it: ``taikai train d.csv --out --force`` wrote a
model folder ``--force``, ``report p.csv -o --no-drift`` a page ``--no-drift`` with its drift section (and ``drift
d.csv --json --exit-code``, before ``--json`` could be given alone, a file ``--exit-code``, exit code 0 on a drifted
dump). A value that is one of the command's own option names, written apart
(``--out --force``, ``-o -q``), is refused as the option left without its value; written joined
(``--out=--force``) it is taken as meant, as ``./--force`` names such a folder."""

from __future__ import annotations

from itertools import pairwise

import click

from taikai.cli._plain_types import ARGS_KEY


def refuse_taken_options(ctx: click.Context) -> None:
    """Raise :class:`click.BadParameter` for the first option of the command of *ctx* that takes a value and was
    given, written apart, the name of one of the command's options (``--out --force``; not ``--out=--force`` nor
    ``--out ./--force``, which name a folder so)."""
    params = ctx.command.get_params(ctx)
    options = [param for param in params if isinstance(param, click.Option)]  # an argument's name is no option's
    names = {name for param in options for name in (*param.opts, *param.secondary_opts)}
    taking = {
        name: param
        for param in params
        if isinstance(param, click.Option) and not (param.is_flag or param.count or _value_optional(param))
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


def _value_optional(param: click.Option) -> bool:
    """Return whether *param* takes a value that may be left out (``--json [PATH]``): click gives it none when an
    option follows, so that ``--json --exit-code`` is both options."""
    return bool(getattr(param, "_flag_needs_value", False))


def _name(ctx: click.Context) -> str:
    """Return the command of *ctx* as messages name it (``drift``, ``rules test``)."""
    return ctx.command_path.partition(" ")[2] or ctx.command_path
