"""Labelled files: label names, more_reasons, blank rows, unusable rows skipped or refused, unknown labels."""

import pandas as pd
import pytest

from taikai import InputError
from taikai.io import BadRow, check_labelled, read_labelled_table


def frame(rows):
    return pd.DataFrame(rows, columns=["text", "reasons", "sentiment", "more_reasons"])


def test_japanese_names_and_more_reasons_become_ids():
    table = check_labelled(frame([["手数料が高い", "手数料が高い", "ネガティブ", "報酬・単価が低い|trouble"]]))
    assert table.frame["label_set"].tolist() == [["fees", "low_pay", "trouble"]]
    assert table.frame["reasons"].tolist() == ["fees|low_pay|trouble"]
    assert table.frame["sentiment"].tolist() == ["negative"] and table.frame["primary"].tolist() == ["fees"]


@pytest.mark.parametrize(
    ("rows", "skip_blank", "kept", "blank", "bad"),
    [
        ([["手数料", "fees", "negative", ""], ["本業", "", "", ""]], True, 1, 1, []),  # a row left blank
        (
            [["手数料", "fees", "negative", ""], ["本業", "", "", ""]],
            False,
            1,
            0,
            ["row 2 (data row, 1-based): reasons"],
        ),
        ([["(^_^)", "fees", "negative", ""]], True, 0, 0, ["text: no Japanese"]),
        ([["", "fees", "negative", ""]], True, 0, 0, ["text: empty"]),
        ([["手数料", "fees", "", ""]], True, 0, 0, ["sentiment: no label"]),  # half filled: not blank, bad
        ([["手数料", "", "negative", "fees"]], True, 1, 0, []),  # more_reasons alone is a label
    ],
)
def test_blank_and_unusable_rows_are_counted(rows, skip_blank, kept, blank, bad):
    table = check_labelled(frame(rows), on_bad_rows="skip", skip_blank=skip_blank)
    assert (len(table.frame), table.blank, len(table.bad)) == (kept, blank, len(bad))
    assert table.rows == len(rows) == len(table.frame) + table.blank + len(table.bad)
    for row, expected in zip(table.bad, bad, strict=True):
        assert expected in str(row)


def test_error_mode_lists_every_unusable_row_and_says_how_to_go_on():
    rows = [["(^_^)", "fees", "negative", ""], ["", "fees", "negative", ""], ["手数料", "fees", "negative", ""]]
    with pytest.raises(InputError, match=r"(?s)2 row\(s\) cannot be used.*row 1 .*row 2 .*--on-bad-rows skip"):
        check_labelled(frame(rows), on_bad_rows="error")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["手数料", "low_pya", "negative", ""], r"sheet.csv:2: reasons: unknown label 'low_pya'"),
        (["手数料", "fees", "angry", ""], r"sheet.csv:2: sentiment: unknown label 'angry'"),
        (["手数料", "fees", "negative", "xx"], r"sheet.csv:2: reasons: unknown label 'xx'"),
    ],
)
def test_unknown_labels_stop_naming_file_line_and_value(tmp_path, row, message):
    path = tmp_path / "sheet.csv"
    frame([row]).to_csv(path, index=False)
    with pytest.raises(InputError, match=message):
        read_labelled_table(path, known_reasons={"fees"}, known_sentiments={"negative"}, on_bad_rows="skip")


def test_bad_rows_name_their_file_line(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text('text,reasons,sentiment\n"二行の\n本文",fees,negative\n\n:-),other,neutral\n', encoding="utf-8")
    table = read_labelled_table(path, on_bad_rows="skip")
    assert table.bad == (BadRow(f"{path}:5", "text: no Japanese characters: the model only reads Japanese", ":-)"),)
