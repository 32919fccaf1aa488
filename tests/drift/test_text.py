"""The drift report's text: the reference line says its row count once, with thousands separators."""

from pathlib import Path

import pytest

from taikai.drift import check_drift
from taikai.drift._text import describe_reference

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


@pytest.mark.parametrize(
    ("source", "rows", "described"),
    [
        # regression: "… on 6823 training rows (6,823 rows)", as the shipped model's metadata words it
        (
            "out-of-fold predictions of 5-fold cross-validation on 6823 training rows",
            6823,
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",
        ),
        (
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",  # as training writes it now
            6823,
            "out-of-fold predictions of 5-fold cross-validation on 6,823 training rows",
        ),
        (
            "predictions on the 1713 test rows of a model fitted on the training rows",
            1713,
            "predictions on the 1,713 test rows of a model fitted on the training rows",
        ),
        (
            "predictions on its own 40 training rows (nothing held out: confidence is optimistic)",
            40,
            "predictions on its own 40 training rows (nothing held out: confidence is optimistic)",
        ),
        ("predictions of the model on 12000 rows", 12000, "predictions of the model on 12,000 rows"),
        ("last_quarter.csv", 12345, "last_quarter.csv (12,345 rows)"),  # a reference file: the count after it
        ("reviews_on_2000_rows.csv", 2000, "reviews_on_2000_rows.csv (2,000 rows)"),
        ("counted on 100 training rows", 90, "counted on 100 training rows (90 rows)"),  # another count: both kept
    ],
)
def test_the_reference_says_its_row_count_once(source, rows, described):
    assert describe_reference(source, rows) == described


def test_the_reference_line_of_the_report_has_one_count(tiny_model):
    line = check_drift(HOTELS, tiny_model).to_text().splitlines()[1]
    assert line.endswith(": out-of-fold predictions of 2-fold cross-validation on 40 training rows"), line
    assert line.count("40") == 1
