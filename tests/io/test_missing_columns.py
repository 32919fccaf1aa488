"""The error of an ``--add`` file without a column it is read with (taikai.io._missing_columns)."""

import pandas as pd
import pytest

from taikai import InputError
from taikai.training import Columns, read_inputs

BASE = pd.DataFrame(
    {"text": ["手数料が高すぎる", "単価が安い"], "reasons": ["fees", "low_pay"], "sentiment": ["negative", "negative"]}
)


@pytest.mark.parametrize(
    ("header", "fix"),
    [
        # Regression: a sheet's column renamed in Excel was told "rename the column back to 'reasons'", without
        # naming which of its 15 columns that was
        (["text", "Reasons", "sentiment"], "rename 'Reasons' back to 'reasons' in the file"),
        (["text", "reason", "sentiment"], "rename 'reason' back to 'reasons' in the file"),
        (["Text", "reasons", "sentiment"], "rename 'Text' back to 'text' in the file"),
        # the texts renamed to another word: the one column of reviews
        (["本文", "reasons", "sentiment"], "rename '本文' back to 'text' in the file"),
        (["本文", "Reasons", "sentiment"], "rename '本文' back to 'text' and 'Reasons' back to 'reasons' in the file"),
        (["本文", "kind", "sentiment"], "rename '本文' back to 'text' and the column of reasons back to 'reasons'"),
        # no column near the name: the name alone, as before
        (["text", "kind", "sentiment"], "rename the column back to 'reasons' in the file"),
    ],
)
def test_a_renamed_column_of_an_added_file_is_named(tmp_path, header, fix):
    path = tmp_path / "sheet.csv"
    rows = [
        ["報酬が安すぎて、続けられませんでした。", "fees", "negative"],
        ["手数料が二割も引かれるのはつらい。", "fees", "negative"],
    ]
    pd.DataFrame(rows, columns=header).to_csv(path, index=False)
    with pytest.raises(InputError) as caught:
        read_inputs(BASE, [path], columns=Columns())
    said = str(caught.value)
    assert said.startswith(f"{path}: no column ")
    assert fix in said
