"""A suggest sheet whose model_reason was corrected in place, reasons left blank (taikai.io._guesses_edited)."""

import re

import openpyxl
import pandas as pd
import pytest

import taikai
from taikai.errors import InputError
from taikai.io import check_labelled

TEXTS = ["手数料が2割も引かれるのがつらい", "提案しても全然通らなかった", "本業が忙しくなって時間がない"]


def sheet(model_reason, model_reason_ja, reasons, sentiment=("", "", "")):
    """A suggest sheet's columns (as read back) for the three TEXTS."""
    return pd.DataFrame(
        {
            "review_id": ["r1", "r2", "r3"],
            "text": TEXTS,
            "model_reason": list(model_reason),
            "model_reason_ja": list(model_reason_ja),
            "reasons": list(reasons),
            "sentiment": list(sentiment),
        }
    )


JA = ["トラブル・不信", "提案が通らない", "時間がない"]


@pytest.mark.parametrize(
    ("frame", "refused"),
    [
        # the user's case: the wrong guess on the first row overwritten with the right reason, reasons left blank
        (sheet(["fees", "rejection", "time"], JA, ["", "rejection", "time"]), [1]),
        # with a sentiment filled, the correction is lost all the same (the row trains its sentiment alone)
        (sheet(["fees", "rejection", "time"], JA, ["", "", "time"], ["negative", "", ""]), [1]),
        # model_reason_ja corrected instead, and a Japanese name typed into model_reason: both are the guess changed
        (sheet(["trouble", "rejection", "手数料が高い"], ["手数料が高い", *JA[1:]], ["", "", ""]), [1, 3]),
        (sheet(["fees", "rejection", "time"], JA, ["fees", "", ""]), None),  # corrected and copied to reasons
        (sheet(["trouble", "rejection", "time"], JA, ["fees", "", "time"]), None),  # guesses as written
        (sheet(["trouble", "", "time"], ["トラブル・不信", "", None], ["fees", "", ""]), None),  # a guess cleared
        (sheet(["UI", "料金", "time"], ["UI", "料金", "時間がない"], ["UI", "", ""]), None),  # labels of one's own
        (sheet(["fees", "rejection", "time"], JA, ["", "", ""]).drop(columns="model_reason_ja"), None),  # no name
    ],
)
def test_a_guess_corrected_in_place_is_refused_naming_its_rows(frame, refused):
    """Regression: 29 rows whose model_reason an analyst corrected, reasons left blank, were counted as blank and
    their corrections lost without a word ("240 rows, 187 used, 53 blank")."""
    if refused is None:
        check_labelled(frame, skip_blank=True, reasons_only=True, sentiments_only=True, known_reasons=None)
        return
    with pytest.raises(InputError) as caught:
        check_labelled(frame, skip_blank=True, reasons_only=True, sentiments_only=True)
    said = str(caught.value)
    assert said.startswith(f"<data>: {len(refused)} row(s) have no reasons but a model_reason other than")
    listed = [line.partition(": model_reason ")[0] for line in said.splitlines()[1:-1]]
    assert listed == [f"  <data>: row {n} (data row, 1-based)" for n in refused]
    assert said.splitlines()[-1].startswith("copy each correction into reasons")


def test_the_refusal_names_the_sheet_s_line_and_the_reason_meant(tmp_path, tiny_model):
    path = tmp_path / "filled.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "labels"
    frame = sheet(["fees", "rejection", "time"], JA, ["", "rejection", "time"])
    for row in [list(frame.columns), *frame.itertuples(index=False)]:
        book.active.append(list(row))
    book.save(path)
    said = f"{path}:2 (id r1): model_reason 'fees', where model_reason_ja names 'トラブル・不信' (trouble)"
    with pytest.raises(InputError, match=re.escape(said)):  # review_id names the row, found by its name
        taikai.evaluate(tiny_model, path)
