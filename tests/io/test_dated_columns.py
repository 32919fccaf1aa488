"""The columns that read as dates (io/_dated_columns.py): named by the error of a date column not found, in the
report and in drift alike, and by the report's note that no date column was given."""

from __future__ import annotations

import pandas as pd
import pytest

from taikai.io import ReadOptions, dated_columns, dates_told

DAYS = [f"2026/{1 + i // 28}/{1 + i % 28}" for i in range(100)]


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (DAYS, True),
        # regression (h389): an Excel export's few serial numbers among its dates hid the column
        ([*DAYS[:90], *["46329"] * 10], True),
        ([*DAYS[:92], *["不明"] * 8], True),
        ([*DAYS[:50], *["不明"] * 50], False),  # half of them: free text with dates in it
        (["20260101"] * 100, False),  # digits only: an id
        ([f"R{i:05d}" for i in range(100)], False),
        (["", *DAYS[:99]], True),
    ],
)
def test_a_column_of_dates_is_named(cells, named):
    frame = pd.DataFrame({"投稿日": cells, "text": ["報酬が安い。"] * len(cells)})
    assert dated_columns(frame) == (["投稿日"] if named else [])


def test_a_file_is_read_for_its_columns_of_dates(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"投稿日": DAYS, "本文": ["報酬が安い。"] * len(DAYS)}).to_csv(path, index=False, encoding="cp932")
    reader = ReadOptions().open(path)
    said = "; '投稿日' reads as dates: date_column='投稿日' (--date-column '投稿日' on the command line)"
    assert dates_told(reader, "posted_at") == said
    assert dates_told(reader, "投稿日") == ""
