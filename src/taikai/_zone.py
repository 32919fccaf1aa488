"""The time zone a date column's periods are counted in (``tz=``, ``--tz``): an IANA name (``Asia/Tokyo``), ``UTC``
or a fixed offset from UTC (``+09:00``), read with the standard library's :mod:`zoneinfo`.

A date and time that carries a zone (``2026-10-31T20:00:00Z``, a Parquet ``timestamp[tz=UTC]``) is converted to
the zone before its period is taken; one without a zone is taken as already in it.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache

ZONE_EXAMPLES = "an IANA time zone name such as Asia/Tokyo, UTC, or an offset from UTC such as +09:00"
"""What ``tz`` (``--tz``) takes, as its error and help say."""
TZDATA_HINT = "this Python has no time zone database: install it with pip install tzdata, or give an offset (+09:00)"
"""What to do when :mod:`zoneinfo` finds no zone at all (no system database, no ``tzdata`` package)."""
_UTC_NAMES = {"UTC", "Z", "GMT", "UTC+00:00", "+00:00"}
_OFFSET = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
"""A fixed offset written ``+09:00``, ``+0900``, ``+9``, ``UTC+9`` or ``GMT-05:00``."""


def written_offset(text: str) -> timedelta | None:
    """The offset from UTC *text* writes (``Z``, ``UTC``, ``GMT``, ``+09:00``, ``+0900``, ``-05``), else ``None``."""
    text = text.strip()
    if text.upper() in _UTC_NAMES:
        return timedelta(0)
    found = _OFFSET.fullmatch(text)
    if found is None:
        return None
    sign, hours, minutes = found.groups()
    if int(hours) > 14 or int(minutes or 0) >= 60:
        return None
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return -offset if sign == "-" else offset


def _offset_name(offset: timedelta) -> str:
    """``+09:00`` for nine hours east of UTC, ``-05:30`` for five and a half west; ``UTC`` for none."""
    if not offset:
        return "UTC"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def canonical_zone(tz: str) -> str | None:
    """The zone *tz* names as taikai writes it (an IANA name as the database spells it, ``UTC``, or an offset
    ``+09:00``), or ``None`` when it names none (an unknown name, or no time zone database: :func:`zone_database`)."""
    text = tz.strip()
    if (offset := written_offset(text)) is not None:
        return _offset_name(offset)
    try:
        return str(zone_info(text))
    except (KeyError, ValueError):  # zoneinfo.ZoneInfoNotFoundError is a KeyError; "../x" a ValueError
        return None


@cache
def zone_info(name: str) -> tzinfo:
    """The :class:`~datetime.tzinfo` of a zone *name* as :func:`canonical_zone` writes it; ``KeyError`` for none."""
    if (offset := written_offset(name)) is not None:
        return timezone(offset)
    from zoneinfo import ZoneInfo

    if not name or name.startswith(("/", ".")) or "\\" in name:
        raise KeyError(name)
    return ZoneInfo(name)


def zone_database() -> bool:
    """Whether :mod:`zoneinfo` finds a time zone database (the system's, or the ``tzdata`` package)."""
    from zoneinfo import available_timezones

    return bool(available_timezones())
