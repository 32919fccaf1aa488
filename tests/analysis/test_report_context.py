"""The report's context columns (the --by and --date-column values beside each quoted review) read as written."""

import re

import pandas as pd
import pytest

from taikai.analysis import build_report

ZONED_ARROW = "timestamp[us, UTC][pyarrow]"
TEXTS = ["手数料が高すぎて続けられない", "単価が安すぎて生活できない", "提案が通らない", "子育てで時間がない"]


def cells(page: str, key: str) -> list[str]:
    """Return the texts of the td cells of the section *key* of *page*."""
    found = re.search(rf'<section id="{key}">(.*?)</section>', page, re.S)
    assert found is not None, key
    return re.findall(r"<td[^>]*>(.*?)</td>", found.group(1))


@pytest.mark.parametrize(
    ("values", "shown", "not_shown"),
    [
        # a rating of a numeric column (a float column once a cell is blank) read as a probability's 3 places
        ([5.0, 4.0, 3.0, 2.0] * 2, "5.0", "5.000"),
        ([4.25, 1.5, 2.0, 3.0] * 2, "4.25", "4.250"),
        # a year, or a shop code, with a thousands separator
        ([2025, 2026, 2027, 2028] * 2, "2025", "2,025"),
        # a Parquet column of dates read as datetimes: no midnight appended
        (list(pd.to_datetime(["2026-01-05", "2026-02-05"] * 4)), "2026-01-05", "2026-01-05 00:00:00"),
        # and with a time zone (a Parquet timestamp[tz=Asia/Tokyo], pyarrow's too): the dates in that zone
        (
            pd.to_datetime(["2026-01-05", "2026-02-05"] * 4).tz_localize("Asia/Tokyo"),
            "2026-01-05",
            "2026-01-05 00:00:00+09:00",
        ),
        (
            pd.array(
                pd.to_datetime(["2026-01-05", "2026-02-05"] * 4).tz_localize("UTC"), "timestamp[us, UTC][pyarrow]"
            ),
            "2026-02-05",
            "2026-02-05 00:00:00+00:00",
        ),
        # a time is kept with its offset
        (
            pd.to_datetime(["2026-01-05 10:30", "2026-02-05"] * 4, format="mixed").tz_localize("Asia/Tokyo"),
            "2026-01-05 10:30:00+09:00",
            "2026-01-05 10:30:00",
        ),
    ],
)
@pytest.mark.parametrize("key", ["representative", "uncertain"])
def test_review_tables_show_a_numeric_or_date_segment_as_the_segments_table_names_it(
    tiny_model, values, shown, not_shown, key
):
    """Regression: a --by column of ratings showed 5.000 beside each review (and 5.0 in the table of segments), a
    year 2,025, a date 2026-01-05 00:00:00."""
    frame = tiny_model.predict_frame(
        pd.DataFrame({"segment": values, "text": [f"{t} {i}" for i, t in enumerate(TEXTS * 2)]})
    )
    page = build_report(frame, by="segment", embed_font=False, charts=False, drift=False)
    found = cells(page, key)
    assert shown in found and not_shown not in found
    assert shown in re.findall(r"<th>(.*?)</th>", page.split('<section id="segments">')[1].split("</section>")[0])


def test_a_blank_segment_beside_numbers_is_still_named_blank(tiny_model):
    frame = tiny_model.predict_frame(pd.DataFrame({"segment": [5.0, None] * 4, "text": TEXTS * 2}))
    page = build_report(frame, by="segment", embed_font=False, charts=False, drift=False)
    assert "(空欄)" in cells(page, "uncertain") and "5.0" in cells(page, "uncertain")
