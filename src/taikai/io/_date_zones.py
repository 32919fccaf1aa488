"""The time zone of a date column's dates and times: the offset each cell carries, and the wall clocks of another
zone (``tz=``, ``--tz``) they are counted in, and the check of that zone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from taikai._zone import (
    TZDATA_HINT,
    ZONE_EXAMPLES,
    canonical_zone,
    close_zone,
    several_zones,
    summerless_zone,
    written_offset,
    zone_database,
    zone_info,
)
from taikai.errors import DATE_COLUMN, TZ, InputError, check_str

if TYPE_CHECKING:
    import pandas as pd

OFFSET = re.compile(r"(\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)\s*$", re.IGNORECASE)
"""A time with its UTC offset at the end (``08:00:00+09:00``, ``08:00Z``, ``08:00 +0900``): group 1 is the time,
group 2 the offset or zone as written."""
JAPAN_TIME = re.compile(r"(\d)\s*(?:JST|日本時間|\(\s*(?:JST|日本時間)\s*\))\s*$", re.IGNORECASE)
"""A date or time with Japan's time zone named at the end (``08:00 JST``, ``08:00 (日本時間)``, ``2026-04-01 JST``),
which pandas does not read: +09:00, dropped like any offset. Group 1 is the last digit before it."""


def _offset(value: object) -> timedelta | None:
    """The offset from UTC *value* (a cell of a date column) carries: a ``datetime``'s own, or one written at the
    end of a text (``…T20:00:00Z``, ``… 08:00 +0900``, ``… 08:00 JST``); ``None`` for a date or time without one."""
    if isinstance(value, datetime):
        return value.utcoffset()
    if not isinstance(value, str):
        return None
    if JAPAN_TIME.search(value.strip()) is not None:
        return timedelta(hours=9)
    found = OFFSET.search(value.strip())
    return written_offset(found.group(2)) if found is not None else None


def in_zone(dates: pd.Series, offsets: pd.Series, tz: str) -> pd.Series:
    """*dates* (wall clocks as written) of the rows with an offset from UTC (*offsets*, ``None`` for the others) as
    the wall clock of the zone *tz*; the others are taken as already in it."""
    import pandas as pd

    aware = offsets.notna().to_numpy(dtype=bool)
    if not aware.any():
        return dates
    shift = pd.to_timedelta(offsets.where(aware, timedelta(0)).tolist(), errors="coerce")
    utc = (dates - pd.Series(shift, index=dates.index)).dt.tz_localize("UTC")
    return dates.where(~aware, utc.dt.tz_convert(zone_info(tz)).dt.tz_localize(None))


def offsets(values: pd.Series) -> pd.Series:
    """Each cell's offset from UTC (:func:`_offset`; ``None`` for a date or time without one)."""
    return values.map(_offset, na_action="ignore")


def zoned(dtype: object) -> bool:
    """Whether *dtype* is of dates and times in one time zone: pandas' (``datetime64[ns, UTC]``) or pyarrow's, as
    a Parquet file read with pyarrow's types holds them (``timestamp[us, tz=UTC]``)."""
    import pandas as pd

    if isinstance(dtype, pd.ArrowDtype):
        return getattr(dtype.pyarrow_dtype, "tz", None) is not None
    return isinstance(dtype, pd.DatetimeTZDtype)


def check_tz(tz: object, name: object = "tz") -> str:
    """Return the time zone *tz* (given to argument *name*) as taikai writes it: an IANA name (``Asia/Tokyo``; also
    for ``JST``, ``Japan`` or ``asia/tokyo``), ``UTC`` or an offset (``+09:00``, :func:`taikai._zone.canonical_zone`);
    else raise :class:`InputError` with what it takes and the zone name most like *tz* (saying what to install when
    Python has no time zone database); a non-str ``TypeError``."""
    text = str(check_str(name, tz, ZONE_EXAMPLES))
    if (read := canonical_zone(text)) is not None:
        return read
    if (several := several_zones(text)) is not None:  # CST: China's, or US Central?
        raise InputError(f"{name} must be {ZONE_EXAMPLES}, not {tz!r}: {several}; give the one meant by its name")
    if (summerless := summerless_zone(text)) is not None:  # EST: New York's clock, or -05:00 all year?
        raise InputError(f"{name} must be {ZONE_EXAMPLES}, not {tz!r}: {summerless}")
    close = close_zone(text) if zone_database() else None
    hint = f"; {TZDATA_HINT}" if not zone_database() else f": did you mean {close}?" if close else ""
    raise InputError(f"{name} must be {ZONE_EXAMPLES}, not {tz!r}: no such time zone{hint}")


def period_tz(tz: object, date_column: object, name: object = "tz") -> str | None:
    """Return the time zone *tz* of a *date_column*'s periods as :func:`check_tz` writes it (``None``: none given,
    each date counted in the zone it is written in); refuse one given without a *date_column*, which has no periods
    for it to set (the command line refuses ``--tz`` without ``--date-column`` alike)."""
    if tz is None:
        return None
    if date_column is None:
        raise InputError(f"{TZ.either([tz])} applies to periods: give the column of dates with {DATE_COLUMN}")
    return check_tz(tz, name)
