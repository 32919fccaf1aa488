"""A date column whose dates and times are written some with a time zone or offset (``…T20:00:00Z``,
``…+09:00``, ``… 08:00 JST``) and some without (``2026-11-15 10:00``), as a dump of two systems joined has them:
without ``--tz`` each counts in the clock it is written in, so that one moment written both ways can fall in two
days or months; with ``--tz`` those with a zone are converted and the others taken as already in it. Either way the
warning says so, with one cell of each (:class:`ZoneMix`, counted chunk by chunk)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from taikai.errors import DATE_COLUMN, TZ
from taikai.io._date_zones import JAPAN_TIME, OFFSET, zoned

_TIME = re.compile(r"\d\s*(?::\s*\d{2}|時)")
"""A time in a text (``10:05``, ``10時``): a date alone is a whole day, in any clock."""


def _zone(value: object) -> bool | None:
    """Whether the cell *value* is a date and time with a zone (``True``), one without (``False``), or neither
    (``None``: a date alone, a blank, a number)."""
    if isinstance(value, datetime):  # pandas' Timestamp too (an xlsx cell; a frame's object column)
        if value.tzinfo is not None:
            return True
        return None if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) else False
    if not isinstance(value, str):
        return None
    text = value.strip()
    if OFFSET.search(text) is not None or JAPAN_TIME.search(text) is not None:
        return True
    return False if _TIME.search(text) is not None else None


@dataclass(frozen=True)
class ZoneMix:
    """How many cells of a date column are dates and times with a time zone (*zoned*, the first as written) and
    without one (*plain*, the first), and the zone *tz* they are counted in (``None``: each in its own clock).
    Counts of chunks add up in file order (``+``)."""

    zoned: int = 0
    zoned_first: str = ""
    plain: int = 0
    plain_first: str = ""
    tz: str | None = None

    @classmethod
    def of(cls, values: Iterable[object], tz: str | None = None) -> ZoneMix:
        """The counts of the cells *values*, counted in *tz*. A column of one zone's timestamps (``datetime64[ns,
        UTC]``) has no cell without one: not looked at cell by cell."""
        dtype = getattr(values, "dtype", None)
        if dtype is not None and zoned(dtype):
            return cls(tz=tz)
        zoned_, plain, zoned_first, plain_first = 0, 0, "", ""
        for value in values:
            found = _zone(value)
            if found is True:
                zoned_ += 1
                zoned_first = zoned_first or str(value).strip()
            elif found is False:
                plain += 1
                plain_first = plain_first or str(value).strip()
        return cls(zoned_, zoned_first, plain, plain_first, tz)

    def __add__(self, other: ZoneMix) -> ZoneMix:
        return ZoneMix(
            self.zoned + other.zoned,
            self.zoned_first or other.zoned_first,
            self.plain + other.plain,
            self.plain_first or other.plain_first,
            self.tz or other.tz,
        )

    def warning(self, where: str, column: str, foreign: bool) -> str | None:
        """The warning for a column of *where* mixing both (``None`` when it does not). Counted in no zone given,
        it matters only when those with a zone carry another than Japan's (*foreign*): the others, most likely
        written in Japan's time, count in another clock than theirs."""
        if not (self.zoned and self.plain) or (self.tz is None and not foreign):
            return None
        both = (
            f"{where}: {DATE_COLUMN.given(column)}: {self.zoned:,} of its dates and times carry a time zone (e.g. "
            f"{self.zoned_first!r}) and {self.plain:,} none (e.g. {self.plain_first!r})"
        )
        if self.tz is None:
            return (
                f"{both}; each counts in the clock it is written in, so that one moment written both ways can count "
                "in another day, week or month; to count them all in Japan's time, give "
                f"{TZ.either(['Asia/Tokyo'])}: those with a zone are converted to it, the others taken as in it"
            )
        return (
            f"{both}; those with a zone are converted to {self.tz}, those without are taken as already in "
            f"{self.tz}'s clock: if they were written in another zone, give that zone as {TZ} instead"
        )
