"""A date column mixing dates and times with a time zone and without one (h405: drift, the report and check_drift
counted each in its own clock and said only the zone of the first; with --tz the ones without were taken as in it
unsaid): the warning counts both, cites one of each, and says what --tz does with them."""

from __future__ import annotations

import warnings
from datetime import datetime, timezone

import pandas as pd
import pytest

from taikai.errors import DataWarning
from taikai.io import foreign_zone
from taikai.io._zone_mix import ForeignZone, ZoneMix

BOTH = (
    "d.csv: date_column='posted' (--date-column on the command line): {z} of its dates and times carry a time zone "
    "(e.g. {zf!r}) and {p} none (e.g. {pf!r}); "
)
UNGIVEN = (
    "each counts in the clock it is written in (those of Z in its clock, not Japan's, UTC+9), so that one moment "
    "written both ways can count in another day, week or month; to count them in Japan's time, give tz='Asia/Tokyo' "
    "(--tz Asia/Tokyo on the command line): those with a zone are converted to it, the others taken as in it"
)
GIVEN = (
    "those with a zone are converted to Asia/Tokyo, those without are taken as already in Asia/Tokyo's clock: if they "
    "were written in another zone, give that zone as tz= (--tz on the command line) instead"
)


@pytest.mark.parametrize(
    ("values", "counts", "foreign"),
    [
        (["2026-12-01 08:00 JST", "2026-11-15 10:00", "2026-11-30T20:00:00Z"], (2, 1), ("Z", "2026-11-30T20:00:00Z")),
        (["2026-11-30 20:00 +0900", "2026年11月15日 10時05分", "2026-11-15", "2026年11月", None, 3], (1, 1), None),
        (
            [datetime(2026, 11, 1, 5, tzinfo=timezone.utc), datetime(2026, 11, 1, 5), datetime(2026, 11, 1)],
            (1, 1),
            ("UTC", "2026-11-01 05:00:00+00:00"),
        ),
        ([pd.Timestamp("2026-11-01 05:00"), "R8.11.3", "不明"], (0, 1), None),
    ],
)
def test_dates_and_times_are_counted_with_and_without_a_zone(values, counts, foreign):
    mix = ZoneMix.of(values)
    assert (mix.zoned, mix.plain) == counts
    assert mix.foreign == (ForeignZone(*foreign) if foreign else None) == foreign_zone(values)


def test_a_column_of_one_zone_s_timestamps_mixes_none():
    values = pd.Series(pd.to_datetime(["2026-11-01 05:00", "2026-11-02 00:00"]).tz_localize("UTC"))
    assert (ZoneMix.of(values).zoned, ZoneMix.of(values).plain) == (0, 0)


ONE_ZONE = (
    "d.csv: date_column='posted' (--date-column on the command line): its dates and times carry the time zone Z (e.g. "
    "'2026-11-30T20:00:00Z') and are counted in its clock, not Japan's (UTC+9)"
)


@pytest.mark.parametrize(
    ("chunks", "tz", "said"),
    [
        ([["2026-11-30T20:00:00Z"], ["2026-11-15 10:00", "2026-11-16 10:00"]], None, (1, 2, UNGIVEN)),
        ([["2026-11-30T20:00:00Z", "2026-11-15 10:00"]], "Asia/Tokyo", (1, 1, GIVEN)),
        # Japan's offset beside Japan's wall clocks, counted in no zone given: one clock, nothing to say
        ([["2026-11-30T20:00:00+09:00", "2026-11-15 10:00"]], None, None),
        ([["2026-11-30T20:00:00Z", "2026-11-15"]], None, ONE_ZONE),  # a date alone is a day in any clock
        ([["2026-11-30T20:00:00Z"]], "Asia/Tokyo", None),
    ],
)
def test_the_warning_says_what_each_kind_counts_in(chunks, tz, said):
    mix = sum((ZoneMix.of(chunk, tz) for chunk in chunks), ZoneMix())
    warning = mix.warning("d.csv", "posted")
    if said is None:
        assert warning is None
    elif isinstance(said, str):
        assert warning is not None and warning.startswith(said)
    else:
        z, p, how = said
        firsts = [v for c in chunks for v in c]
        expected = BOTH.format(z=z, zf=firsts[0], p=p, pf=next(v for v in firsts if "T" not in v)) + how
        assert warning == expected


def test_check_drift_says_a_mixed_column_once(tiny_model):
    """Regression (h414): a column mixing UTC times with times of no zone got two warnings, that its times carry
    UTC and that it mixes times with a zone and without, each with its own way of saying --tz Asia/Tokyo."""
    from taikai import check_drift

    dump = pd.DataFrame(
        {"text": ["手数料が高い", "単価が安い"] * 3, "posted": ["2026-11-30T20:00:00Z", "2026-11-15 10:00"] * 3}
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_drift(dump, tiny_model, date_column="posted")
    said = [str(w.message) for w in caught if issubclass(w.category, DataWarning) and "time zone" in str(w.message)]
    assert said == [
        BOTH.replace("d.csv", "<frame>").format(z=3, zf="2026-11-30T20:00:00Z", p=3, pf="2026-11-15 10:00") + UNGIVEN
    ]
