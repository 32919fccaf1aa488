"""predict_frame on a frame whose data repeats its header (two exports joined before they were read, or their frames
joined with pd.concat): the row is kept in its place with the status 'error' and a message, not classified as the
review '本文' and counted as one; a DataWarning names it by its data row (and index label). A review that reads as a
column's name among other cells is a review. (h405: the row was classified, 'other', as a review.)"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from taikai.errors import DataWarning
from taikai.text import TextProblem

MESSAGE = (
    "the header repeated: the row holds the column names again, as where two exports were joined (files joined "
    "before they were read, or their frames with pd.concat); not classified: drop it (df[df['{c}'] != '{c}'])"
)


@pytest.mark.parametrize(
    ("frame", "column", "header", "said"),
    [
        (pd.DataFrame({"id": ["1", "id", "2"], "本文": ["手数料が高い", "本文", "単価が安い"]}), "本文", [1], "2"),
        (pd.DataFrame({"本文": ["手数料が高い", "本文", "本文"]}), "本文", [1, 2], "2; 3"),
        (pd.DataFrame({"本文": ["手数料が高い", " 本文 "]}), "本文", [], ""),  # not the name as written: a review
        # a BOM before the second export's first name, as cat a.csv b.csv leaves it
        (pd.DataFrame({"本文": ["\ufeff本文", "手数料が高い"]}), "本文", [0], "1"),
        # a copy with a column the first lacks: pd.concat fills it with NaN there
        (
            pd.DataFrame(
                {"id": ["1", "id"], "text": ["手数料が高い", "text"], "理由": ["fees", "理由"], "メモ": ["x", np.nan]}
            ),
            "text",
            [1],
            "2",
        ),
        # indexed by ids: the warning names the label df.loc finds
        (pd.DataFrame({"text": ["手数料が高い", "text"]}, index=["a1", "a2"]), "text", [1], "2; index 'a2'"),
        # a review that reads as a column's name, beside other cells, is a review
        (pd.DataFrame({"id": ["1", "2"], "本文": ["本文", "id"]}), "本文", [], ""),
        # a frame read with header=None has no names to repeat
        (pd.DataFrame({0: ["0", "手数料が高い"]}), 0, [], ""),
    ],
)
def test_a_row_repeating_the_header_is_named_not_classified(tiny_model, frame, column, header, said):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = tiny_model.predict_frame(frame, text_column=column)
    assert len(out) == len(frame) and list(out.index) == list(frame.index)
    repeated = [at for at, said in enumerate(out["message"]) if said == MESSAGE.format(c=column)]
    assert repeated == header
    kinds = [at for at, said in enumerate(out["message"]) if TextProblem.of(said) is TextProblem.REPEATED_HEADER]
    assert kinds == header  # the report glosses it by its kind
    for at in header:
        assert out["status"].iloc[at] == "error"
        assert pd.isna(out["reason"].iloc[at]) and np.isnan(out["p_reason_fees"].iloc[at])
    told = [str(w.message) for w in caught if issubclass(w.category, DataWarning) and "column names" in str(w.message)]
    if header:
        assert told == [
            f"the frame's data row(s) {said} (1-based) hold its column names again, as where two exports were joined: "
            "each is kept with status 'error', not classified nor counted as a review; drop them "
            f"(df[df[{column!r}] != {column!r}])"
        ]
    else:
        assert told == []
