"""``sheet=`` of the Python forms that read labelled files: taikai.train, taikai.evaluate, taikai.evaluate_rules
(and :func:`taikai.io.read_labelled_file` under them), as ``--sheet`` on the command line."""

from contextlib import nullcontext
from pathlib import Path

import pandas as pd
import pytest
from support_text import FEE_RULE

import taikai
from taikai.errors import DataWarning, InputError
from taikai.io import read_labelled_file
from taikai.model import FeatureConfig


def _rows(function: str, data: object, sheet: object, model: taikai.Model, tmp_path: Path) -> int:
    """Run the public *function* on *data* with *sheet*; return how many labelled rows it read."""
    if function == "train":
        trained = taikai.train(data, folds=2, test_size=0, config=FeatureConfig(), sheet=sheet)
        return int(trained.metadata.training_data.rows)
    if function == "evaluate":
        return taikai.evaluate(model, data, sheet=sheet).n_rows
    rules = tmp_path / "rules.toml"
    rules.write_text(FEE_RULE, encoding="utf-8")
    return taikai.evaluate_rules(rules, data, model, sheet=sheet).rows


@pytest.mark.parametrize("function", ["train", "evaluate", "evaluate_rules"])
@pytest.mark.parametrize("sheet", ["ラベル", "2", 2])
def test_the_sheet_given_is_read(tiny_model, book, tmp_path, function, sheet):
    # evaluate warns that the tiny model was trained on these very rows
    trained_on = pytest.warns(DataWarning, match="40 of 40 rows") if function == "evaluate" else nullcontext()
    with trained_on:
        assert _rows(function, book, sheet, tiny_model, tmp_path) == 40


@pytest.mark.parametrize("function", ["train", "evaluate", "evaluate_rules"])
@pytest.mark.parametrize(
    ("sheet", "file", "error", "message"),
    [
        ("無い", "book", InputError, "no sheet '無い'; the sheets are ['表紙', 'ラベル']: give one of their names"),
        (3, "book", InputError, "no sheet '3'; the sheets are ['表紙', 'ラベル']"),
        (1, "book", InputError, "the columns of sheet '表紙' (its sheets are 表紙, ラベル) are ['説明']"),
        ("2", "csv", InputError, "sheet= (--sheet on the command line) applies to xlsx input, not to csv"),
        (2.0, "book", TypeError, "sheet"),
    ],
)
def test_a_wrong_sheet_is_refused(tiny_model, book, tiny_csv, tmp_path, function, sheet, file, error, message):
    with pytest.raises(error) as caught:
        _rows(function, book if file == "book" else tiny_csv, sheet, tiny_model, tmp_path)
    assert message in str(caught.value)


@pytest.mark.parametrize("function", ["train", "evaluate"])
def test_sheet_with_a_frame_is_refused(tiny_model, tiny_csv, tmp_path, function):
    with pytest.raises(InputError, match="sheet= applies to an xlsx file"):
        _rows(function, pd.read_csv(tiny_csv), "ラベル", tiny_model, tmp_path)


@pytest.mark.parametrize(("sheet", "title"), [(None, "表紙"), ("ラベル", "ラベル"), (2, "ラベル"), ("1", "表紙")])
def test_read_labelled_file_reads_the_sheet_given_else_the_first(book, sheet, title):
    assert read_labelled_file(book, sheet=sheet).sheet == title
