"""A dump file's text and date columns checked before a row is read (drift/_file_columns.py), and a frame's: a date
column not found is said with the columns that read as dates, as the report says it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from taikai.cli import cli
from taikai.drift import check_drift
from taikai.errors import InputError

HOTELS = Path(__file__).parents[1] / "fixtures" / "hotel_reviews.csv"


def _dump(tmp_path: Path, name: str = "dump.csv") -> Path:
    frame = pd.read_csv(HOTELS, dtype=str).rename(columns={"posted_at": "投稿日"})
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return path


TOLD = "'投稿日' reads as dates: date_column='投稿日' (--date-column '投稿日' on the command line)"


@pytest.mark.parametrize("reference", [False, True], ids=["model", "reference"])
def test_drift_names_the_column_of_dates_of_a_file(tiny_model_dir, tmp_path, reference):
    """Regression (h389): drift listed the columns only, where the report names the one that reads as dates."""
    args = ["drift", str(_dump(tmp_path)), "--model", str(tiny_model_dir), "--date-column", "posted_at"]
    if reference:
        args += ["--reference", str(HOTELS)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "no column 'posted_at'" in result.stderr, result.output
    assert TOLD in result.stderr


@pytest.mark.parametrize("reference", [None, HOTELS], ids=["model", "reference"])
def test_drift_names_the_column_of_dates_of_a_frame(tiny_model, reference):
    frame = pd.read_csv(HOTELS, dtype=str).rename(columns={"posted_at": "投稿日"})
    with pytest.raises(InputError, match="no column 'posted_at'") as raised:
        check_drift(frame, tiny_model, date_column="posted_at", reference=reference)
    assert TOLD.replace(" (--date-column '投稿日' on the command line)", "") in str(raised.value)


ELSEWHERE = "out; 'posted_at' reads as dates: date_column='posted_at' (--date-column posted_at on the command line)"


@pytest.mark.parametrize("column", ["review_id", "text"])
def test_a_column_of_no_dates_is_refused_naming_the_column_of_dates(tiny_model_dir, tmp_path, column):
    """Regression (h389): --date-column given the ids or the reviews was refused with no word of the column that
    holds the dates, which the error of a column not found names."""
    args = ["drift", str(HOTELS), "--model", str(tiny_model_dir), "--date-column", column]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "holds no dates" in result.stderr, result.output
    assert result.stderr.strip().endswith(ELSEWHERE)


def test_a_frame_s_column_of_no_dates_is_refused_naming_the_column_of_dates(tiny_model):
    with pytest.raises(InputError, match="holds no dates") as raised:
        check_drift(pd.read_csv(HOTELS, dtype=str), tiny_model, date_column="review_id")
    assert str(raised.value).endswith(ELSEWHERE)
