"""An added row that is a base row as an xlsx sheet holds it (without \\x0b and the other control characters a
cell cannot hold), or the reverse, is a duplicate, as ``taikai suggest --exclude`` counts it."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.training import Columns, read_inputs

ROWS = [
    ("手数料が高すぎて、\x0b手元に残らない", "fees", "negative"),
    ("単価が安くて\x01続けられない", "low_pay", "negative"),
    ("本業が忙しくて時間がない", "time", "neutral"),
    ("詐欺まがいの案件にあった", "trouble", "negative"),
]
NEW = ("まったく新しい話を書いた", "other", "neutral")


def frame(rows, lost=False):
    """The labelled *rows*; with *lost*, their texts as a sheet holds them (\\x0b, \\x01 removed)."""
    texts = [t.replace("\x0b", "").replace("\x01", "") if lost else t for t, _, _ in rows]
    return pd.DataFrame({"text": texts, "reasons": [r for _, r, _ in rows], "sentiment": [s for _, _, s in rows]})


@pytest.mark.parametrize(
    ("base_lost", "added_lost", "duplicates"),
    [
        (False, True, 2),  # a filled sheet drawn from DATA's texts: the regression (0 duplicates)
        (True, False, 2),  # DATA read from a sheet, the added file from the CSV
        (False, False, 2),  # the same text
        (True, True, 2),
    ],
)
def test_a_sheet_s_copy_of_a_base_row_is_a_duplicate(base_lost, added_lost, duplicates):
    added = pd.concat([frame(ROWS[:2], added_lost), frame([NEW])], ignore_index=True)
    inputs = read_inputs(frame(ROWS, base_lost), [added], columns=Columns())
    assert inputs.files[1].duplicates == duplicates
    assert inputs.added["text"].tolist() == [NEW[0]]


@pytest.mark.parametrize(("first_lost", "second_lost"), [(False, True), (True, False)])
def test_a_sheet_s_copy_of_an_added_row_is_a_repeat(first_lost, second_lost):
    first = pd.concat([frame(ROWS[:1], first_lost), frame([NEW])], ignore_index=True)
    inputs = read_inputs(frame(ROWS[2:]), [first, frame(ROWS[:1], second_lost)], columns=Columns())
    assert [f.duplicates for f in inputs.files] == [0, 1, 0]
    assert inputs.added["text"].tolist() == [NEW[0], frame(ROWS[:1], second_lost)["text"][0]]


def test_a_space_is_no_lost_character():
    """A text whose control character stands where the other has a space is the same text, as before."""
    spaced = frame(ROWS[:1]).assign(text=ROWS[0][0].replace("\x0b", " "))
    inputs = read_inputs(frame(ROWS), [pd.concat([spaced, frame([NEW])])], columns=Columns())
    assert inputs.files[1].duplicates == 1


def test_train_add_drops_the_rows_of_a_filled_sheet_that_are_in_data(tmp_path):
    tiny = pd.read_csv(Path(__file__).parents[1] / "fixtures" / "tiny.csv", dtype=str)
    data, sheet, out = tmp_path / "data.csv", tmp_path / "sheet.xlsx", tmp_path / "m"
    pd.concat([tiny, frame(ROWS[:2])]).to_csv(data, index=False)
    pd.concat([frame(ROWS[:2], lost=True), frame([NEW])]).to_excel(sheet, index=False)
    args = ["train", data, "--add", sheet, "--out", out, "--vectors", "none", "--folds", "0", "--compare-folds", "0"]
    result = CliRunner().invoke(cli, list(map(str, args)))
    assert result.exit_code == 0, result.output
    assert "sheet.xlsx  (3 rows, 1 used, 2 duplicates, weight 1)" in result.output


CP932_ROWS = [  # an emoji is ? in a CSV sheet written in CP932 (Excel's "CSV (comma delimited)", --output-encoding)
    ("手数料が高すぎて手元に残らない😡", "fees", "negative"),
    ("単価が安くて🥲続けられない", "low_pay", "negative"),
    ("本業が忙しくて時間がない", "time", "neutral"),
]


@pytest.mark.parametrize(
    ("base_cp932", "added_cp932", "duplicates"),
    [
        (False, True, 2),  # a filled CP932 sheet drawn from DATA's texts: the regression (0 duplicates)
        (True, False, 2),
        (False, False, 2),
    ],
)
def test_a_cp932_sheet_s_copy_of_a_base_row_is_a_duplicate(base_cp932, added_cp932, duplicates):
    def rows(cp932):
        frame = pd.DataFrame(CP932_ROWS, columns=["text", "reasons", "sentiment"])
        return frame.assign(text=frame["text"].str.encode("cp932", "replace").str.decode("cp932")) if cp932 else frame

    added = pd.concat([rows(added_cp932)[:2], frame([NEW])], ignore_index=True)
    inputs = read_inputs(rows(base_cp932), [added], columns=Columns())
    assert inputs.files[1].duplicates == duplicates
    assert inputs.added["text"].tolist() == [NEW[0]]


def test_a_question_mark_of_its_own_is_no_lost_character():
    """A review that writes ? where DATA's has another character is no copy unless CP932 cannot hold that one."""
    base = pd.DataFrame(
        {"text": ["本当に稼げるの!", "本当に稼げるの😡"], "reasons": ["low_pay"] * 2, "sentiment": ["negative"] * 2}
    )
    added = pd.DataFrame(
        {"text": ["本当に稼げるの?", NEW[0]], "reasons": ["low_pay", "other"], "sentiment": ["negative"] * 2}
    )
    inputs = read_inputs(pd.concat([base, frame(ROWS)], ignore_index=True), [added], columns=Columns())
    assert inputs.files[1].duplicates == 1  # the copy of the emoji's row, not of the ! one
