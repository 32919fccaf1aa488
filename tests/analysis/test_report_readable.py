"""The page as an executive reads it: without its images (an e-mail preview that blocks them, a screen reader), every
chart's figures are in a table."""

import re

import pandas as pd
import pytest
from support_frames import classified

from taikai.analysis import build_report


def _predictions() -> pd.DataFrame:
    """Three reviews in January (one positive) and one in March, none in February; two not classified, with a long
    message."""
    frame = pd.DataFrame(
        {
            "review_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "posted_at": ["2025-01-05", "2025-01-06", "2025-01-07", "2025-03-01", "2025-03-02", "2025-03-03"],
            "platform": ["Lancers"] * 6,
            "text": ["手数料が高い", "手数料が高すぎる", "単価が安い", "時間がない", "english only", "english too"],
            "reason": ["fees", "fees", "low_pay", "time", "fees", "fees"],
        }
    )
    frame = classified(frame)
    frame.loc[0, "sentiment"] = "positive"
    unclassified = frame.index >= 4
    frame.loc[unclassified, "status"] = "error"
    frame.loc[unclassified, "message"] = "no Japanese characters: " + "the model only reads Japanese " * 8
    columns = [c for c in frame.columns if c.startswith(("reason", "sentiment", "p_"))]
    frame.loc[unclassified, columns] = None
    return frame


def _section(page: str, key: str) -> str:
    return re.search(rf'<section id="{key}">(.*?)</section>', page, re.S).group(1)


# (section, a row of the table holding its chart's figures, in each language)
FIGURES = [
    (
        "sentiment",
        "ja",
        '<tr><th>2025-01</th><td class="n">1 (33.3%)</td><td class="n">0 (0.0%)</td><td class="n">2 (66.7%)</td>'
        '<td class="n">3</td></tr>',
    ),
    ("sentiment", "ja", '<tr><th>2025-02</th><td class="n">0</td><td class="n">0</td><td class="n">0</td>'),
    ("sentiment", "en", "<thead><tr><th>month</th><th>positive</th><th>neutral</th><th>negative</th><th>total</th>"),
    ("trend", "ja", '<tr><th>2025-03</th><td class="n">0 (0.0%)</td>'),
    ("reasons", "ja", '<td class="n">2 (50.0%)</td>'),
    ("segments", "ja", "<tr><th>Lancers</th>"),
]


@pytest.mark.parametrize(("key", "lang", "row"), FIGURES)
def test_every_chart_has_its_figures_in_a_table(key, lang, row):
    page = build_report(_predictions(), "posted_at", by="platform", lang=lang, embed_font=False, charts=False)
    assert row in _section(page, key)
