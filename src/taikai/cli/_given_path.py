"""The type of a command's file arguments and options: a path given as ``""`` (or blanks) is refused, naming the
argument or option, rather than read as the current folder (``Path("")`` is ``.``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

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
        return super().convert(value, param, ctx)


def refuse_empty(value: object, give: str, ctx: click.Context | None, param: click.Parameter | None) -> None:
    """Raise :class:`click.BadParameter` when *value*, given to *param*, is ``""`` (said to be empty) or blanks (said
    to be blank), with what to *give* instead (``the directory of a trained model``): the one wording of every file
    argument and option, as the library's (:func:`taikai.io.check_not_empty`)."""
    if isinstance(value, str) and not value.strip():
        raise click.BadParameter(f"{value!r} is {'empty' if not value else 'blank'}: give {give}", ctx, param)
