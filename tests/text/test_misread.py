"""A cell an Excel or BI export left where a review was: an Excel error value (``#N/A``) or a formula exported as
written (``=HYPERLINK(…)``) says so and what to do (it said "no Japanese characters: the model only reads
Japanese", as for English text)."""

from __future__ import annotations

import pytest

from taikai.text import check_text

FAILED = (
    "an Excel error value ({}), not a review: a formula failed in the sheet the file was exported from (a lookup that "
    "found nothing gives #N/A); fix it there and export again, or leave the row out"
)
FORMULA = (
    "a spreadsheet formula ({}), not a review: the file holds the formula, not what it shows; export the values (in "
    "Excel: copy the column, paste as values) and export again"
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("#N/A", FAILED.format("#N/A")),
        (" #VALUE! ", FAILED.format("#VALUE!")),
        ("#DIV/0!", FAILED.format("#DIV/0!")),
        ("#n/a", FAILED.format("#n/a")),
        ('=HYPERLINK("https://example.com/r/1","link")', FORMULA.format('=HYPERLINK("https://example.com/r/1","l…')),
        ("=SUM(A1:A3)", FORMULA.format("=SUM(A1:A3)")),
        # not these: text that is none of them
        ("N/A", "no Japanese characters: the model only reads Japanese"),
        ("= 1 + 2", "no Japanese characters: the model only reads Japanese"),
    ],
)
def test_an_excel_error_or_formula_is_said_to_be_one(value, message):
    checked = check_text(value)
    assert (checked.status.value, checked.message) == ("error", message)


@pytest.mark.parametrize("value", ["#N/A 報酬が安い", '=HYPERLINK("x","報酬が安すぎる")'])
def test_a_review_holding_one_is_classified(value):
    assert check_text(value).status.value == "ok"
