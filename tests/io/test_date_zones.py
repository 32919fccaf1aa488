"""Dates and times of a time zone other than Japan's: counted in their own zone's clock, and said so."""

import warnings
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

import taikai
from taikai import analysis
from taikai.io import foreign_zone, parse_dates
from taikai.io._zone_mix import ForeignZone

# 2026-04-01 08:30 in Japan, written in other zones: counted as written, in March but for Japan's own
JST_APRIL_1 = pd.Timestamp("2026-04-01 08:30", tz="Asia/Tokyo")
UTC = JST_APRIL_1.tz_convert("UTC")

ZONES = [
    # (column, its zone as said or None: counted in Japan's time, nothing to say)
    (pd.Series([UTC, UTC + pd.Timedelta(days=40)]), ForeignZone("UTC", "2026-03-31 23:30:00+00:00")),
    (pd.Series([JST_APRIL_1, pd.NaT]), None),  # a tz-aware column in Japan's zone
    (
        pd.Series([UTC, UTC]).dt.tz_convert("America/New_York"),
        ForeignZone("America/New_York", "2026-03-31 19:30:00-04:00"),
    ),
    (pd.Series([UTC.to_pydatetime(), None], dtype=object), ForeignZone("UTC", "2026-03-31 23:30:00+00:00")),
    (pd.Series([JST_APRIL_1, UTC], dtype=object), ForeignZone("UTC", "2026-03-31 23:30:00+00:00")),  # mixed zones
    (pd.Series([datetime(2026, 4, 1, 8, 30, tzinfo=timezone(timedelta(hours=9)))], dtype=object), None),
    (pd.Series(["2026-03-31T23:30:00Z", "2026-04-02"]), ForeignZone("Z", "2026-03-31T23:30:00Z")),
    (pd.Series(["2026-03-31 23:30:00 UTC"]), ForeignZone("UTC", "2026-03-31 23:30:00 UTC")),  # BigQuery's CSV
    (pd.Series(["2026-03-31T23:30:00+00:00"]), ForeignZone("+00:00", "2026-03-31T23:30:00+00:00")),
    (pd.Series(["2026-04-01T08:30:00+09:00", "2026-04-01 08:30 JST", "2026-04-01 08:30"]), None),
    (pd.Series(["2026-04-01", None, "不明"]), None),
    (pd.Series([UTC, None], dtype="timestamp[us, tz=UTC][pyarrow]"), ForeignZone("UTC", "2026-03-31 23:30:00+00:00")),
    (pd.Series([JST_APRIL_1, None], dtype="timestamp[us, tz=Asia/Tokyo][pyarrow]"), None),  # pyarrow's types
    (pd.Series([pd.NaT, pd.NaT], dtype="datetime64[ns, UTC]"), None),  # no date: nothing counted in UTC
]


@pytest.mark.parametrize(("values", "found"), ZONES)
def test_dates_of_a_zone_other_than_japans_are_found(values, found):
    assert foreign_zone(values) == found


