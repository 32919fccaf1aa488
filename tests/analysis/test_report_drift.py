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
    return re.findall(r"<tr><th>(.*?)</tr>", bodies, re.S)


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
        cells = re.findall(r"<td( class=\"n\")?>([^<]*)</td>", row)
        figures = [text for numeric, text in cells if re.fullmatch(r"[\d.,]+%?( \*)?", text)]
        assert figures and all(numeric for numeric, text in cells if text in figures), row
        assert not cells[-1][0]  # the verdict is a word
