"""The split column of labelled data (``taikai.io._splits``): its values, and the rows named when one is wrong."""

import pandas as pd
import pytest

from taikai.errors import InputError
from taikai.io import select_split, split_column


@pytest.mark.parametrize(("wrong", "more"), [(1, []), (5, []), (6, ["  … and 1 more"]), (9, ["  … and 4 more"])])
def test_a_wrong_split_value_names_five_rows_then_how_many_more(wrong, more):
    frame = pd.DataFrame({"split": ["x"] * wrong + ["train"]})
    with pytest.raises(InputError) as caught:
        split_column(frame, "d.csv", lines=list(range(2, wrong + 3)))
    lines = str(caught.value).splitlines()
    assert lines[1 : min(wrong, 5) + 1] == [f"  d.csv:{line}: split 'x'" for line in range(2, min(wrong, 5) + 2)]
    assert lines[min(wrong, 5) + 1 : -1] == more


@pytest.mark.parametrize(
    ("splits", "which", "rows", "said"),
    [
        (["train", "Test ", "test"], "test", [1, 2], None),
        (["train", "test"], "train", [0], None),
        (["train", "test"], "all", [0, 1], None),
        (["train", "train"], "test", None, "d.csv: no row has split=test"),  # none held out: not an empty score
        (None, "test", None, "d.csv: no 'split' column, so there are no test rows to select"),
    ],
)
def test_select_split_returns_the_rows_asked_for_or_says_there_are_none(splits, which, rows, said):
    frame = pd.DataFrame({"text": ["a", "b", "c"][: len(splits or [0, 1])]})
    frame = frame.assign(split=splits) if splits is not None else frame
    if said is None:
        assert list(select_split(frame, which, "d.csv").index) == rows
    else:
        with pytest.raises(InputError, match=f"^{said}"):
            select_split(frame, which, "d.csv")
