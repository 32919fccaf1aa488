"""What every command shares: the user-error exception, the command group class, the --model option."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import click

from taikai.errors import TaikaiError


class UserError(click.ClickException):
    """An input or model problem: message on stderr, exit code 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"taikai: error: {self.format_message()}", err=True)


class Group(click.Group):
    """Turn every :class:`TaikaiError` into a clean message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TaikaiError as exc:
            raise UserError(str(exc)) from exc


model_option = click.option(
    "--model",
    "-m",
    "model_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Model directory (default: the shipped model, or $TAIKAI_MODEL).",
)
