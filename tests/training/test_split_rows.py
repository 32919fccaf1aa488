"""What a refused split advises (``taikai.training._split_rows``): each way only where it applies."""

import warnings

import pandas as pd
import pytest

import taikai
from taikai import InputError
from taikai.errors import DataWarning

_URL = "https://ja.wikipedia.org/wiki/東京"
"""A URL whose only Japanese is in its path: its text's problem holds a ``;`` (no Japanese outside URLs…; …)."""
_MORE_ROWS = "what to do: give more labelled rows (of at least two different reasons)"
_MARK_TRAIN = ", or mark more rows train in the split column"
_CHECK_TEXT = (
    "what to do: check that text_column='url' (--text-column on the command line) names the column of the Japanese "
    "review texts"
)


def _frame(reasons, split=None, url=_URL, more_reasons=None):
    """Rows of *reasons* (and *more_reasons*) and alternating sentiments, with a text column and a URL column."""
    texts = [f"手数料が高い{i}" for i in range(len(reasons))]
    frame = pd.DataFrame({"url": [f"{url}/{i}" for i in range(len(reasons))], "text": texts, "reasons": reasons})
    frame["sentiment"] = ["negative", "neutral"] * (len(reasons) // 2) + ["negative"] * (len(reasons) % 2)
    frame = frame if more_reasons is None else frame.assign(more_reasons=more_reasons)
    return frame if split is None else frame.assign(split=split)


@pytest.mark.parametrize(
    ("frame", "options", "advice"),
    [
        # the split column holds out the other reason: mark more rows train, whatever --test-size says (it is
        # ignored, and test_size=0 dropped the advice)
        (_frame(["fees"] * 3 + ["low_pay"], ["train"] * 3 + ["test"]), {"test_size": 0}, _MORE_ROWS + _MARK_TRAIN),
        (_frame(["fees"] * 3 + ["low_pay"], ["train"] * 3 + ["test"]), {"test_size": 0.2}, _MORE_ROWS + _MARK_TRAIN),
        # one reason in every row, test rows or not: no split helps, so none is advised
        (_frame(["fees"] * 4, ["train"] * 3 + ["test"]), {"test_size": 0}, _MORE_ROWS),
        (_frame(["fees"] * 4, ["train"] * 3 + ["test"]), {"test_size": 0.2}, _MORE_ROWS),
        # no row usable, each for its text alone, whose problem holds a ; (it said: give more rows, fix them)
        (_frame(["fees", "low_pay"] * 2), {"text_column": "url"}, _CHECK_TEXT),
        (_frame(["fees", "low_pay"] * 2, url="abc"), {"text_column": "url"}, _CHECK_TEXT),
        # no row usable, each for its text and its labels (more_reasons without the primary reason): the rows are to
        # be fixed, not the text column checked
        (
            _frame([""] * 4, more_reasons=["fees", "low_pay"] * 2),
            {"text_column": "url"},
            "what to do: give more labelled rows (of at least two different reasons), or fix the skipped rows",
        ),
        (
            _frame([""] * 4, url="abc", more_reasons=["fees", "low_pay"] * 2),
            {"text_column": "url"},
            "what to do: give more labelled rows (of at least two different reasons), or fix the skipped rows",
        ),
    ],
    ids=[
        "test-rows-test-size-0",
        "test-rows",
        "one-reason-test-size-0",
        "one-reason",
        "text-only-with-semicolon",
        "text-only",
        "text-and-labels-with-semicolon",
        "text-and-labels",
    ],
)
def test_advice_follows_what_is_wrong(frame, options, advice):
    with pytest.raises(InputError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)  # rows skipped, --test-size ignored: the error says it all
        taikai.train(frame, folds=0, **options)
    assert str(caught.value).endswith(f"\n{advice}"), str(caught.value)
