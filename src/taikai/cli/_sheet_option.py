"""The ``--sheet NAME|NUMBER`` option of the commands that read labelled data (``train``, ``evaluate``, ``rules
test``) or predictions (``report``, ``suggest``): which sheet of an xlsx workbook to read, parsed as ``batch
--sheet`` is (a name, else a 1-based number; a sheet the workbook lacks is an error naming its sheets; a file of
another format refuses it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

F = TypeVar("F", bound=Callable[..., object])


def labelled_sheet_option(argument: str, more: str = "") -> Callable[[F], F]:
    """Return the ``--sheet`` option of a command whose labelled file is the argument *argument* (``DATA``);
    *more* ends its help (what it does not apply to)."""
    return click.option(
        "--sheet",
        default=None,
        metavar="NAME|NUMBER",
        help=f"xlsx {argument}: the sheet to read, by name or 1-based number (default: the sheet named labels, "
        f"else the first).{more}",
    )


predictions_sheet_option = click.option(
    "--sheet",
    default=None,
    metavar="NAME|NUMBER",
    help="xlsx PREDICTIONS: the sheet to read, by name or 1-based number (default: the first).",
)
"""The ``--sheet`` option of the commands that read a predictions file (``report``, ``suggest``)."""
