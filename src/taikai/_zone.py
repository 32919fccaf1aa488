"""The time zone a date column's periods are counted in (``tz=``, ``--tz``): an IANA name (``Asia/Tokyo``, in any
case: ``asia/tokyo``), ``UTC`` or ``GMT``, a fixed offset from UTC (``+09:00``), or a name Japanese analysts type for
a zone the database spells otherwise (``JST``, ``Japan``, ``日本時間``: Asia/Tokyo; ``KST``: Asia/Seoul), read with the
standard library's :mod:`zoneinfo`.

A date and time that carries a zone (``2026-10-31T20:00:00Z``, a Parquet ``timestamp[tz=UTC]``) is converted to
the zone before its period is taken; one without a zone is taken as already in it.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache

ZONE_EXAMPLES = (
    "an IANA time zone name such as Asia/Tokyo, UTC, or an offset from UTC such as +09:00 (JST, Japan and 日本時間 "
    "read as Asia/Tokyo, KST as Asia/Seoul)"
)
"""What ``tz`` (``--tz``) takes, as its error and help say."""
ALIASES = {
    "JST": "Asia/Tokyo",
    "JAPAN": "Asia/Tokyo",
    "日本時間": "Asia/Tokyo",
    "日本": "Asia/Tokyo",
    "東京": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "HKT": "Asia/Hong_Kong",
    "SGT": "Asia/Singapore",
    "PDT": "America/Los_Angeles",
    "MDT": "America/Denver",
    "EDT": "America/New_York",
    "HST": "Pacific/Honolulu",
}
"""Names read as a zone of the database, whatever their case: abbreviations that name one zone (not in the database:
``JST`` is refused by :mod:`zoneinfo`; a summer time's, ``PDT``, names its zone, which keeps its own summer time) and
``Japan``, the database's old alias of Asia/Tokyo, written as its own name so that one zone is written one way in
every table and message."""
SEVERAL = {
    "CST": (("America/Chicago", "US Central"), ("Asia/Shanghai", "China"), ("America/Havana", "Cuba")),
    "CDT": (("America/Chicago", "US Central"), ("America/Havana", "Cuba")),
    "PST": (("America/Los_Angeles", "US Pacific"), ("Asia/Manila", "the Philippines")),
    "IST": (("Asia/Kolkata", "India"), ("Asia/Jerusalem", "Israel"), ("Europe/Dublin", "Ireland")),
    "BST": (("Europe/London", "British Summer Time"), ("Asia/Dhaka", "Bangladesh")),
    "AST": (("America/Halifax", "Atlantic"), ("Asia/Riyadh", "Arabia")),
}
"""Abbreviations that name several zones, whatever their case, each zone with where it is kept: refused with them
(:func:`several_zones`), as a China export's ``CST`` counted in Chicago's clock would be 14 hours off."""
SUMMERLESS = {
    "EST": (("America/New_York", "US Eastern"), "-05:00"),
    "MST": (("America/Denver", "US Mountain"), "-07:00"),
}
"""Abbreviations the database holds as a fixed offset, whatever their case, with the zone most who type them mean
(which keeps summer time) and the offset: refused naming both (:func:`summerless_zone`), as ``EST`` read as the
database's fixed ``-05:00`` would count New York's reviews an hour off from March to November. (``HST`` is Hawaii's,
which keeps no summer time: read as Pacific/Honolulu, :data:`ALIASES`.)"""
_ALIAS_OFFSETS = {"Asia/Tokyo": "+09:00", "Asia/Seoul": "+09:00", "Pacific/Honolulu": "-10:00"}
"""The fixed offset of the zones :data:`ALIASES` names that keep one (neither has had summer time since 1988): what an
alias of them reads as without a time zone database (one of a zone with summer time is then refused; Hawaii has
kept none since 1947)."""
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
    if (alias := ALIASES.get(text.upper())) is not None:
        return alias if _known(alias) else _ALIAS_OFFSETS.get(alias)
    if text.upper() in SUMMERLESS:  # the database's EST: -05:00 all year, not New York's clock
        return None
    if _known(text):
        return str(zone_info(text))
    return database_names().get(text.lower())  # asia/tokyo as Asia/Tokyo


def several_zones(tz: str) -> str | None:
    """What the abbreviation *tz* names when it names several zones (:data:`SEVERAL`): ``CST names several zones:
    America/Chicago (US Central), Asia/Shanghai (China) or America/Havana (Cuba)``; else ``None``."""
    zones = SEVERAL.get(tz.strip().upper())
    if zones is None:
        return None
    named = [f"{zone} ({where})" for zone, where in zones]
    return f"{tz.strip().upper()} names several zones: {', '.join(named[:-1])} or {named[-1]}"


def summerless_zone(tz: str) -> str | None:
    """What to give for the abbreviation *tz* the database holds without summer time (:data:`SUMMERLESS`): ``EST is
    a fixed offset without summer time: for US Eastern's clock give America/New_York; for -05:00 all year give
    -05:00``; else ``None``."""
    text = tz.strip().upper()
    if text not in SUMMERLESS:
        return None
    (zone, where), offset = SUMMERLESS[text]
    return (
        f"{text} is a fixed offset without summer time: for {where}'s clock (summer time from March to November) give "
        f"{zone}; for {offset} all year give {offset}"
    )


def _known(name: str) -> bool:
    """Whether the time zone database holds a zone *name* (as it spells it)."""
    try:
        zone_info(name)
    except (KeyError, ValueError):  # zoneinfo.ZoneInfoNotFoundError is a KeyError; "../x" a ValueError
        return False
    return True


@cache
def database_names() -> dict[str, str]:
    """The names of the time zone database's zones, by their lower case (none without a database)."""
    from zoneinfo import available_timezones

    return {name.lower(): name for name in available_timezones()}


def close_zone(tz: str) -> str | None:
    """The zone name most like *tz*, a name that is none (``Asia/Tokio`` and ``Tokyo``: ``Asia/Tokyo``), else
    ``None``."""
    from difflib import get_close_matches

    names, text = database_names(), tz.strip().lower()
    city = sorted(name for lower, name in names.items() if text and lower.endswith("/" + text))
    close = get_close_matches(text, list(names), 1, 0.8)
    return city[0] if city else names[close[0]] if close else None


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
