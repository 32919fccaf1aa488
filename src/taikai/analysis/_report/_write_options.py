"""The keywords :func:`~taikai.analysis.write_report` takes, checked before the predictions file is read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from taikai._keywords import meant
from taikai.io import period_tz

_OWN = ("predictions", "out", "encoding", "encoding_errors", "sheet")
"""The keywords :func:`write_report` takes besides :func:`build_report`'s options: a typo of one is named too."""
_FROM_THE_FILE = ("df", "source", "run", "source_path")
"""The arguments of :func:`build_report` that :func:`write_report` gives itself, from the predictions file."""


def check_write_options(options: dict[str, Any], parameters: Iterable[str]) -> None:
    """Refuse, before the predictions are read, an option of :func:`write_report` that :func:`build_report` does
    not take (a typo, ``date_colum``) or that the file decides (``source``), as a TypeError of write_report's
    naming the options it takes: else build_report's own TypeError came once the file was read. *parameters*: those
    of :func:`build_report`. A time zone ``tz`` it does not know, or given without ``date_column``, is refused too."""
    known = [name for name in parameters if name not in _FROM_THE_FILE]
    for name in options:
        if name not in known:
            why = "is taken from the predictions file" if name in _FROM_THE_FILE else "is not an option of the report"
            raise TypeError(
                f"write_report() got an unexpected keyword argument {name!r}{meant(name, [*_OWN, *known])}: it {why}; "
                f"its options are {', '.join(known)}"
            )
    period_tz(options.get("tz"), options.get("date_column"))
