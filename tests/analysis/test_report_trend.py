"""The report's trend table: a run of periods without reviews is one row of zeros named by its first and last
period, as the drift section names it, so that years of empty weeks are not hundreds of rows."""

import re

import pandas as pd
import pytest
from support_frames import classified

from taikai.analysis import build_report
from taikai.labels import REASON_IDS


def _predictions(dates: list[str]) -> pd.DataFrame:
    """One classified review per date, with the columns taikai batch writes."""
    n = len(dates)
    frame = pd.DataFrame({"review_id": [f"r{i:03d}" for i in range(n)], "posted_at": dates})
    frame["text"] = [f"レビュー{i}" for i in range(n)]
    frame["reason"] = "fees"
    return classified(frame)


# (dates, freq, the trend table's periods, those of them without reviews: a run as "first – last")
CASES = [
    (["2025-01-10", "2025-03-10"], "M", ["2025-01", "2025-02", "2025-03"], ["2025-02"]),
    (
        ["2025-01-10", "2025-05-10", "2025-06-10"],
        "M",
        ["2025-01", "2025-02 – 2025-04", "2025-05", "2025-06"],
        ["2025-02 – 2025-04"],
    ),
    (["2020-01-06", "2025-01-06"], "W", ["2020-W02", "2020-W03 – 2025-W01", "2025-W02"], ["2020-W03 – 2025-W01"]),
    (["2024-12-30", "2025-01-06"], "W", ["2025-W01", "2025-W02"], []),
]


@pytest.mark.parametrize(("dates", "freq", "periods", "empty"), CASES)
def test_a_run_of_periods_without_reviews_is_one_row(dates, freq, periods, empty):
    page = build_report(_predictions(dates), "posted_at", freq=freq, embed_font=False, charts=False, drift=False)
    trend = re.search(r'<section id="trend">(.*?)</section>', page, re.S).group(1)
    rows = re.findall(r"<tr><th>(\d[^<]*)</th>(.*?)</tr>", trend, re.S)  # not the heading
    assert [name for name, _ in rows] == periods
    for name, cells in rows:  # no shares for no reviews: zeros, the total too
        zeros = cells.count('<td class="n">0</td>') == len(REASON_IDS) + 1 and "%" not in cells
        assert zeros == (name in empty), name
