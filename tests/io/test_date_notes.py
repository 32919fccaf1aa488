"""The notes of a date column (io/_date_notes.py): one account of its Excel serial numbers, Unix times, dates without
a year and time zone, whether the column is read whole (the report) or a chunk at a time (drift)."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.io import DateNotes, DateOrder, YearRange

CELLS = [
    "2026-01-05",
    "46329",
    "1767225600",
    "10/24",
    "2026-01-06T10:00:00Z",
    "1767225600000",
    None,
    "46330",
    *["1767225601"] * 6,
    "10月25日",
]


@pytest.mark.parametrize("size", [1, 2, 3, 5, len(CELLS)])
def test_notes_of_chunks_add_up_to_the_notes_of_the_whole_column(size):
    whole = DateNotes.of(CELLS)
    added = DateNotes()
    for start in range(0, len(CELLS), size):
        added += DateNotes.of(CELLS[start : start + size], start)
    assert added == whole
    assert (whole.serials, whole.serial, whole.yearless, whole.month_day, whole.unix) == (2, "46329", 2, "10/24", 8)
    assert [at for at, _ in whole.unix_first] == [2, 5, 8, 9, 10]  # the first 5, by data row from 0
    assert whole.zone is not None and whole.zone.zone == "Z"


@pytest.mark.parametrize(
    ("notes", "said"),
    [
        (DateNotes(), []),
        (DateNotes(serials=2, serial="46329"), ["2 row(s) hold a number, not a date (e.g. '46329')"]),
        (DateNotes(yearless=1, month_day="10/24"), ["1 row(s) hold a date without its year (e.g. '10/24')"]),
        (DateNotes(unix=1, unix_first=((0, "1767225600"),)), ["1 row(s) hold a number, not a date (data row(s) 1;"]),
    ],
)
def test_the_warnings_say_what_the_notes_hold(notes, said):
    warnings = notes.warnings(None, None, 0, None, "dump.csv", "posted_at")
    assert len(warnings) == len(said)
    for warning, part in zip(warnings, said, strict=True):
        assert warning.startswith("dump.csv: date_column='posted_at' (--date-column on the command line): ")
        assert part in warning


def test_the_order_and_the_dates_out_of_range_are_warned_of_first():
    warnings = DateNotes(serials=1, serial="46329").warnings(
        DateOrder.UNTOLD, "05/06/2026", 3, YearRange(2025, 2027), "d.csv", "at"
    )
    assert [w.split(": ", 2)[2][:30] for w in warnings] == [
        "dates such as 05/06/2026 read ",
        "3 row(s) have a date far outsi",
        "1 row(s) hold a number, not a ",
    ]


def test_a_zone_given_is_not_noted():
    assert DateNotes.of(["2026-01-06T10:00:00Z"], tz="Asia/Tokyo").zone is None


@pytest.mark.parametrize(
    ("cells", "read", "said"),
    [  # regression (h389): drift counted the rows whose cell reads as no date, never saying which
        (
            ["2026-01-05", "不明", "2026/11/3 確認済"],
            [True, False, False],
            "2 row(s) hold a value that reads as no "
            "date (data row(s) 2, 3: '不明', '2026/11/3 確認済') and count as rows without a date; check those cells",
        ),
        (
            ["不明"] * 7,
            [False] * 7,
            "7 row(s) hold a value that reads as no date (data row(s) 1, 2, 3, 4, 5, and 2 more: '不明')",
        ),
        # blank, or explained by another warning: not listed here
        ([None, " ", "46329", "1767225600", "10/24", pd.NA, "2026-01-05"], [False] * 6 + [True], None),
    ],
)
def test_cells_read_as_no_date_are_named(cells, read, said):
    warnings = DateNotes.of(cells, read=read).warnings(None, None, 0, None, "d.csv", "at")
    named = [w for w in warnings if "reads as no date" in w]
    if said is None:
        assert named == []
    else:
        assert len(named) == 1 and named[0].startswith("d.csv: date_column='at' (--date-column on the command line): ")
        assert said in named[0]
