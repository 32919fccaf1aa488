"""The columns of a frame given to predict_frame: a text column not there names the columns that read as reviews."""

import pandas as pd
import pytest

from taikai.errors import InputError

_REVIEWS = [
    "手数料が高すぎて続けられませんでした",
    "提案しても全然通らないのでやめました",
    "本業が忙しくて時間がなくなりました",
]


@pytest.mark.parametrize(
    ("frame", "text_column", "said"),
    [
        (  # an Excel CSV read with pd.read_csv(path, encoding="cp932"): a Japanese header
            {"投稿日": ["2026/11/01", "2026/11/02", "2026/11/03"], "本文": _REVIEWS, "評価": ["★1", "★2", "★3"]},
            "text",
            "no column 'text'; the columns are ['投稿日', '本文', '評価']; give the right one to text_column= "
            "(--text-column on the command line); '本文' reads as reviews: text_column='本文' (--text-column '本文' "
            "on the command line)",
        ),
        (
            {"id": [1, 2, 3], "口コミ": _REVIEWS, "メモ": [r[::-1] for r in _REVIEWS]},
            "review",
            "; '口コミ' and 'メモ' read as reviews: text_column='口コミ' or text_column='メモ'",
        ),
        (  # no column reads as reviews: nothing named
            {"id": [1, 2, 3], "評価": [1, 2, 3]},
            "text",
            "no column 'text'; the columns are ['id', '評価']; give the right one to text_column= (--text-column on "
            "the command line)",
        ),
    ],
)
def test_a_missing_text_column_names_the_columns_that_read_as_reviews(tiny_model, frame, text_column, said):
    """Regression: predict_frame(df) of a frame with 本文 said only that 'text' was missing, where classify_file of the
    same file, and batch, name 本文 as the column that reads as reviews."""
    with pytest.raises(InputError) as raised:
        tiny_model.predict_frame(pd.DataFrame(frame), text_column=text_column)
    message = str(raised.value)
    assert message == said if said.startswith("no column") else said in message, message
