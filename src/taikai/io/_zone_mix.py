"""The time zones of a date column's dates and times, found in one pass over its cells (:class:`ZoneMix`, counted
chunk by chunk): those written with a zone or offset (``…T20:00:00Z``, ``…+09:00``, ``… 08:00 JST``) and those
without (``2026-11-15 10:00``), and the first of a zone other than Japan's (:class:`ForeignZone`), whose date counts
in that zone's clock. One warning says what they make of the column's periods (:meth:`ZoneMix.warning`): dates and
times of another zone counted in its clock, or, beside others without a zone, two clocks in one column, as a dump of
two systems joined has them; with ``--tz``, how each kind is counted in it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from taikai.errors import DATE_COLUMN, TZ
from taikai.io._date_zones import JAPAN_TIME, OFFSET, zoned

_TIME = re.compile(r"\d\s*(?::\s*\d{2}|時)")
"""A time in a text (``10:05``, ``10時``): a date alone is a whole day, in any clock."""
_JAPAN = timedelta(hours=9)
_JAPAN_WRITTEN = ("+09", "+09:00", "+0900")
ZONE_HINT = f"to count them in Japan's time, give {TZ.either(['Asia/Tokyo'])}"
"""How to have dates and times of another time zone counted in Japan's: name the zone the periods are counted in."""


@dataclass(frozen=True)
class ForeignZone:
    """A date and time of a date column that carries a time zone other than Japan's: the *zone* (``UTC``,
    ``+00:00``, ``Z``) and the cell as written (*example*). Its date counts in that zone's clock."""

    zone: str
    example: str


def _zone(value: object) -> tuple[bool | None, str | None]:
    """Whether the cell *value* is a date and time with a zone (``True``), one without (``False``), or neither
    (``None``: a date alone, a blank, a number); and the zone it carries when that is not Japan's (UTC+9), as
    written (``Z``, ``UTC``, ``+00:00``; a ``datetime``'s own), else ``None``."""
    if isinstance(value, datetime):  # pandas' Timestamp too (an xlsx cell; a frame's object column)
        if value.tzinfo is not None:
            return True, None if value.utcoffset() == _JAPAN else str(value.tzinfo)
        return (None if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) else False), None
    if not isinstance(value, str):
        return None, None
    text = value.strip()
    if (written := OFFSET.search(text)) is not None:  # as parse_dates reads it
        return True, None if written.group(2) in _JAPAN_WRITTEN else written.group(2)
    if JAPAN_TIME.search(text) is not None:
        return True, None
    return (False if _TIME.search(text) is not None else None), None


def _of_one_zone(values: object) -> ForeignZone | None:
    """The first date and time of a column of one zone's timestamps (``datetime64[ns, UTC]``) when that zone is not
    Japan's: its offsets tell at once, without a loop over the rows."""
    import pandas as pd

    present = values.dropna()  # type: ignore[attr-defined]
    offsets = present.dt.tz_localize(None) - present.dt.tz_convert("UTC").dt.tz_localize(None)
    away = present[offsets.ne(pd.Timedelta(_JAPAN))]
    return ForeignZone(str(values.dt.tz), str(away.iloc[0])) if len(away) else None  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ZoneMix:
    """How many cells of a date column are dates and times with a time zone (*zoned*, the first as written) and
    without one (*plain*, the first), the zone *tz* they are counted in (``None``: each in its own clock), and the
    first of a zone other than Japan's (*foreign*). Counts of chunks add up in file order (``+``)."""

    zoned: int = 0
    zoned_first: str = ""
    plain: int = 0
    plain_first: str = ""
    tz: str | None = None
    foreign: ForeignZone | None = None

    @classmethod
    def of(cls, values: Iterable[object], tz: str | None = None) -> ZoneMix:
        """The counts of the cells *values*, counted in *tz*, in one pass. A column of one zone's timestamps
        (``datetime64[ns, UTC]``) has no cell without one: not looked at cell by cell."""
        dtype = getattr(values, "dtype", None)
        if dtype is not None and zoned(dtype):
            return cls(tz=tz, foreign=_of_one_zone(values))
        zoned_, plain, zoned_first, plain_first, foreign = 0, 0, "", "", None
        for value in values:
            found, zone = _zone(value)
            if found is True:
                zoned_ += 1
                zoned_first = zoned_first or str(value).strip()
                if zone is not None and foreign is None:
                    foreign = ForeignZone(zone, str(value).strip())
            elif found is False:
                plain += 1
                plain_first = plain_first or str(value).strip()
        return cls(zoned_, zoned_first, plain, plain_first, tz, foreign)

    def __add__(self, other: ZoneMix) -> ZoneMix:
        return ZoneMix(
            self.zoned + other.zoned,
            self.zoned_first or other.zoned_first,
            self.plain + other.plain,
            self.plain_first or other.plain_first,
            self.tz or other.tz,
            self.foreign or other.foreign,
        )

    def warning(self, where: str, column: str) -> str | None:
        """The one warning about the time zones of the date column *column* of *where* (``None``: nothing to say).
        Counted in no zone given, it matters only when dates and times carry another zone than Japan's: they count
        in its clock, and the others, when some have no zone, most likely written in Japan's time, in another
        clock than theirs; with a zone given, when some carry a zone and some none, it says how each is counted."""
        said = f"{where}: {DATE_COLUMN.given(column)}"
        both = (
            f"{said}: {self.zoned:,} of its dates and times carry a time zone (e.g. {self.zoned_first!r}) and "
            f"{self.plain:,} none (e.g. {self.plain_first!r})"
        )
        if self.tz is not None:
            if not (self.zoned and self.plain):
                return None
            return (
                f"{both}; those with a zone are converted to {self.tz}, those without are taken as already in "
                f"{self.tz}'s clock: if they were written in another zone, give that zone as {TZ} instead"
            )
        found = self.foreign
        if found is None:
            return None
        if self.plain:
            return (
                f"{both}; each counts in the clock it is written in (those of {found.zone} in its clock, not Japan's, "
                "UTC+9), so that one moment written both ways can count in another day, week or month; "
                f"{ZONE_HINT}: those with a zone are converted to it, the others taken as in it"
            )
        return (
            f"{said}: its dates and times carry the time zone {found.zone} (e.g. {found.example!r}) and are counted "
            "in its clock, not Japan's (UTC+9), so a review posted near midnight in Japan can count in another day, "
            f"week or month (08:00 on April 1 in Japan is March 31 in UTC); {ZONE_HINT}"
        )


def foreign_zone(values: Iterable[object]) -> ForeignZone | None:
    """Return the first of *values* (of a date column) that is a date and time in a time zone other than Japan's
    (UTC+9), a timestamp with one (as Parquet and BigQuery write UTC) or a text ending in one (``…T15:30:00Z``,
    ``… 15:30:00 UTC``), else ``None`` (:attr:`ZoneMix.foreign`). Such a date counts in its own zone's clock, not
    Japan's."""
    return ZoneMix.of(values).foreign


def zone_warning(found: ForeignZone | None, where: str, column: str) -> str | None:
    """Return the warning for a date column whose dates and times carry a time zone other than Japan's (*found*), none
    without one, else ``None``: its dates count in that zone's months and weeks (:meth:`ZoneMix.warning`)."""
    return None if found is None else ZoneMix(foreign=found).warning(where, column)
