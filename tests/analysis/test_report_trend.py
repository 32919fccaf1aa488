"""The report's trend table: a run of periods without reviews is one row named by its first and last period, as the
drift section names it, so that years of empty weeks are not hundreds of rows; its cells say what the drift section
says of it (regression: a row of zeros there, ``no rows``/``行なし`` in the drift section), and periods are quarters or
(fiscal) years when asked, named as drift names them."""

import re

import pandas as pd
import pytest
from support_frames import classified

from taikai.analysis import build_report


def _predictions(dates: list[str]) -> pd.DataFrame:
    """One classified review per date, with the columns taikai batch writes."""
    n = len(dates)
    frame = pd.DataFrame({"review_id": [f"r{i:03d}" for i in range(n)], "posted_at": dates})
    frame["text"] = [f"レビュー{i}" for i in range(n)]
    frame["reason"] = "fees"
    return classified(frame)


# (dates, freq, language, the trend table's periods, those without reviews as "first – last": what their total says)
CASES = [
    (["2025-01-10", "2025-03-10"], "M", "ja", ["2025-01", "2025-02", "2025-03"], {"2025-02": "行なし"}),
    (
        ["2025-01-10", "2025-05-10", "2025-06-10"],
        "M",
        "en",
        ["2025-01", "2025-02 – 2025-04", "2025-05", "2025-06"],
        {"2025-02 – 2025-04": "no rows (3 months)"},
    ),
    (
        ["2020-01-06", "2025-01-06"],
        "W",
        "ja",
        ["2020-W02", "2020-W03 – 2025-W01", "2025-W02"],
        {"2020-W03 – 2025-W01": "行なし (260 週)"},
    ),
    (["2024-12-30", "2025-01-06"], "W", "ja", ["2025-W01", "2025-W02"], {}),
    (["2025-12-28", "2025-12-29"], "W", "ja", ["2025-W52", "2026-W01"], {}),  # Sunday, Monday: ISO weeks
    # a fiscal year from April (年度): 2026-03-31 is FY2025's last quarter, 2026-04-01 FY2026's first
    (
        ["2025-04-01", "2026-03-31", "2026-04-01"],
        "QE-MAR",
        "ja",
        ["FY2025-Q1", "FY2025-Q2 – FY2025-Q3", "FY2025-Q4", "FY2026-Q1"],
        {"FY2025-Q2 – FY2025-Q3": "行なし (2 四半期)"},
    ),
    (["2025-03-31", "2025-04-01"], "Q", "en", ["2025-Q1", "2025-Q2"], {}),
    (
        ["2024-03-31", "2026-04-01"],
        "YS-APR",
        "en",
        ["FY2023", "FY2024 – FY2025", "FY2026"],
        {"FY2024 – FY2025": "no rows (2 fiscal years)"},
    ),
    (["2024-12-31", "2026-01-01"], "Y", "ja", ["2024", "2025", "2026"], {"2025": "行なし"}),
]


@pytest.mark.parametrize(("dates", "freq", "lang", "periods", "empty"), CASES)
def test_a_run_of_periods_without_reviews_is_one_row(dates, freq, lang, periods, empty):
    frame = _predictions(dates)
    page = build_report(frame, "posted_at", freq=freq, lang=lang, embed_font=False, charts=False, drift=False)
    for section in ("trend", "sentiment"):  # both tables per period say an empty one as the drift section does
        found = re.search(rf'<section id="{section}">(.*?)</section>', page, re.S).group(1)
        rows = re.findall(r"<tr><th>((?:\d|FY)[^<]*)</th>(.*?)</tr>", found, re.S)  # not the heading
        assert [name for name, _ in rows] == periods
        for name, cells in rows:
            said = re.findall(r"<td[^>]*>([^<]*)</td>", cells)
            if name in empty:  # no counts, no shares: a dash per label, and the drift section's words
                assert said[-1] == empty[name] and set(said[:-1]) == {"–"}, (section, name, said)
            else:
                assert "行なし" not in cells and "no rows" not in cells and "–" not in said, (section, name)


@pytest.mark.parametrize(
    ("freq", "lang", "said"),
    [
        ("QE-MAR", "ja", "。FY は会計年度 (年度) で、始まる年で呼びます: FY2025 は 2025-04 から 2026-03 まで"),
        (
            "YE-JUN",
            "en",
            ". FY is the fiscal year, named by the year it starts in: FY2025 runs from 2025-07 to 2026-06",
        ),
        ("Q", "en", None),
        ("M", "ja", None),
    ],
)
def test_the_trend_note_says_which_months_a_fiscal_year_holds(freq, lang, said):
    frame = _predictions(["2025-03-31", "2025-04-01"])
    page = build_report(frame, "posted_at", freq=freq, lang=lang, embed_font=False, charts=False, drift=False)
    trend = re.search(r'<section id="trend">(.*?)</section>', page, re.S).group(1)
    assert (said in trend) if said else ("FY" not in trend)


@pytest.mark.parametrize(
    ("dates", "name", "lang", "said"),
    [
        (
            ["2025-01-10", "2025-03-10"],
            "投稿日",
            "ja",
            "日付は 投稿日 列にあります: このページの作成者は --date-column 投稿日 (Python では",
        ),
        (
            ["2025年1月10日", "2025年3月10日(月)"],
            "posted_at",
            "en",
            "Dates are in column posted_at: whoever made this page can give it with ",
        ),
        (pd.to_datetime(["2025-01-10", "2025-03-10"]), "posted at", "en", "--date-column 'posted at' (date_column="),
        (["20250110", "20250310"], "posted_at", "en", None),  # digits only: ids as often as dates
        (["次の月に", "2025-03-10"], "posted_at", "en", None),  # free text with a date now and then
        ([None, None], "posted_at", "ja", None),
    ],
)
def test_without_a_date_column_the_trend_names_a_column_of_dates(dates, name, lang, said):
    frame = _predictions(["2025-01-10", "2025-03-10"]).drop(columns="posted_at")
    frame.insert(1, name, dates)
    page = build_report(frame, None, lang=lang, embed_font=False, charts=False, drift=False)
    trend = re.search(r'<section id="trend">(.*?)</section>', page, re.S).group(1)
    assert ("--date-column" in trend.replace("--date-column、", "").replace("--date-column;", "")) is bool(said)
    if said:
        assert said in trend.replace("&#x27;", "'")