def _zone_warnings(dates: pd.Series, **options: str) -> tuple[pd.DataFrame, list[str]]:
    df = pd.DataFrame({"reason": ["fees", "time"] * (len(dates) // 2) + ["fees"] * (len(dates) % 2)})
    df["sentiment"], df["posted_at"] = "negative", dates.to_numpy() if dates.dtype == object else dates
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counted = analysis.reasons_over_time(df, "posted_at", **options)
    return counted, [str(w.message) for w in caught if "time zone" in str(w.message)]


@pytest.mark.parametrize(("values", "found"), ZONES[:-1])  # a column of no date is refused, as any is
def test_the_report_says_which_zone_dates_were_counted_in(values, found):
    """Regression: UTC timestamps (a Parquet file of BigQuery's) were counted in UTC's months with no word: a review
    posted in Japan early on the 1st counted in the month before."""
    _, said = _zone_warnings(values)
    if found is None:
        assert said == []
    else:
        assert len(said) == 1, said
        assert f"carry the time zone {found.zone} (e.g. {found.example!r})" in said[0]
        assert "give tz='Asia/Tokyo' (--tz Asia/Tokyo on the command line)" in said[0]
        assert "the predictions frame: date_column='posted_at'" in said[0]


def test_dates_converted_to_japans_zone_are_counted_in_its_months():
    """The warning's advice works: the same moments in Asia/Tokyo count in April, without a warning."""
    counted, said = _zone_warnings(pd.Series([UTC, UTC]))
    assert [str(p) for p in counted.index] == ["2026-03"] and len(said) == 1
    counted, said = _zone_warnings(pd.Series([UTC, UTC]).dt.tz_convert("Asia/Tokyo"))
    assert [str(p) for p in counted.index] == ["2026-04"] and said == []
    assert taikai.DataWarning  # the warnings above are DataWarnings, shown by the CLI


# (cells, tz, the wall clock each is counted at): aware ones converted to tz, naive ones taken as in it
IN_ZONE = [
    (["2026-10-31T20:00:00Z"], "Asia/Tokyo", ["2026-11-01 05:00"]),  # November in Japan
    (["2026-10-31T20:00:00Z"], None, ["2026-10-31 20:00"]),  # no zone given: the clock written
    (["2026-10-31T20:00:00+00:00", "2026-10-31 20:00"], "Asia/Tokyo", ["2026-11-01 05:00", "2026-10-31 20:00"]),
    (["2026-03-31T15:00:00Z"], "Asia/Tokyo", ["2026-04-01 00:00"]),  # the 年度 starts on April 1 in Japan
    (["2026-03-31T14:59:59Z"], "Asia/Tokyo", ["2026-03-31 23:59:59"]),
    (["2026-04-01T08:00:00+09:00", "2026-04-01 08:00 JST"], "UTC", ["2026-03-31 23:00", "2026-03-31 23:00"]),
    (["2026-04-01 08:00"], "UTC", ["2026-04-01 08:00"]),  # naive: already in UTC
    (["2026-04-01T00:30:00+09:00"], "+09:00", ["2026-04-01 00:30"]),
    (["2026-10-31T23:00:00-05:00"], "Asia/Tokyo", ["2026-11-01 13:00"]),
    (["2026年3月31日 23:30", "不明", None], "Asia/Tokyo", ["2026-03-31 23:30", None, None]),
    (
        [datetime(2026, 3, 31, 23, 30, tzinfo=timezone.utc), "2026-03-31"],
        "Asia/Tokyo",
        ["2026-04-01 08:30", "2026-03-31"],
    ),
]


@pytest.mark.parametrize(("cells", "tz", "read"), IN_ZONE)
def test_dates_with_a_zone_are_converted_to_the_zone_given(cells, tz, read):
    got = parse_dates(pd.Series(cells, dtype=object), tz=tz)
    assert list(got) == [pd.NaT if r is None else pd.Timestamp(r) for r in read]


@pytest.mark.parametrize("dtype", ["datetime64[ns, UTC]", "timestamp[us, tz=UTC][pyarrow]"])
@pytest.mark.parametrize(("tz", "read"), [("Asia/Tokyo", "2026-04-01 08:30"), (None, "2026-03-31 23:30")])
def test_a_column_of_one_zone_is_converted_to_the_zone_given(dtype, tz, read):
    got = parse_dates(pd.Series([UTC, None], dtype=dtype), tz=tz)
    assert got.iloc[0] == pd.Timestamp(read) and pd.isna(got.iloc[1])


# (freq, the periods of 2026-03-31 23:30 UTC and 2026-10-31 20:00 UTC: as written, then in Japan's time)
BOUNDARIES = [
    ("M", ["2026-03", "2026-10"], ["2026-04", "2026-11"]),
    ("Q-MAR", ["FY2025-Q4", "FY2026-Q3"], ["FY2026-Q1", "FY2026-Q3"]),
    ("Y-MAR", ["FY2025", "FY2026"], ["FY2026"]),
]


@pytest.mark.parametrize(("freq", "in_utc", "in_japan"), BOUNDARIES)
def test_periods_of_utc_times_are_counted_in_the_zone_given(freq, in_utc, in_japan):
    """Regression: a UTC dump's review posted early on April 1 in Japan counted in March, and in the 年度 before."""
    dates = pd.Series(["2026-03-31T23:30:00Z", "2026-10-31T20:00:00Z"])
    counted, said = _zone_warnings(dates, freq=freq)
    named = [analysis.period_label(p) for p, n in counted.sum(axis=1).items() if n]
    assert named == in_utc and len(said) == 1
    counted, said = _zone_warnings(dates, freq=freq, tz="Asia/Tokyo")
    assert [analysis.period_label(p) for p, n in counted.sum(axis=1).items() if n] == in_japan
    assert said == []  # the zone given: nothing to warn about


def test_an_unknown_zone_is_refused_by_the_tables():
    with pytest.raises(taikai.InputError, match=r"^tz must be an IANA time zone name such as Asia/Tokyo"):
        _zone_warnings(pd.Series(["2026-03-31T23:30:00Z"]), tz="Tokyo")
