"""The columns of a report's frame that read as dates, named when no date column was given, as a text column's hint
names the column to give (``--date-column 投稿日``)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Hashable
from datetime import date
from typing import TYPE_CHECKING

from taikai.errors import DATE_COLUMN, InputError
from taikai.io import parse_dates

if TYPE_CHECKING:
    import pandas as pd

    from taikai.analysis._report._phrases import Phrases

SAMPLE = 200
"""The non-empty cells of a column read to tell whether it holds dates (its first ones): a million rows are not."""
READ_SHARE = 0.9
"""The share of those that must read as dates: a column of free text with a date in it now and then does not."""
SHOWN = 3
"""The columns named at most."""
_PLAIN = re.compile(r"[^\s'\"\\$`!*?&;|<>(){}\[\]#~=%]+")
"""A name a shell reads as one word as it is (投稿日 unquoted: shlex.quote quotes every non-ASCII name)."""


def _written(value: object) -> bool:
    """Whether *value* could be a date as a cell holds one: a date or a text that is not digits only (numbers and
    ids such as ``20250001`` are not named as dates, though ``parse_dates`` reads eight digits as one)."""
    if isinstance(value, date):  # datetime and pandas' Timestamp too: an xlsx cell typed as a date
        return True
    return isinstance(value, str) and bool(value.strip()) and not value.strip().isdigit()


def dated_columns(frame: pd.DataFrame, skip: tuple[object, ...] = ()) -> list[str]:
    """Return the columns of *frame* (but *skip*: the text column, the segments') that read as dates: of a datetime
    dtype, or with :data:`READ_SHARE` of their first :data:`SAMPLE` cells written as dates (:func:`_written`) read
    by :func:`taikai.io.parse_dates`. A column of dates in both day-first and month-first order is not named."""
    import pandas as pd

    found: list[str] = []
    for i, name in enumerate(frame.columns):
        if not isinstance(name, str) or name in skip:
            continue
        values = frame.iloc[:, i]
        if pd.api.types.is_datetime64_any_dtype(values.dtype):
            found.append(name)
            continue
        if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue  # numbers (ids, probabilities) and flags are not dates
        cells = values.dropna().head(SAMPLE)
        if not len(cells) or not all(map(_written, cells)):
            continue
        try:
            read = parse_dates(cells.astype(object)).notna()
        except InputError:  # both orders: left to --date-column, which says so
            continue
        if read.mean() >= READ_SHARE:
            found.append(name)
    return found


def dates_told(frame: pd.DataFrame, name: Hashable | None) -> str:
    """Return the end of the error of a date column *name* that *frame* has not (``--date-column posted_at``, as the
    README writes it, on an export whose dates are in ``投稿日``): the columns that read as dates and how to give one
    (``; '投稿日' reads as dates: date_column='投稿日' (--date-column 投稿日 on the command line)``); ``""`` when
    *frame* has a column written as *name*, or none reads as dates."""
    if name is None or any(str(c) == str(name) for c in frame.columns):
        return ""
    found = dated_columns(frame)[:SHOWN]
    if not found:
        return ""
    said = " and ".join(map(repr, found))
    return f"; {said} {'reads' if len(found) == 1 else 'read'} as dates: {DATE_COLUMN.either(found)}"


def _shell_word(name: str) -> str:
    """Return *name* as one word of a shell command: as it is when plain (:data:`_PLAIN`), else quoted."""
    return name if _PLAIN.fullmatch(name) else shlex.quote(name)


def date_hint(t: Phrases, frame: pd.DataFrame, skip: tuple[object, ...]) -> str:
    """Return what the page adds to the note that no date column was given: the column that reads as dates and
    the option to give it with (the first :data:`SHOWN` of several), or nothing when none does."""
    found = dated_columns(frame, skip)
    if not found:
        return ""
    columns = " / ".join(found[:SHOWN]) + (" …" if len(found) > SHOWN else "")
    return t.trend_dated.format(columns=columns, option=f"--date-column {_shell_word(found[0])}", name=found[0])
