"""Label cells (taikai.labels._cells): a cell read as its labels, and labels written as a cell."""

import numpy as np
import pandas as pd
import pytest

import taikai
from taikai.errors import DataWarning
from taikai.labels import (
    format_reasons,
    label_cell,
    parse_label_cell,
    parse_reasons,
)
from taikai.model import FeatureConfig


@pytest.mark.parametrize(
    ("cell", "labels"),
    [
        ("fees", ["fees"]),
        ("fees|low_pay", ["fees", "low_pay"]),
        (" trouble | other ", ["trouble", "other"]),
        ("time|time", ["time"]),
        ("", []),
        ("||", []),
    ],
)
def test_parse_reasons(cell, labels):
    assert parse_reasons(cell) == labels


def test_format_reasons_round_trips():
    assert parse_reasons(format_reasons(["fees", "low_pay"])) == ["fees", "low_pay"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("fees time", ["fees", "time"]),  # taxonomy reasons: a space separates them
        ("手数料が高い　時間がない", ["fees", "time"]),
        ("late payment", ["late payment"]),  # a label of one's own (--free-labels) keeps its space
        ("late payment|fees", ["late payment", "fees"]),
        ("fees late", ["fees late"]),  # not every piece is a reason: one label
        ("fees、time", ["fees", "time"]),  # commas between taxonomy reasons separate them
        ("手数料が高い，時間がない", ["fees", "time"]),
        ("fees, time|other", ["fees", "time", "other"]),
        ("旅行、観光", ["旅行、観光"]),  # a label of one's own keeps its comma (it was split in two)
        ("Sports, Outdoors|経済,金融", ["Sports, Outdoors", "経済,金融"]),
        ("fees, late payment", ["fees, late payment"]),
    ],
)
def test_parse_label_cell_splits_at_spaces_and_commas_only_between_reasons(cell, expected):
    assert parse_label_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [  # a separator at an end separates nothing: every documented separator alike, as `|` always was
        ("fees|", ["fees"]),
        ("fees、", ["fees"]),
        ("fees,", ["fees"]),
        ("fees，", ["fees"]),
        ("、fees ", ["fees"]),
        ("|", []),
        ("、", []),
        (",", []),
        ("手数料が高い、", ["fees"]),
        ("旅行、観光、", ["旅行、観光"]),
        ("fees、time、|other,", ["fees", "time", "other"]),
    ],
)
def test_a_separator_at_either_end_of_a_label_is_dropped(cell, expected):
    assert parse_label_cell(cell) == expected


@pytest.mark.parametrize(
    ("cell", "as_written", "expected"),
    [
        ("その他|お金", False, ["other", "お金"]),  # the taxonomy's Japanese name read as its id
        ("その他|お金", True, ["その他", "お金"]),  # labels of one's own: as written
        ("Fees、時間がない", False, ["fees", "time"]),
        ("Fees、時間がない", True, ["Fees", "時間がない"]),
        ("ｆｅｅｓ", True, ["fees"]),  # NFKC still applies
        # a space is part of a label of one's own, even between taxonomy words: a team's "other fees" was read as
        # the two labels other and fees, and train --free-labels learnt other and lost the label
        ("other fees", True, ["other fees"]),
        ("other fees", False, ["other", "fees"]),
        ("Time trouble|手数料", True, ["Time trouble", "手数料"]),
        ("low_pay　time", True, ["low_pay time"]),  # an ideographic space is a space after NFKC
        ("Fees, 時間がない", True, ["Fees", "時間がない"]),  # a comma still separates them
    ],
)
def test_labels_of_one_s_own_are_kept_as_written(cell, as_written, expected):
    assert parse_label_cell(cell, as_written=as_written) == expected


@pytest.mark.parametrize(
    ("value", "cell"),
    [  # regression: a float64 column's 1.0 read as '1.0', where the file's cell 1 reads '1'
        (1.0, "1"),
        (np.float64(0.0), "0"),
        (np.int64(2), "2"),
        (0.5, "0.5"),
        (float("nan"), ""),
        (pd.NA, ""),  # regression: a nullable or pyarrow string column's missing cell was the label '<NA>'
        (pd.NaT, ""),
        (np.array([1.0, 2.0]), "1|2"),
        # regression: a file's cell 1.0 (as to_csv writes a float 1.0) stayed '1.0' where the frame's float read '1'
        ("1.0", "1"),
        (" １.００ ", "1"),
        ("-0.0", "0"),
        ("12.0", "12"),
        ("2.50", "2.50"),
        ("1.05", "1.05"),
        ("v1.0", "v1.0"),
        ("1.", "1."),
    ],
)
def test_label_cell_reads_whole_number_floats_as_the_file_s_cells(value, cell):
    assert label_cell(value) == cell


@pytest.mark.parametrize(
    ("value", "cell", "parsed"),
    [  # regression (h386): a label pasted from a chat or a web page with a zero-width space was unknown, shown fees
        ("fees\u200b", "fees", ["fees"]),
        ("\u200b手数料が高い", "手数料が高い", ["fees"]),
        ("\ufefffees\u2060", "fees", ["fees"]),
        ("fees\u200c", "fees", ["fees"]),
        ("\u200d fees \u200b", "fees", ["fees"]),
        ("fees|\u200btrouble", "fees|trouble", ["fees", "trouble"]),
        ("fe\u200bes", "fees", ["fees"]),
        ("猫\u200d犬", "猫\u200d犬", ["猫\u200d犬"]),  # a joiner between two characters (an emoji's parts): kept
    ],
)
def test_a_label_cell_is_read_without_characters_that_show_nothing(value, cell, parsed):
    assert label_cell(value) == cell
    assert parse_label_cell(value) == parsed


@pytest.mark.parametrize("reader", ["file", "frame"])
def test_a_frame_saved_with_to_csv_has_the_same_whole_number_labels_both_ways(tiny_csv, tmp_path, reader):
    # regression: a model trained on a frame's CSV had the labels '0.0' and '1.0' (as to_csv writes a float column),
    # and refused the same data read back with pd.read_csv: "unknown label '0' (closest: '1.0')"
    frame = pd.read_csv(tiny_csv)
    frame["reasons"] = (frame["reasons"] == "low_pay").astype(float)
    path = tmp_path / "numbered.csv"
    frame.to_csv(path, index=False)
    config = FeatureConfig(min_df=1)
    model = taikai.train(path, tmp_path / "model", config=config, folds=2, test_size=0, free_labels=True)
    with pytest.warns(DataWarning, match="were in this model's training data"):
        report = taikai.evaluate(model, path if reader == "file" else pd.read_csv(path))
    assert report.n_rows == len(frame)
    assert list(model.reason_labels) == ["0", "1"]  # as the frame's floats 0.0 and 1.0 read
