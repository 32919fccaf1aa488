"""The id beside each review: shown as written whatever its dtype, and an index that cannot be the id said so."""

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from taikai.analysis import build_report
from taikai.errors import DataWarning

TEXTS = [
    "手数料が20%も引かれるのがつらい",
    "単価が安すぎて数百円にしかならない",
    "本業が忙しくなった",
    "提案しても返事がない",
]
N = len(TEXTS) * 3


@pytest.fixture(scope="module")
def predictions(tiny_model) -> pd.DataFrame:
    return tiny_model.predict_frame(pd.DataFrame({"text": TEXTS * 3}))


def page_of(frame: pd.DataFrame) -> tuple[str, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        page = build_report(frame, embed_font=False, charts=False, drift=False)
    return page, [str(w.message) for w in caught if issubclass(w.category, DataWarning)]


def shown_ids(page: str, column: str) -> list[str]:
    """The cells of *column* in the table of uncertain reviews."""
    section = re.search(r'<section id="uncertain">(.*?)</section>', page, re.S).group(1)
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", re.search(r"<thead>(.*?)</thead>", section, re.S).group(1))
    if column not in headers:
        return []
    at = headers.index(column)
    rows = re.findall(r"<tr>(.*?)</tr>", re.search(r"<tbody>(.*?)</tbody>", section, re.S).group(1), re.S)
    return [re.findall(r"<td[^>]*>([^<]*)</td>", row)[at] for row in rows]


def _as_column(df, values):
    return df.assign(review_id=values)


def _as_index(df, values):
    return df.set_axis(pd.Index(values, name="review_id"))


def _as_first_level(df, values):
    return df.set_axis(pd.MultiIndex.from_arrays([values, list(range(N))], names=["review_id", "line"]))


@pytest.mark.parametrize("place", [_as_column, _as_index, _as_first_level])
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (list(range(3321, 3321 + N)), {str(i) for i in range(3321, 3321 + N)}),
        (np.arange(1_000_001, 1_000_001 + N, dtype="int32"), {str(i) for i in range(1_000_001, 1_000_001 + N)}),
        ([3321.0, *[float(i) for i in range(3322, 3321 + N)]], {str(i) for i in range(3321, 3321 + N)}),
        ([f"00{i}" for i in range(N)], {f"00{i}" for i in range(N)}),
    ],
)
def test_ids_show_as_written_whatever_their_dtype(predictions, place, values, expected):
    """Regression: integer ids from a frame showed as 3,328 (the CSV path shows 3328)."""
    page, warned = page_of(place(predictions, values))
    shown = shown_ids(page, "review_id")
    assert shown and set(shown) <= expected and not any("," in s for s in shown), shown
    assert warned == []


@pytest.mark.parametrize(
    ("index", "said"),
    [
        (
            pd.MultiIndex.from_arrays([list(range(N)), list(range(N))], names=[None, "line"]),
            "the predictions frame: the first level of the index has no name, so no id is shown beside the reviews: "
            'name it (df.rename_axis(["review_id", ...]))',
        ),
        (
            pd.Index(list(range(N)), name="status"),
            "the predictions frame: the index 'status' is not shown as the id beside the reviews: a column (or "
            "another level) is named 'status' too; rename the index (df.rename_axis(\"review_id\"))",
        ),
        (
            pd.Index(list(range(N)), name="text"),
            "the predictions frame: the index 'text' is not shown as the id",
        ),
    ],
)
def test_an_index_that_cannot_be_the_id_is_said_so(predictions, index, said):
    page, warned = page_of(predictions.set_axis(index))
    assert len(warned) == 1 and warned[0].startswith(said), warned
    assert 'id="uncertain"' in page


def test_an_unnamed_index_is_no_id_and_no_warning(predictions):
    page, warned = page_of(predictions.set_axis(pd.Index(range(100, 100 + N))))
    assert warned == [] and shown_ids(page, "index") == []
