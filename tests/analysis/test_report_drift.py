"""The report's drift section lays its figures out as figures (analysis/_report/_drift.py)."""

import re
from pathlib import Path

import pandas as pd
import pytest

from taikai.analysis import build_report

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews_katakana.csv"


def _drift_rows(page: str) -> list[str]:
    """Return the HTML of the body rows of the tables of the page's drift section, each from its heading cell on."""
    found = re.search(r'<section id="drift">(.*?)</section>', page, re.S)
    assert found is not None
    bodies = "".join(re.findall(r"<tbody>(.*?)</tbody>", found.group(1), re.S))
    return re.findall(r"<tr><th(?: class=\"w\")?>(.*?)</tr>", bodies, re.S)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_drift_tables_figures_are_laid_out_as_numbers(tiny_model, lang):
    """Regression: the figures of the drift section's tables were label cells, which printed break anywhere: in a
    period table squeezed onto A4, a one-reason share read "20.0" over "%"."""
    frame = tiny_model.predict_frame(pd.read_csv(HOTELS))
    frame["posted_at"] = ["2026-09-15", "2026-10-15"] * (len(frame) // 2) + ["2026-10-16"] * (len(frame) % 2)
    page = build_report(frame, model=tiny_model, date_column="posted_at", lang=lang, charts=False, embed_font=False)
    rows = _drift_rows(page)
    periods = [r for r in rows if r.startswith("2026-")]
    assert len(periods) == 2 and len(rows) > len(periods)
    for row in rows:
        cells = re.findall(r"<td(?: class=\"(\w)\")?>([^<]*)</td>", row)
        figures = [text for kind, text in cells if re.fullmatch(r"[\d.,]+%?( \*)?", text)]
        assert figures and all(kind == "n" for kind, text in cells if text in figures), row
        assert cells[-1][0] == "w"  # the verdict is a word, kept whole (test below)


@pytest.mark.parametrize(
    ("lang", "verdicts"),
    [("ja", {"なし", "あり", "行が少なすぎる"}), ("en", {"no", "yes", "too few rows"})],
)
def test_a_period_and_its_verdict_are_kept_whole_when_printed(tiny_model, lang, verdicts):
    """Regression (h374): printed, the period table broke its verdict なし into な over し and its period 2026-09 at
    the hyphen: the period heading and the verdict cells are the kind never broken inside a word."""
    frame = tiny_model.predict_frame(pd.read_csv(HOTELS))
    frame["posted_at"] = ["2026-09-15", "2026-10-15"] * (len(frame) // 2) + ["2026-10-16"] * (len(frame) % 2)
    page = build_report(frame, model=tiny_model, date_column="posted_at", lang=lang, charts=False, embed_font=False)
    for period in ("2026-09", "2026-10"):
        row = re.search(f'<tr><th class="w">{period}</th>(.*?)</tr>', page)
        assert row is not None, period
        last = re.findall(r'<td(?: class="(\w)")?>([^<]*)</td>', row.group(1))[-1]
        assert last[0] == "w" and last[1] in verdicts, row.group(1)
    assert "td.w,th.w{word-break:keep-all;overflow-wrap:normal}th.w{white-space:nowrap}" in page
