"""The reviews picked out of predictions: each text once by default (with its number of rows), or every row."""

import pandas as pd
import pytest

from taikai import analysis

REPOST = "手数料が高すぎて続けられない〜"


@pytest.fixture(scope="module")
def reposted(tiny_model) -> pd.DataFrame:
    """Predictions of 14 posts of one text (one with 〜 as ～, as CP932 writes it) and 6 others."""
    texts = [REPOST] * 13 + ["手数料が高すぎて続けられない～"] + [f"単価が安すぎる {i}" for i in range(6)]
    return tiny_model.predict_frame(pd.DataFrame({"review_id": [f"r{i:02d}" for i in range(20)], "text": texts}))


@pytest.mark.parametrize(
    ("pick", "one_per_text", "rows", "repeats"),
    [
        (lambda df, **kw: analysis.least_confident(df, n=20, **kw), True, 7, 14),
        (lambda df, **kw: analysis.least_confident(df, n=20, **kw), False, 20, None),
        (lambda df, **kw: analysis.representative_reviews(df, per_reason=20, **kw), True, 7, 14),
        (lambda df, **kw: analysis.representative_reviews(df, per_reason=20, **kw), False, 20, None),
    ],
    ids=["least_confident", "least_confident every row", "representative", "representative every row"],
)
def test_a_reposted_text_is_picked_once_with_its_number_of_rows(reposted, pick, one_per_text, rows, repeats):
    """Regression: on a dump with reposts, the 20 least confident rows held 2 distinct texts (14 of one)."""
    picked = pick(reposted, one_per_text=one_per_text)
    assert len(picked) == rows
    if repeats is None:
        assert "rows" not in picked.columns
    else:
        texts = picked["text"].str.replace("～", "〜")
        assert texts.is_unique and picked["rows"].max() == repeats and picked["rows"].sum() == 20


def test_the_default_is_one_row_per_text(reposted):
    pd.testing.assert_frame_equal(
        analysis.least_confident(reposted), analysis.least_confident(reposted, one_per_text=True)
    )
