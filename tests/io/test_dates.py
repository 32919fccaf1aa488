"""parse_dates reads the dates of dumps (Japanese ones too); check_date_column refuses a column without any."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.errors import DATE_COLUMN, InputError
from taikai.io import (
    DateOrder,
    YearRange,
    check_date_column,
    date_warnings,
    parse_dates,
    read_date_column,
)
from taikai.io._date_column import order_warning, range_warning
from taikai.io._dates import DATE_EXAMPLE, DATE_EXAMPLES, no_dates_error


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
        # regression (h360): dates of a Japanese era were read as no date, every row of such a dump undated
        ("令和8年12月1日", "2026-12-01 00:00:00"),
        ("令和 8 年 12 月 1 日 10:05", "2026-12-01 10:05:00"),
        ("令和元年5月1日", "2019-05-01 00:00:00"),
        ("平成31年4月30日(火)", "2019-04-30 00:00:00"),
        ("昭和64年1月7日", "1989-01-07 00:00:00"),
        ("令和8年12月", "2026-12-01 00:00:00"),
        ("令和8年12月1日 午後1時", "2026-12-01 13:00:00"),
        # regression (h389): Excel's Japanese calendar formats (ge.m.d, gge.m.d, gge年) and full-width forms
        ("R8.11.3", "2026-11-03 00:00:00"),
        ("H31/4/30 10:05", "2019-04-30 10:05:00"),
        ("令8.11.3(火)", "2026-11-03 00:00:00"),
        ("令8年11月3日", "2026-11-03 00:00:00"),
        ("Ｒ８．１１．３", "2026-11-03 00:00:00"),
        ("2026／11／03", "2026-11-03 00:00:00"),
        ("大正15年12月24日", "1926-12-24 00:00:00"),
        # a month column of a survey dump (h405: an era's month with dots was read as no date): its first day
        ("R8.11", "2026-11-01 00:00:00"),
        ("令8/11", "2026-11-01 00:00:00"),
        ("Ｒ８．１１", "2026-11-01 00:00:00"),
        ("令和8年11月", "2026-11-01 00:00:00"),
        ("2026/11", "2026-11-01 00:00:00"),
        ("2026年11月", "2026-11-01 00:00:00"),
    ],
)
def test_dates_as_dumps_write_them_are_read(value, expected):
    assert str(parse_dates(pd.Series([value], dtype=object))[0]) == expected


@pytest.mark.parametrize(
    "value",
    [
        *("2025年13月2日", "令和七年一月二日", "大化1年1月2日", "令和7年13月2日", "1月2日", "R00001", "", None),
        *("R1", "S1.2", "R8.13.3"),  # (h389) ids and impossible dates after an era's letter stay unread
        *("R1.4", "R8.13", "R8.11 10:05"),  # (h405) a month outside its era, no month, a time after a month
    ],
)
def test_what_is_not_a_date_stays_unread(value):
    assert parse_dates(pd.Series([value], dtype=object)).isna().all()


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(["2025年1月2日", "2025年2月3日"]),
        pd.Series([], dtype=object),  # regression: a file of no rows had its date column refused as empty
        pd.Series([], dtype=float),  # a header-only CSV's column, as pandas reads it
        pd.Series([], dtype="datetime64[ns]"),
    ],
    ids=["Japanese dates", "no rows", "no rows (float)", "no rows (datetime)"],
)
def test_a_column_of_dates_or_of_no_rows_is_not_refused(values):
    check_date_column(values, "posted_at", "dump.csv")


@pytest.mark.parametrize(
    ("values", "held"),
    [
        (["R1", "R2", "R3"], "holds no dates (none of its values reads as one, e.g. 'R1', 'R2')"),
        ([None, None], "is empty"),
        ([None, " ", None], "holds only empty or blank cells"),  # regression: said empty
        (["　", " "], "holds only empty or blank cells"),
    ],
)
def test_a_column_without_dates_is_refused_with_examples(values, held):
    with pytest.raises(InputError) as caught:
        check_date_column(pd.Series(values, dtype=object), "id", "dump.csv")
    assert str(caught.value).startswith(
        f"dump.csv: date_column='id' (--date-column on the command line) {held}; give a column of dates"
    )


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


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # one value can only be day-first: all are (03/04 is April 3), in any separator
        (["03/04/2026", "13/03/2026"], ["2026-04-03", "2026-03-13"]),
        (["03.04.2026", "13.03.2026 10:05"], ["2026-04-03", "2026-03-13 10:05:00"]),
        (["3-4-2026", "31-12-2025"], ["2026-04-03", "2025-12-31"]),
        # one value can only be month-first: all are
        (["03/04/2026", "03/13/2026"], ["2026-03-04", "2026-03-13"]),
        # none tells: month-first, as Excel's US export writes them
        (["03/04/2026", "12/11/2025"], ["2026-03-04", "2025-12-11"]),
        # year-first dates read one way only, whatever the others
        (["2026/03/04", "13/03/2026"], ["2026-03-04", "2026-03-13"]),
    ],
)
def test_year_last_dates_are_read_in_one_order_for_the_whole_column(values, expected):
    dates = parse_dates(pd.Series(values, dtype=object))
    assert [str(d).removesuffix(" 00:00:00") for d in dates] == expected


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["03/04/2026", "13/03/2026"], DateOrder.DAY_FIRST),
        (["03/04/2026", "03/13/2026"], DateOrder.MONTH_FIRST),
        (["03/04/2026", "04/03/2026"], DateOrder.UNTOLD),
        (["2026-03-04", "R1", None], None),
    ],
)
def test_the_order_of_a_column_is_told_from_its_values(values, order):
    assert read_date_column(pd.Series(values, dtype=object), "posted_at", "p.csv").order is order


@pytest.mark.parametrize(
    ("values", "either", "said"),
    [
        # Regression: the warning cites one of the column's own dates (it always cited 03/04/2026), read month-first
        (["05/06/2026", "07/08/2026"], "05/06/2026", "dates such as 05/06/2026 read either way"),
        (["2026-01-02", "11.12.2025"], "11.12.2025", "read month-first (November 12)"),
        # a date that reads one day either way (03/03) is a poor example: another is cited
        (["03/03/2026", "09/10/2026"], "09/10/2026", "dates such as 09/10/2026 read"),
        (["03/03/2026"], "03/03/2026", "dates such as 03/03/2026 read"),
        # the date only: no time, nor text the cell goes on with
        (["05/06/2026 10:30", "05/06/2026 田中太郎さんに電話"], "05/06/2026", "dates such as 05/06/2026 read"),
    ],
)
def test_the_untold_order_warning_cites_a_date_of_the_column(values, either, said):
    read = read_date_column(pd.Series(values, dtype=object), "posted_at", "p.csv")
    assert read.order is DateOrder.UNTOLD and read.either == either
    warning = date_warnings(read, values, "p.csv", "posted_at")
    assert len(warning) == 1 and said in warning[0] and "田中" not in warning[0] and "10:30" not in warning[0]


@pytest.mark.parametrize("reader", [parse_dates, lambda v: check_date_column(v, "posted_at", "p.csv")])
def test_a_column_written_both_ways_is_refused_with_one_example_of_each(reader):
    with pytest.raises(InputError) as caught:
        reader(pd.Series(["03/04/2026", "13/03/2026", "03/13/2026", "14/03/2026"], dtype=object))
    message = str(caught.value)
    assert "written day-first (e.g. '13/03/2026') and month-first (e.g. '03/13/2026')" in message
    assert message.endswith("write dates as YYYY-MM-DD (2026-03-14), which reads one way only")


def test_a_refused_column_is_named_with_its_file():
    with pytest.raises(
        InputError,
        match=r"^p\.csv: date_column='posted_at' "
        r"\(--date-column on the command line\) holds dates written day-first",
    ):
        check_date_column(pd.Series(["13/03/2026", "03/13/2026"]), "posted_at", "p.csv")


@pytest.mark.parametrize(
    ("order", "said"),
    [(DateOrder.UNTOLD, "they were read month-first (March 4)"), (DateOrder.DAY_FIRST, None), (None, None)],
)
def test_only_an_untold_order_is_warned_about(order, said):
    warning = order_warning(order, "p.csv", "posted_at")
    assert (warning is None) == (said is None)
    if said is not None:
        assert warning is not None and warning.startswith(
            "p.csv: date_column='posted_at' (--date-column on the command line): dates such as 03/04"
        )
        assert said in warning and warning.endswith("write dates as YYYY-MM-DD (2026-03-14), which reads one way only")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025年01月01日(水)", "2025-01-01 00:00:00"),
        ("2026/03/14(土)", "2026-03-14 00:00:00"),
        ("2026/03/14（土曜日）", "2026-03-14 00:00:00"),
        ("2026年3月14日 (土曜) 10:05", "2026-03-14 10:05:00"),
        ("2026年3月14日10時05分", "2026-03-14 10:05:00"),
        ("2026年3月14日 10時", "2026-03-14 10:00:00"),
        ("2026年3月14日(土)10時05分30秒", "2026-03-14 10:05:30"),
        ("14/03/2026(土)", "2026-03-14 00:00:00"),
    ],
)
def test_japanese_weekdays_and_times_are_read(value, expected):
    assert str(parse_dates(pd.Series([value], dtype=object))[0]) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026年3月14日(土) 午前10時", "2026-03-14 10:00:00"),  # regression: NaT
        ("2026年3月14日 午後1時", "2026-03-14 13:00:00"),
        ("2026年3月14日 午前0時", "2026-03-14 00:00:00"),
        ("2026年3月14日 午後12時", "2026-03-14 12:00:00"),
        ("2026年3月14日 午後0時", "2026-03-14 12:00:00"),
        ("2026年3月14日 午前12時", "2026-03-14 00:00:00"),
        ("2026年3月14日 午後1時30分", "2026-03-14 13:30:00"),
        ("2026-03-14 午前10時05分30秒", "2026-03-14 10:05:30"),
        ("2026/3/14(土)午後1:30", "2026-03-14 13:30:00"),
        ("2026/3/14 午後 1:30:15", "2026-03-14 13:30:15"),
        ("2026/03/14 午前 9:05", "2026-03-14 09:05:00"),
        ("2026年3月14日 午後11時59分", "2026-03-14 23:59:00"),
        ("2026年3月14日 午後13時", "NaT"),  # no 13 o'clock on a 12-hour clock: unread, not a wrong time
        ("2026年3月14日 午前10時半", "2026-03-14 10:30:00"),  # half past: regression, NaT
        ("2026年3月14日 午後1時 半", "2026-03-14 13:30:00"),
        ("2026年3月14日 10時半", "2026-03-14 10:30:00"),
    ],
)
def test_japanese_12_hour_times_are_read(value, expected):
    assert str(parse_dates(pd.Series([value], dtype=object))[0]) == expected


@pytest.mark.parametrize("example", DATE_EXAMPLES)
def test_every_example_the_refusal_gives_reads_as_a_date(example):
    assert example in DATE_EXAMPLE
    assert parse_dates(pd.Series([example], dtype=object)).notna().all()


TWO_YEARS = [f"{2025 + i // 12}-{1 + i % 12:02d}-15" for i in range(24)] * 5  # 120 dates in 2025-2026


@pytest.mark.parametrize(
    ("odd", "out", "years"),
    [
        ([], 0, (2024, 2027)),
        (["1970-01-01"], 1, (2024, 2027)),
        (["2062-03-14", "1970-01-01", "not a date"], 2, (2024, 2027)),
        (["2027-06-01"], 0, (2024, 2027)),  # a year after the bulk is still in range
    ],
)
def test_dates_far_outside_the_others_are_out_of_range(odd, out, years):
    read = read_date_column(pd.Series([*TWO_YEARS, *odd], dtype=object), "posted_at", "p.csv")
    assert read.out_of_range == out and read.years == YearRange(*years)
    assert read.unread == odd.count("not a date")
    assert read.dates.notna().sum() == len(TWO_YEARS) + len(odd) - out - read.unread
    assert read.read.notna().sum() == len(TWO_YEARS) + len(odd) - read.unread  # out of range: read, not lost


def test_the_range_warning_counts_the_rows_and_gives_the_years():
    assert range_warning(0, YearRange(2024, 2027), "p.csv", "posted_at") is None
    assert range_warning(2, YearRange(2024, 2027), "p.csv", "posted_at") == (
        "p.csv: date_column='posted_at' "
        "(--date-column on the command line): 2 row(s) have a date far outside the others (outside 2024-2027) and are "
        "left out of the periods; check those dates (mistyped?)"
    )


LONG_REVIEW = "クラウドソーシングで月5万は可能ですか？という質問への回答です。" * 20


@pytest.mark.parametrize(
    ("values", "quoted"),
    [
        ([LONG_REVIEW], f"e.g. '{LONG_REVIEW[:20]}…')"),  # a column of reviews given by mistake: its first 40 columns
        (["R1\n2行目"], "e.g. 'R1 2行目')"),  # on one line
        (["R1", "R2"], "e.g. 'R1', 'R2')"),  # short values as written
    ],
)
def test_the_refusal_quotes_a_long_value_cut_on_one_line(values, quoted):
    with pytest.raises(InputError) as caught:
        check_date_column(pd.Series(values, dtype=object), "text", "p.csv")
    message = str(caught.value)
    assert f"holds no dates (none of its values reads as one, {quoted};" in message
    assert len(message) < 400


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # regression: 20250102 as text read as a date, as a number (a JSONL dump; a batch output's column read as
        # numbers by the report) not: drift read a CSV's column the report then refused in its predictions file
        ([20250102, 20251231], ["2025-01-02", "2025-12-31"]),
        ([20250102.0, float("nan")], ["2025-01-02", "NaT"]),  # a column of them with a blank: read as floats
        (pd.Series([20250102, "2025-02-03", None], dtype=object), ["2025-01-02", "2025-02-03", "NaT"]),
        (["20250102", "20251345"], ["2025-01-02", "NaT"]),  # as text: the same reading, an impossible date none
        ([20251345, 1, 2, 45658, 123456789, 2025010.5], ["NaT"] * 6),  # other numbers are no dates
    ],
)
def test_a_compact_date_reads_as_a_number_as_it_does_as_text(values, expected):
    dates = parse_dates(values if isinstance(values, pd.Series) else pd.Series(values))
    assert [str(d).removesuffix(" 00:00:00") for d in dates] == expected


@pytest.mark.parametrize(
    "dtype",
    ["object", "category", "string[pyarrow]", "dictionary"],
)
def test_japanese_dates_are_read_whatever_the_column_dtype(dtype):
    """Regression: a column of a Parquet file of categories read with dtype_backend="pyarrow" (a pyarrow dictionary)
    read only its ISO dates: 2025年1月2日 and 10時05分 became NaT."""
    import pyarrow as pa

    written = ["2025年1月2日", None, "2025/01/03 10時05分", "2025-01-04"]
    if dtype == "dictionary":
        values = pd.Series(
            pd.array(pa.array(written).dictionary_encode(), dtype=pd.ArrowDtype(pa.dictionary(pa.int32(), pa.string())))
        )
    else:
        values = pd.Series(written, dtype=dtype)
    read = parse_dates(values)
    assert [None if pd.isna(d) else str(d) for d in read] == [
        "2025-01-02 00:00:00",
        None,
        "2025-01-03 10:05:00",
        "2025-01-04 00:00:00",
    ]


@pytest.mark.parametrize(
    ("values", "dates"),
    [
        ([20250102, 20251345], ["2025-01-02", None]),  # eight digits read as a compact date; an impossible one none
        ([20250102.0, 20250102.5], ["2025-01-02", None]),  # a fraction is no date
    ],
)
def test_numbers_are_dates_only_as_eight_whole_digits(values, dates):
    read = parse_dates(pd.Series(values))
    assert [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in read] == dates


@pytest.mark.parametrize(
    ("first", "said"), [(None, "none of its values reads"), (100, "none of its values in the first 100 rows")]
)
def test_a_column_without_dates_says_how_many_rows_were_read(first, said):
    assert said in str(no_dates_error("date", "d.csv", ["x"], first))


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ([1767225600, 1767312000], "(seconds since 1970-01-01 UTC; the first is 2026-01-01 00:00 UTC)"),
        (["1767225600"], "(seconds since 1970-01-01 UTC; the first is 2026-01-01 00:00 UTC)"),
        ([1767225600.0, None], "(seconds since 1970-01-01 UTC; the first is 2026-01-01 00:00 UTC)"),
        ([1767225600000], "(milliseconds since 1970-01-01 UTC; the first is 2026-01-01 00:00 UTC)"),
        (["1000000000000", "1767225600123"], "(milliseconds since 1970-01-01 UTC; the first is 2001-09-09 01:46 UTC)"),
        ([999_999_999], None),  # nine digits: an id, not a time of this century
        ([45658], None),  # an Excel serial date: its own hint
        ([12345678901], None),  # eleven digits: past 2033 as seconds, 1970 as milliseconds
        (["1767225600x"], None),
    ],
)
def test_unix_times_are_named_with_how_to_convert_them(values, said):
    """Regression: a column of Unix times (a database's epoch seconds) was refused as holding no dates, no word of
    what they are, nor that pandas.to_datetime(unit='s') or the export converts them."""
    message = str(no_dates_error("posted_at", "d.csv", pd.Series(values).dropna()))
    assert ("they look like Unix times " + said in message) if said else "Unix times" not in message, message
    if said:
        unit = "'s'" if "(seconds" in said else "'ms'"
        assert f"pandas.to_datetime(values, unit={unit}, utc=True)" in message
        assert message.endswith(f"; then give a column of {DATE_EXAMPLE}, or leave {DATE_COLUMN} out")


@pytest.mark.parametrize(
    ("values", "distinct", "expected"),
    [
        (["2026年3月14日", "2026年3月15日"] * 500, 2, ["2026-03-14", "2026-03-15"] * 500),
        ([20260314, True, 1, None, "2026/03/14"] * 200, 4, ["2026-03-14", "NaT", "NaT", "NaT", "2026-03-14"] * 200),
    ],
    ids=["japanese", "mixed"],
)
def test_each_distinct_date_is_read_once(monkeypatch, values, distinct, expected):
    """Regression: the report read its date column cell by cell in several sections (185,000 cells read for a
    30,000-row dump of 669 dates)."""
    from taikai.io import _dates

    read = []
    local = _dates._local
    monkeypatch.setattr(_dates, "_local", lambda value, order=None: read.append(value) or local(value, order))
    dates = parse_dates(pd.Series(values, dtype=object))
    assert [str(d.date()) if d == d else "NaT" for d in dates] == expected
    assert len(read) <= distinct
