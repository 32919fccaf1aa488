"""parse_dates reads the dates of dumps (Japanese ones too); check_date_column refuses a column without any."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.io import check_date_column, parse_dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025年1月2日", "2025-01-02 00:00:00"),
        ("2025年01月02日", "2025-01-02 00:00:00"),
        ("2025年1月2日 10:05", "2025-01-02 10:05:00"),
        ("2025年12月31日 23:59:59", "2025-12-31 23:59:59"),
        (" 2025年01月 ", "2025-01-01 00:00:00"),  # a month: its first day
        ("2025-01-02", "2025-01-02 00:00:00"),
        ("2025/01/02", "2025-01-02 00:00:00"),
    ],
)
def test_dates_as_dumps_write_them_are_read(value, expected):
    assert str(parse_dates(pd.Series([value], dtype=object))[0]) == expected


@pytest.mark.parametrize("value", ["2025年13月2日", "令和7年1月2日", "1月2日", "R00001", "", None])
def test_what_is_not_a_date_stays_unread(value):
    assert parse_dates(pd.Series([value], dtype=object)).isna().all()


def test_a_column_of_japanese_dates_is_not_refused():
    check_date_column(pd.Series(["2025年1月2日", "2025年2月3日"]), "posted_at", "dump.csv")


@pytest.mark.parametrize(
    ("values", "held"),
    [
        (["R1", "R2", "R3"], "holds no dates (none of its values reads as one, e.g. 'R1', 'R2')"),
        ([None, " ", None], "is empty"),
    ],
)
def test_a_column_without_dates_is_refused_with_examples(values, held):
    with pytest.raises(InputError) as caught:
        check_date_column(pd.Series(values, dtype=object), "id", "dump.csv")
    assert str(caught.value).startswith(f"dump.csv: --date-column 'id' {held}; give a column of dates")


JAPAN_MORNING = "2026-04-01T08:00:00+09:00"


@pytest.mark.parametrize(
    "others",
    [
        [JAPAN_MORNING],  # only offset values
        ["2026-04-05"],  # beside a plain date (pandas would convert the column to UTC: March 31, 23:00)
        ["2026-04-01T08:00:00Z"],  # beside another offset
        ["2026-04-05", "2026-04-02T01:00:00-05:00", None, "unreadable"],
    ],
)
def test_a_time_with_an_offset_counts_in_its_own_local_time_whatever_the_other_rows(others):
    dates = parse_dates(pd.Series([JAPAN_MORNING, *others], dtype=object))
    assert str(dates[0]) == "2026-04-01 08:00:00"
    assert str(dates.dt.to_period("M")[0]) == "2026-04"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-01 08:00 +0900", "2026-04-01 08:00:00"),
        ("2026-04-01T23:30:00.5-05:00", "2026-04-01 23:30:00.500000"),
        ("2026年4月1日 08:00+09:00", "2026-04-01 08:00:00"),
        ("2026-04-01 08:00:00 UTC", "2026-04-01 08:00:00"),
    ],
)
def test_offsets_in_any_form_are_dropped_beside_a_plain_date(value, expected):
    assert str(parse_dates(pd.Series([value, "2026-04-05"], dtype=object))[0]) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-01 08:00 JST", "2026-04-01 08:00:00"),
        ("2026-04-01T08:00:00JST", "2026-04-01 08:00:00"),
        ("2026/04/01 23:30:00 jst", "2026-04-01 23:30:00"),
        ("2026-04-01 08:00 (JST)", "2026-04-01 08:00:00"),
        ("2026-04-01 08:00 日本時間", "2026-04-01 08:00:00"),
        ("2026年4月1日 08:00 JST", "2026-04-01 08:00:00"),
        ("2026-04-01 JST", "2026-04-01 00:00:00"),
    ],
)
@pytest.mark.parametrize("beside", [[], ["2026-04-05"], ["2026-04-01T08:00:00Z"]])
def test_japan_time_named_jst_is_read_in_its_own_local_time(value, expected, beside):
    assert str(parse_dates(pd.Series([value, *beside], dtype=object))[0]) == expected


def test_a_column_of_jst_times_is_not_refused():
    check_date_column(pd.Series(["2025-01-01 08:00 JST", "2025-01-02 09:30 JST"]), "posted_at", "jst.csv")


@pytest.mark.parametrize("value", ["JST", "12 JST", "日本時間"])
def test_a_japan_time_zone_without_a_date_stays_unread(value):
    assert parse_dates(pd.Series([value], dtype=object)).isna().all()


def test_an_aware_datetime_object_keeps_its_wall_clock_beside_a_plain_date():
    from datetime import datetime, timedelta, timezone

    aware = datetime(2026, 4, 1, 8, tzinfo=timezone(timedelta(hours=9)))
    assert str(parse_dates(pd.Series([aware, "2026-04-05"], dtype=object))[0]) == "2026-04-01 08:00:00"


@pytest.mark.parametrize(
    ("values", "quoted"),
    [
        ([1.0, None, 2.0, 2.0], "e.g. '1', '2')"),  # a rating column with blanks: read as floats, quoted as written
        ([1.5, float("nan"), 20.0], "e.g. '1.5', '20')"),
        (["1.0", "2.0"], "e.g. '1.0', '2.0')"),  # text stays as it is
    ],
)
def test_the_refusal_quotes_numbers_as_the_file_wrote_them(values, quoted):
    with pytest.raises(InputError) as caught:
        check_date_column(pd.Series(values), "rating", "p.csv")
    assert f"holds no dates (none of its values reads as one, {quoted}" in str(caught.value)
