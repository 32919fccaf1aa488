"""The time zone a date column's periods are counted in (``tz=``, ``--tz``): what is read as one, what is refused."""

from datetime import timedelta

import pytest

from taikai import _zone
from taikai.errors import InputError
from taikai.io import check_tz, period_tz

READ = [
    ("Asia/Tokyo", "Asia/Tokyo"),
    (" Asia/Tokyo ", "Asia/Tokyo"),
    ("America/New_York", "America/New_York"),
    ("UTC", "UTC"),
    ("utc", "UTC"),
    ("Z", "UTC"),
    ("+00:00", "UTC"),
    ("+09:00", "+09:00"),
    ("+0900", "+09:00"),
    ("+9", "+09:00"),
    ("UTC+9", "+09:00"),
    ("-05:30", "-05:30"),
    # what Japanese analysts type (regression: JST and asia/tokyo were refused), as the database spells its zone
    ("JST", "Asia/Tokyo"),
    ("jst", "Asia/Tokyo"),
    ("Japan", "Asia/Tokyo"),
    ("日本時間", "Asia/Tokyo"),
    ("KST", "Asia/Seoul"),
    ("asia/tokyo", "Asia/Tokyo"),
    ("ASIA/SEOUL", "Asia/Seoul"),
    ("GMT", "UTC"),
    # regression (h389): abbreviations that name one zone were refused as no zone
    ("東京", "Asia/Tokyo"),
    ("PDT", "America/Los_Angeles"),
    ("edt", "America/New_York"),
    ("HKT", "Asia/Hong_Kong"),
]


@pytest.mark.parametrize(("given", "read"), READ)
def test_a_zone_is_read_as_taikai_writes_it(given, read):
    assert check_tz(given) == read


# (a zone given that is none, the one said to be meant)
REFUSED = [
    ("Asia/Tokio", "Asia/Tokyo"),
    ("Tokyo", "Asia/Tokyo"),
    ("seoul", "Asia/Seoul"),
    ("XST", None),  # not in the database, nor read as one
    ("", None),
    ("../etc/passwd", None),
    ("/etc/localtime", None),
    ("+25:00", None),
    ("+09:75", None),
]


@pytest.mark.parametrize(("given", "meant"), REFUSED)
def test_an_unknown_zone_is_refused_with_what_is_read(given, meant):
    with pytest.raises(
        InputError, match=r"^tz must be an IANA time zone name such as Asia/Tokyo, UTC, or an offset"
    ) as e:
        check_tz(given)
    assert "(JST, Japan and 日本時間 read as Asia/Tokyo, KST as Asia/Seoul)" in str(e.value)
    assert str(e.value).endswith(f"no such time zone: did you mean {meant}?" if meant else "no such time zone")


@pytest.mark.parametrize(
    ("given", "zones"),
    [  # regression (h389): said to be no zone at all, with no word of which were meant
        ("CST", "America/Chicago (US Central), Asia/Shanghai (China) or America/Havana (Cuba)"),
        ("pst", "America/Los_Angeles (US Pacific) or Asia/Manila (the Philippines)"),
        ("IST", "Asia/Kolkata (India), Asia/Jerusalem (Israel) or Europe/Dublin (Ireland)"),
    ],
)
def test_an_abbreviation_of_several_zones_is_refused_naming_them(given, zones):
    with pytest.raises(InputError) as e:
        check_tz(given)
    assert str(e.value).endswith(f"{given.upper()} names several zones: {zones}; give the one meant by its name")
    for zone in zones.split(" or ")[-1:] + zones.split(", ")[:1]:
        assert check_tz(zone.split(" (")[0]) == zone.split(" (")[0]  # each one named is read


@pytest.mark.parametrize(
    ("given", "clock", "zone", "offset"),
    [  # regression (h398): read as the database's fixed offset, New York's reviews an hour off from March to November
        ("EST", "US Eastern", "America/New_York", "-05:00"),
        ("mst", "US Mountain", "America/Denver", "-07:00"),
        (" Est ", "US Eastern", "America/New_York", "-05:00"),
    ],
)
def test_an_abbreviation_without_summer_time_is_refused_naming_zone_and_offset(given, clock, zone, offset):
    with pytest.raises(InputError) as e:
        check_tz(given)
    assert str(e.value).endswith(
        f"{given.strip().upper()} is a fixed offset without summer time: for {clock}'s clock (summer time from March "
        f"to November) give {zone}; for {offset} all year give {offset}"
    )
    assert (check_tz(zone), check_tz(offset)) == (zone, offset)  # each one named is read


@pytest.mark.parametrize("given", ["HST", "hst"])
def test_hawaii_s_abbreviation_reads_as_its_zone(given):
    assert check_tz(given) == "Pacific/Honolulu"  # Hawaii keeps no summer time: its zone, written one way


@pytest.mark.parametrize(
    ("given", "read"), [("JST", "+09:00"), ("Japan", "+09:00"), ("KST", "+09:00"), ("HST", "-10:00")]
)
def test_without_a_zone_database_an_alias_reads_as_its_offset(monkeypatch, given, read):
    monkeypatch.setattr(_zone, "_known", lambda name: False)
    assert check_tz(given) == read


def test_a_zone_that_is_no_str_is_a_type_error():
    with pytest.raises(TypeError, match="tz"):
        check_tz(9)


def test_without_a_zone_database_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(_zone, "zone_database", lambda: False)
    monkeypatch.setattr("taikai.io._date_zones.zone_database", lambda: False)
    with pytest.raises(InputError, match=r"no such time zone; this Python has no time zone database: install it with "):
        check_tz("Mars/Olympus")


@pytest.mark.parametrize(
    ("tz", "date_column", "read"), [(None, None, None), (None, "posted_at", None), ("UTC", "posted_at", "UTC")]
)
def test_a_zone_of_periods_needs_a_date_column(tz, date_column, read):
    assert period_tz(tz, date_column) == read


def test_a_zone_without_a_date_column_is_refused():
    with pytest.raises(InputError, match=r"^tz='UTC' \(--tz UTC on the command line\) applies to periods: give"):
        period_tz("UTC", None)


@pytest.mark.parametrize(
    ("written", "offset"),
    [("Z", 0), ("UTC", 0), ("GMT", 0), ("+09:00", 9 * 60), ("+0900", 9 * 60), ("-05", -5 * 60), ("JST", None)],
)
def test_the_offset_a_time_is_written_with(written, offset):
    assert _zone.written_offset(written) == (None if offset is None else timedelta(minutes=offset))
