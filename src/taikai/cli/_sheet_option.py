"""The ``--sheet NAME|NUMBER`` option of the commands that read labelled data (``train``, ``evaluate``, ``rules
test``), a dump (``batch``, ``drift``) or predictions (``report``, ``suggest``): which sheet of an xlsx workbook to
read, parsed as ``batch --sheet`` is (a name, else a 1-based number; a sheet the workbook lacks is an error naming its
sheets; a file of another format refuses it)."""

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


def input_sheet_option(argument: str, option: str = "--sheet", more: str = "") -> Callable[[F], F]:
    """Return the *option* (``--sheet``) of a command whose input is the argument *argument* (``INPUT``, ``DUMP``,
    ``PREDICTIONS``) and whose default sheet is the first; *more* ends the default's words."""
    return click.option(
        option,
        default=None,
        metavar="NAME|NUMBER",
        help=f"xlsx {argument}: the sheet to read, by name or 1-based number (default: the first{more}).",
    )


predictions_sheet_option = input_sheet_option("PREDICTIONS")
"""The ``--sheet`` option of the commands that read a predictions file (``report``, ``suggest``)."""
