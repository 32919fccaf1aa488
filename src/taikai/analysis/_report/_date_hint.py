"""The columns of a report's frame that read as dates, named when no date column was given, as a text column's hint
names the column to give (``--date-column 投稿日``); which columns read as dates is :mod:`taikai.io`'s
(:func:`taikai.io.dated_columns`), which names them too when the date column given is not there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from taikai.errors import shell_quote
from taikai.io import DATED_SHOWN, dated_columns

if TYPE_CHECKING:
    import pandas as pd

    from taikai.analysis._report._phrases import Phrases

_PLAIN = re.compile(r"[^\s'\"\\$`!*?&;|<>(){}\[\]#~=%]+")
"""A name a shell reads as one word as it is (投稿日 unquoted: shlex.quote quotes every non-ASCII name)."""


def _shell_word(name: str) -> str:
    """Return *name* as one word of a shell command: as it is when plain (:data:`_PLAIN`), else quoted."""
    return name if _PLAIN.fullmatch(name) else shell_quote(name)


def date_hint(t: Phrases, frame: pd.DataFrame, skip: tuple[object, ...]) -> str:
    """Return what the page adds to the note that no date column was given: the column that reads as dates and
    the option to give it with (the first :data:`DATED_SHOWN` of several), or nothing when none does."""
    found = dated_columns(frame, skip)
    if not found:
        return ""
    columns = " / ".join(found[:DATED_SHOWN]) + (" …" if len(found) > DATED_SHOWN else "")
    return t.trend_dated.format(columns=columns, option=f"--date-column {_shell_word(found[0])}", name=found[0])
